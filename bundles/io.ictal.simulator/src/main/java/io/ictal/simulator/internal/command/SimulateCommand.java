package io.ictal.simulator.internal.command;

import io.ictal.simulator.EegSimulator;
import io.ictal.simulator.SimulatedSeizure;
import io.ictal.simulator.internal.SimulatorMain;
import io.ictal.simulator.internal.TuszAnnotations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code ictal:simulate [--hours H | --seconds S] [--seed S] [--seizures-per-hour R] [--seizure ONSET:DURATION:FOCUS]...
 * [--channels Fp1,F7,...] [--no-ekg] [--no-artifacts] [--truth TRUTH.json] OUT.edf}: writes a simulated recording
 * with known seizures (the demo recording of run.sh) and lists them. The options are Karaf options (so
 * {@code --help} lists them and bin/ictal may move them in front of the file), handed as text to
 * {@code SimulatorMain}'s parser: one parser, one set of error messages.
 *
 * <p>Lives in the simulator bundle, not io.ictal.shell, so that the core shell never imports the
 * simulator's package (the simulator belongs to feature ictal-detector, not ictal-core).
 */
@Service
@Command(scope = "ictal", name = "simulate",
        description = "Writes a simulated EEG recording (EDF+, 10-20 electrodes + EKG, 256 Hz) with its seizures as annotations")
public class SimulateCommand implements Action {

    @Argument(index = 0, name = "file", required = true, description = "The EDF+ file to write")
    String file;

    @Option(name = "--hours", description = "Length in hours (default 1)")
    String hours;

    @Option(name = "--seconds", description = "Length in seconds (instead of --hours)")
    String seconds;

    @Option(name = "--seed", description = "Random seed: the same seed and options give the same file (default 1)")
    String seed;

    @Option(name = "--seizures-per-hour", description = "Mean rate of random seizures (default 1)")
    String seizuresPerHour;

    @Option(name = "--seizure", multiValued = true, description = "A seizure at ONSET:DURATION:FOCUS[:TYPE] (seconds, seconds, electrode, TUSZ type e.g. absz); repeatable")
    List<String> seizures;

    @Option(name = "--types", description = "Types of the random seizures, in turn: fnsz,gnsz,spsz,cpsz,absz,tnsz,tcsz,mysz")
    String types;

    @Option(name = "--tusz", description = "Also write the TUSZ annotation files NAME.csv and NAME.csv_bi beside the EDF")
    boolean tusz;

    @Option(name = "--channels", description = "Electrodes, comma-separated (default: the 21 of the 10-20 system incl. A1, A2)")
    String channels;

    @Option(name = "--no-ekg", description = "Without the EKG channel")
    boolean noEkg;

    @Option(name = "--no-artifacts", description = "Without artifacts")
    boolean noArtifacts;

    @Option(name = "--video-start", description = "Also annotate 'Video start' at this recording time in seconds "
            + "(where a simulated video's first frame is)")
    String videoStart;

    @Option(name = "--alpha-uv", description = "MIN:MAX: the recording draws its posterior alpha amplitude (uV, "
            + "waxing and waning) from this range (default: a steady 16)")
    String alphaUv;

    @Option(name = "--background-uv", description = "MIN:MAX: the recording draws its pink background amplitude (uV) "
            + "from this range (default 14)")
    String backgroundUv;

    @Option(name = "--truth", description = "Also write the true seizures as JSON to this file")
    String truth;

    @Reference
    EegSimulator simulator;

    /** The options as SimulatorMain's command line. */
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of(file));
        addOption(args, "--hours", hours);
        addOption(args, "--seconds", seconds);
        addOption(args, "--seed", seed);
        addOption(args, "--seizures-per-hour", seizuresPerHour);
        addOption(args, "--channels", channels);
        addOption(args, "--truth", truth);
        addOption(args, "--types", types);
        addOption(args, "--video-start", videoStart);
        addOption(args, "--alpha-uv", alphaUv);
        addOption(args, "--background-uv", backgroundUv);
        if (tusz) {
            args.add("--tusz");
        }
        if (seizures != null) {
            seizures.forEach(s -> addOption(args, "--seizure", s));
        }
        if (noEkg) {
            args.add("--no-ekg");
        }
        if (noArtifacts) {
            args.add("--no-artifacts");
        }
        return args;
    }

    private static void addOption(List<String> args, String name, String value) {
        if (value != null) {
            args.add(name);
            args.add(value);
        }
    }

    @Override
    public Object execute() throws IOException {
        SimulatorMain.Options options;
        try {
            options = SimulatorMain.parse(arguments());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ictal:simulate: " + e.getMessage(), e);
        }
        Path file = options.file().toAbsolutePath();
        List<SimulatedSeizure> seizures = simulator.write(options.spec(), file, options.notes());
        if (options.truth() != null) {
            Files.writeString(options.truth(), SimulatorMain.json(seizures), StandardCharsets.UTF_8);
        }
        if (options.tusz()) {
            TuszAnnotations.write(file, Math.ceil(options.spec().durationSeconds()), options.spec().electrodes(),
                    seizures);
        }
        StringBuilder b = new StringBuilder(SimulatorMain.describe(file, options.spec(), seizures));
        for (SimulatedSeizure s : seizures) {
            b.append(String.format(Locale.ROOT, "%n  %8.1f s  %5.1f s  %s focus %s, reaching %s", s.onsetSeconds(),
                    s.durationSeconds(), s.type(), s.focus(), s.channels()));
        }
        System.out.println(b);
        return null;
    }
}
