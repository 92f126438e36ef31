package io.ictal.simulator.internal.command;

import io.ictal.simulator.EegSimulator;
import io.ictal.simulator.SimulatedSeizure;
import io.ictal.simulator.internal.SimulatorMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code ictal:simulate OUT.edf [--hours H] [--seed S] [--channels Fp1,F7,...] [--seizures-per-hour R] ...}:
 * writes a simulated recording with known seizures (the demo recording of run.sh) and lists them.
 * The options are {@code SimulatorMain}'s, parsed by the same code, before or after the file (Karaf
 * stops reading options at the first argument, so they are taken as arguments).
 *
 * <p>Lives in the simulator bundle, not io.ictal.shell, so that the core shell never imports the
 * simulator's package (the simulator belongs to feature ictal-detector, not ictal-core).
 */
@Service
@Command(scope = "ictal", name = "simulate",
        description = "Writes a simulated EEG recording (EDF+, 10-20 electrodes + EKG, 256 Hz) with its seizures as annotations")
public class SimulateCommand implements Action {

    @Argument(index = 0, name = "args", required = true, multiValued = true,
            description = "OUT.edf [--hours H (1) | --seconds S] [--seed N (1)] [--seizures-per-hour R (1)] "
                    + "[--seizure ONSET:DURATION:FOCUS]... [--channels Fp1,F7,... (21 of 10-20 incl. A1 A2)] "
                    + "[--no-ekg] [--no-artifacts] [--truth TRUTH.json]")
    List<String> args;

    @Reference
    EegSimulator simulator;

    @Override
    public Object execute() throws IOException {
        SimulatorMain.Options options;
        try {
            options = SimulatorMain.parse(args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ictal:simulate: " + e.getMessage(), e);
        }
        Path file = options.file().toAbsolutePath();
        List<SimulatedSeizure> seizures = simulator.write(options.spec(), file);
        if (options.truth() != null) {
            Files.writeString(options.truth(), SimulatorMain.json(seizures), StandardCharsets.UTF_8);
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
