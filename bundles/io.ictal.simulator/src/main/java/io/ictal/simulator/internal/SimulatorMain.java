package io.ictal.simulator.internal;

import io.ictal.api.recording.RecordingWriterService;
import io.ictal.simulator.SeizureType;
import io.ictal.simulator.SimulatedSeizure;
import io.ictal.simulator.SimulationSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs the simulator outside OSGi, for the training pipeline and the benchmarks:
 *
 * <pre>
 * java -cp io.ictal.simulator.jar:io.ictal.api.jar:io.ictal.edf.jar io.ictal.simulator.internal.SimulatorMain \
 *     OUT.edf [--hours H | --seconds S] [--seed N] [--seizures-per-hour R] [--seizure ONSET:DURATION:FOCUS]...
 *     [--channels Fp1,Fp2,...] [--no-ekg] [--no-artifacts] [--truth TRUTH.json]
 * </pre>
 *
 * The EDF+ writer is io.ictal.edf's, found on the class path (the one place outside OSGi that
 * names that bundle's implementation). {@code --truth} writes the seizures as JSON:
 * {@code {"seizures": [{"onset": s, "duration": s, "type": "...", "focus": "T7", "channels": [...]}]}}.
 */
public final class SimulatorMain {

    static final String WRITER_CLASS = "io.ictal.edf.internal.EdfRecordingWriterService";

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("simulate: " + e.getMessage());
            System.exit(2);
        }
    }

    static void run(String[] args, PrintStream out) throws IOException, ReflectiveOperationException {
        if (args.length == 0 || args[0].startsWith("--")) {
            throw new IllegalArgumentException("usage: SimulatorMain OUT.edf [--hours H | --seconds S] [--seed N] "
                    + "[--seizures-per-hour R] [--seizure ONSET:DURATION:FOCUS]... [--channels Fp1,Fp2,...] "
                    + "[--no-ekg] [--no-artifacts] [--truth TRUTH.json]");
        }
        Path file = Path.of(args[0]);
        double seconds = 3600;
        long seed = 1;
        double perHour = 1;
        List<String> electrodes = SimulationSpec.STANDARD_21;
        boolean ekg = true;
        boolean artifacts = true;
        List<SimulatedSeizure> explicit = new ArrayList<>();
        Path truth = null;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--no-ekg" -> ekg = false;
                case "--no-artifacts" -> artifacts = false;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("option " + option + " needs a value");
                    }
                    String value = args[++i];
                    switch (option) {
                        case "--hours" -> seconds = number(option, value) * 3600;
                        case "--seconds" -> seconds = number(option, value);
                        case "--seed" -> seed = (long) number(option, value);
                        case "--seizures-per-hour" -> perHour = number(option, value);
                        case "--channels" -> electrodes = Arrays.stream(value.split(",")).map(String::trim).toList();
                        case "--seizure" -> explicit.add(seizure(value));
                        case "--truth" -> truth = Path.of(value);
                        default -> throw new IllegalArgumentException("unknown option " + option);
                    }
                }
            }
        }
        SimulationSpec spec = new SimulationSpec(seed, seconds, 256, electrodes, ekg, perHour, explicit, artifacts);
        RecordingWriterService writer = (RecordingWriterService) Class.forName(WRITER_CLASS)
                .getDeclaredConstructor().newInstance();
        long started = System.nanoTime();
        List<SimulatedSeizure> seizures = new EegSimulatorComponent(writer).write(spec, file);
        out.printf(Locale.ROOT, "wrote %s: %.0f s, %d electrodes%s, seed %d, %d seizures in %.1f s%n", file, seconds,
                electrodes.size(), ekg ? " + EKG" : "", seed, seizures.size(), (System.nanoTime() - started) / 1e9);
        if (truth != null) {
            Files.writeString(truth, json(seizures), StandardCharsets.UTF_8);
        }
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option + ": expected a number, was '" + value + "'");
        }
    }

    private static SimulatedSeizure seizure(String value) {
        String[] parts = value.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("option --seizure: expected ONSET:DURATION:FOCUS, was '" + value + "'");
        }
        return new SimulatedSeizure(number("--seizure", parts[0]), number("--seizure", parts[1]),
                SeizureType.FOCAL_EVOLVING, parts[2], List.of());
    }

    static String json(List<SimulatedSeizure> seizures) {
        StringBuilder b = new StringBuilder("{\"seizures\": [");
        for (int i = 0; i < seizures.size(); i++) {
            SimulatedSeizure s = seizures.get(i);
            b.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "  {\"onset\": %.3f, \"duration\": %.3f, \"type\": \"%s\", \"focus\": \"%s\", \"channels\": [%s]}",
                    s.onsetSeconds(), s.durationSeconds(), s.type(), s.focus(),
                    String.join(", ", s.channels().stream().map(c -> "\"" + c + "\"").toList())));
        }
        return b.append("\n]}\n").toString();
    }
}
