package io.ictal.simulator.internal;

import io.ictal.api.recording.Annotation;
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
 *     [--channels Fp1,Fp2,...] [--no-ekg] [--no-artifacts] [--truth TRUTH.json] [--types absz,tcsz,...] [--tusz]
 *     [--alpha-uv MIN:MAX] [--background-uv MIN:MAX]
 * </pre>
 *
 * The EDF+ writer is io.ictal.edf's, found on the class path (the one place outside OSGi that
 * names that bundle's implementation). {@code --truth} writes the seizures as JSON:
 * {@code {"seizures": [{"onset": s, "duration": s, "type": "...", "focus": "T7", "channels": [...], "code": "FNSZ"}]}}}
 * ({@code code}: the TUSZ label). {@code --tusz} writes the TUSZ annotation files beside the EDF
 * ({@link TuszAnnotations}).
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

    /** What the command line asks for; {@code tusz}: also write the TUSZ {@code .csv} and {@code .csv_bi} files. */
    public record Options(Path file, SimulationSpec spec, Path truth, boolean tusz, List<Annotation> notes) {
    }

    public static final String USAGE = "usage: OUT.edf [--hours H | --seconds S] [--seed N] [--seizures-per-hour R] "
            + "[--seizure ONSET:DURATION:FOCUS[:TYPE]]... [--types fnsz,gnsz,spsz,cpsz,absz,tnsz,tcsz,mysz] "
            + "[--channels Fp1,Fp2,...] [--no-ekg] [--no-artifacts] [--truth TRUTH.json] [--tusz] [--video-start S] "
            + "[--alpha-uv MIN:MAX] [--background-uv MIN:MAX] (options before or after OUT.edf)";

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
        List<SeizureType> types = List.of();
        boolean tusz = false;
        List<Annotation> notes = new ArrayList<>();
        SimulationSpec.Background background = SimulationSpec.Background.DEFAULT;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--no-ekg" -> ekg = false;
                case "--no-artifacts" -> artifacts = false;
                case "--tusz" -> tusz = true;
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
                        case "--alpha-uv" -> {
                            double[] range = range(option, value);
                            background = background.withAlpha(range[0], range[1]);
                        }
                        case "--background-uv" -> {
                            double[] range = range(option, value);
                            background = background.withPink(range[0], range[1]);
                        }
                        case "--types" -> types = Arrays.stream(value.split(",")).map(SeizureType::ofCode).toList();
                        // The EDF+ annotation a video's alignment reads (io.ictal.video): a video's first frame.
                        case "--video-start" -> notes.add(new Annotation(number(option, value), 0, "Video start", 0));
                        default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
                    }
                }
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("no output file; " + USAGE);
        }
        SimulationSpec spec = new SimulationSpec(seed, seconds, 256, electrodes, ekg, perHour, explicit, artifacts, background);
        if (!types.isEmpty()) {
            if (!explicit.isEmpty()) {
                throw new IllegalArgumentException("--types types the random seizures; give --seizure's type as "
                        + "ONSET:DURATION:FOCUS:TYPE instead");
            }
            spec = spec.withSeizures(typed(spec, types));
        }
        return new Options(file, spec, truth, tusz, notes);
    }

    /**
     * {@code --alpha-uv MIN:MAX}, {@code --background-uv MIN:MAX}: the range each recording draws its
     * alpha or pink background amplitude from (uV; {@link SimulationSpec.Background}).
     */
    static double[] range(String option, String value) {
        String[] parts = value.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException(option + " expects MIN:MAX in microvolts, e.g. 10:60, got '" + value + "'");
        }
        return new double[] {number(option, parts[0]), number(option, parts[1])};
    }

    /**
     * The spec's random seizures with the given types in turn (seeded): each keeps its onset and focus
     * and gets a duration typical of its type (absence 5-20 s, myoclonic 3-15 s, tonic 5-30 s,
     * tonic-clonic 40-120 s, generalised non-specific 20-120 s, simple partial 10-90 s, complex partial
     * 30-150 s; focal non-specific keeps its own), at most 30 s longer than planned (random seizures are
     * at least 10 min apart, so they stay apart) and never past the recording's end.
     */
    static List<SimulatedSeizure> typed(SimulationSpec spec, List<SeizureType> types) {
        Noise random = new Noise(spec.seed() * 97 + 5);
        List<SimulatedSeizure> planned = Plan.of(spec).truth();
        List<SimulatedSeizure> out = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            SimulatedSeizure s = planned.get(i);
            SeizureType type = types.get(i % types.size());
            double[] range = switch (type) {
                case ABSENCE -> new double[] {5, 20};
                case MYOCLONIC -> new double[] {3, 15};
                case TONIC -> new double[] {5, 30};
                case TONIC_CLONIC -> new double[] {40, 120};
                case GENERALISED_NONSPECIFIC -> new double[] {20, 120};
                case SIMPLE_PARTIAL -> new double[] {10, 90};
                case COMPLEX_PARTIAL -> new double[] {30, 150};
                case FOCAL_EVOLVING -> new double[] {s.durationSeconds(), s.durationSeconds()};
            };
            double duration = Math.min(random.uniform(range[0], range[1]), s.durationSeconds() + 30);
            duration = Math.min(duration, spec.durationSeconds() - s.onsetSeconds());
            out.add(new SimulatedSeizure(s.onsetSeconds(), duration, type, s.focus(), List.of()));
        }
        return out;
    }

    static void run(String[] args, PrintStream out) throws IOException, ReflectiveOperationException {
        Options options = parse(List.of(args));
        RecordingWriterService writer = (RecordingWriterService) Class.forName(WRITER_CLASS)
                .getDeclaredConstructor().newInstance();
        long started = System.nanoTime();
        List<SimulatedSeizure> seizures = new EegSimulatorComponent(writer).write(options.spec(), options.file(),
                options.notes());
        out.println(describe(options.file(), options.spec(), seizures) + String.format(Locale.ROOT, " (%.1f s)",
                (System.nanoTime() - started) / 1e9));
        if (options.truth() != null) {
            Files.writeString(options.truth(), json(seizures), StandardCharsets.UTF_8);
        }
        if (options.tusz()) {
            TuszAnnotations.write(options.file(), Math.ceil(options.spec().durationSeconds()),
                    options.spec().electrodes(), seizures);
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
        if (parts.length != 3 && parts.length != 4) {
            throw new IllegalArgumentException("option --seizure: expected ONSET:DURATION:FOCUS[:TYPE], was '" + value
                    + "'");
        }
        SeizureType type = parts.length == 4 ? SeizureType.ofCode(parts[3]) : SeizureType.FOCAL_EVOLVING;
        return new SimulatedSeizure(number("--seizure", parts[0]), number("--seizure", parts[1]), type, parts[2],
                List.of());
    }

    public static String json(List<SimulatedSeizure> seizures) {
        StringBuilder b = new StringBuilder("{\"seizures\": [");
        for (int i = 0; i < seizures.size(); i++) {
            SimulatedSeizure s = seizures.get(i);
            b.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "  {\"onset\": %.3f, \"duration\": %.3f, \"type\": \"%s\", \"focus\": \"%s\", \"channels\": [%s], \"code\": \"%s\"}",
                    s.onsetSeconds(), s.durationSeconds(), s.type(), s.focus(),
                    String.join(", ", s.channels().stream().map(c -> "\"" + c + "\"").toList()), s.type().code()));
        }
        return b.append("\n]}\n").toString();
    }
}
