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

    /** What the command line asks for. */
    public record Options(Path file, SimulationSpec spec, Path truth) {
    }

    public static final String USAGE = "usage: OUT.edf [--hours H | --seconds S] [--seed N] [--seizures-per-hour R] "
            + "[--seizure ONSET:DURATION:FOCUS]... [--channels Fp1,Fp2,...] [--no-ekg] [--no-artifacts] "
            + "[--truth TRUTH.json] (options before or after OUT.edf)";

    /**
     * Parses the options shared by this main and {@code ictal:simulate}.
     *
     * @throws IllegalArgumentException naming the option and what was expected
     */
    public static Options parse(List<String> args) {
        Path file = null;
        double seconds = 3600;
        long seed = 1;
        double perHour = 1;
        List<String> electrodes = SimulationSpec.STANDARD_21;
        boolean ekg = true;
        boolean artifacts = true;
        List<SimulatedSeizure> explicit = new ArrayList<>();
        Path truth = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--no-ekg" -> ekg = false;
                case "--no-artifacts" -> artifacts = false;
                default -> {
                    if (!option.startsWith("--")) {
                        if (file != null) {
                            throw new IllegalArgumentException("one output file expected, got " + file + " and " + option
                                    + "; " + USAGE);
                        }
                        file = Path.of(option);
                        continue;
                    }
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("option " + option + " needs a value");
                    }
                    String value = args.get(++i);
                    switch (option) {
                        case "--hours" -> seconds = number(option, value) * 3600;
                        case "--seconds" -> seconds = number(option, value);
                        case "--seed" -> seed = (long) number(option, value);
                        case "--seizures-per-hour" -> perHour = number(option, value);
                        case "--channels" -> electrodes = Arrays.stream(value.split(",")).map(String::trim).toList();
                        case "--seizure" -> explicit.add(seizure(value));
                        case "--truth" -> truth = Path.of(value);
                        default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
                    }
                }
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("no output file; " + USAGE);
        }
        return new Options(file, new SimulationSpec(seed, seconds, 256, electrodes, ekg, perHour, explicit, artifacts),
                truth);
    }

    static void run(String[] args, PrintStream out) throws IOException, ReflectiveOperationException {
        Options options = parse(List.of(args));
        RecordingWriterService writer = (RecordingWriterService) Class.forName(WRITER_CLASS)
                .getDeclaredConstructor().newInstance();
        long started = System.nanoTime();
        List<SimulatedSeizure> seizures = new EegSimulatorComponent(writer).write(options.spec(), options.file());
        out.println(describe(options.file(), options.spec(), seizures) + String.format(Locale.ROOT, " (%.1f s)",
                (System.nanoTime() - started) / 1e9));
        if (options.truth() != null) {
            Files.writeString(options.truth(), json(seizures), StandardCharsets.UTF_8);
        }
    }

    /** One line: file, length, electrodes, seed, number of seizures. */
    public static String describe(Path file, SimulationSpec spec, List<SimulatedSeizure> seizures) {
        return String.format(Locale.ROOT, "wrote %s: %.0f s, %d electrodes%s, seed %d, %d seizures", file,
                spec.durationSeconds(), spec.electrodes().size(), spec.ekg() ? " + EKG" : "", spec.seed(),
                seizures.size());
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

    public static String json(List<SimulatedSeizure> seizures) {
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
