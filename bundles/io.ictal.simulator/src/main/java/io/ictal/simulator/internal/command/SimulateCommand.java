package io.ictal.simulator.internal.command;

import io.ictal.simulator.EegSimulator;
import io.ictal.simulator.SimulatedSeizure;
import io.ictal.simulator.SimulationSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code ictal:simulate OUT.edf [--hours H] [--seed S] [--channels Fp1,F7,...] [--seizures-per-hour R]}:
 * writes a simulated recording with known seizures (the demo recording of run.sh) and lists them.
 * Lives in the simulator bundle, not io.ictal.shell, so that the core shell never imports the simulator's
 * package (the simulator is part of feature ictal-detector, not ictal-core).
 */
@Service
@Command(scope = "ictal", name = "simulate",
        description = "Writes a simulated EEG recording (EDF+, 10-20 electrodes + EKG) with known seizures as annotations")
public class SimulateCommand implements Action {

    @Argument(index = 0, name = "out", description = "The EDF+ file to write (replaced)", required = true)
    String out;

    @Option(name = "--hours", description = "Length in hours (default 1)")
    double hours = 1;

    @Option(name = "--seed", description = "Seed: the same seed gives the same file (default 1)")
    long seed = 1;

    @Option(name = "--channels", description = "Comma-separated 10-20 electrodes (default the 21 of the 10-20 system with A1, A2)")
    String channels;

    @Option(name = "--seizures-per-hour", description = "Mean seizure rate (default 1)")
    double seizuresPerHour = 1;

    @Option(name = "--no-ekg", description = "Leave out the EKG channel")
    boolean noEkg;

    @Reference
    EegSimulator simulator;

    @Override
    public Object execute() throws IOException {
        List<String> electrodes = channels == null ? SimulationSpec.STANDARD_21
                : Arrays.stream(channels.split(",")).map(String::trim).toList();
        SimulationSpec spec = new SimulationSpec(seed, hours * 3600, 256, electrodes, !noEkg, seizuresPerHour, List.of(),
                true);
        Path file = Path.of(out).toAbsolutePath();
        List<SimulatedSeizure> seizures = simulator.write(spec, file);
        System.out.println(describe(file, spec, seizures));
        return null;
    }

    static String describe(Path file, SimulationSpec spec, List<SimulatedSeizure> seizures) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: %.0f s, %d electrodes%s, seed %d, %d seizures",
                file, spec.durationSeconds(), spec.electrodes().size(), spec.ekg() ? " + EKG" : "", spec.seed(),
                seizures.size()));
        for (SimulatedSeizure s : seizures) {
            b.append(String.format(Locale.ROOT, "%n  %8.1f s  %5.1f s  %s focus %s, reaching %s", s.onsetSeconds(),
                    s.durationSeconds(), s.type(), s.focus(), s.channels()));
        }
        return b.toString();
    }
}
