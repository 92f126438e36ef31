package io.ictal.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.Recording;
import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.edf.internal.EdfRecordingWriterService;
import io.ictal.simulator.SeizureType;
import io.ictal.simulator.SimulatedSeizure;
import io.ictal.simulator.SimulationSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each seizure type's signature, measured on a recording with one seizure of every type (no artifacts). */
class SeizureTypesTest {

    private static final EegSimulatorComponent SIMULATOR = new EegSimulatorComponent(new EdfRecordingWriterService());
    private static final List<SimulatedSeizure> ASKED = List.of(
            seizure(30, 60, "T7", SeizureType.FOCAL_EVOLVING), seizure(130, 60, "Cz", SeizureType.GENERALISED_NONSPECIFIC),
            seizure(230, 40, "C3", SeizureType.SIMPLE_PARTIAL), seizure(300, 90, "T8", SeizureType.COMPLEX_PARTIAL),
            seizure(420, 12, "Cz", SeizureType.ABSENCE), seizure(470, 20, "Cz", SeizureType.TONIC),
            seizure(530, 90, "Cz", SeizureType.TONIC_CLONIC), seizure(660, 10, "Cz", SeizureType.MYOCLONIC));

    @TempDir
    static Path dir;
    static Path file;
    static Map<SeizureType, SimulatedSeizure> truth;

    @BeforeAll
    static void simulate() throws Exception {
        file = dir.resolve("types.edf");
        SimulationSpec spec = new SimulationSpec(11, 720, 256, SimulationSpec.STANDARD_21, false, 0, ASKED, false);
        truth = SIMULATOR.write(spec, file).stream()
                .collect(Collectors.toMap(SimulatedSeizure::type, Function.identity()));
    }

    /**
     * The detector's training labels every involved channel of a generalised seizure from its onset
     * (training/detector/simulated.py GENERALISED mirrors {@link SeizureType#generalised()}): the two must agree.
     */
    @Test
    void theTrainingsGeneralisedTypesAreTheSimulatorsGeneralisedTypes() throws Exception {
        Path python = Path.of("../../training/detector/simulated.py");
        String source = Files.readString(python);
        Matcher m = Pattern.compile("(?m)^GENERALISED = \\{([^}]*)\\}").matcher(source);
        assertTrue(m.find(), python + " has no line 'GENERALISED = {...}'");
        Set<String> training = Arrays.stream(m.group(1).split(","))
                .map(t -> t.strip().replace("\"", "")).collect(Collectors.toSet());
        Set<String> simulator = Arrays.stream(SeizureType.values()).filter(SeizureType::generalised)
                .map(Enum::name).collect(Collectors.toSet());
        assertEquals(simulator, training, python + " GENERALISED against SeizureType.generalised()");
    }

    @Test
    void existingSeedsKeepTheirBytes() throws Exception {
        // Recorded before the seizure types were added: FOCAL_EVOLVING recordings must not change.
        Path old = dir.resolve("old.edf");
        SIMULATOR.write(SimulationSpec.of(42, 300, 0).withSeizures(List.of(seizure(100, 40, "T7",
                SeizureType.FOCAL_EVOLVING))), old);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(old)));
        assertEquals("590c4cc8ad11c15299949ef5d4a0bd5a97d0d1ca933d895b50e9910b9ef85296", sha);
    }

    @Test
    void annotationsCarryTheTypeAndTuszFilesListIt() throws Exception {
        try (Recording r = new EdfRecordingReader().open(file)) {
            List<String> texts = r.annotations().stream().map(Annotation::text).toList();
            assertEquals(List.of("seizure", "seizure GNSZ", "seizure SPSZ", "seizure CPSZ", "seizure ABSZ",
                    "seizure TNSZ", "seizure TCSZ", "seizure MYSZ"), texts);
        }
        List<Path> written = TuszAnnotations.write(file, 720, SimulationSpec.STANDARD_21, List.copyOf(truth.values()));
        List<String> csv = Files.readAllLines(written.get(0));
        assertEquals("# version = csv_v1.0.0", csv.get(0));
        assertEquals("channel,start_time,stop_time,label,confidence", csv.get(5));
        assertTrue(csv.contains("FP1-F7,420.0000,432.0000,absz,1.0000"), "generalised: on every channel");
        assertTrue(csv.stream().noneMatch(l -> l.startsWith("FP2-F8") && l.contains("spsz")),
                "simple partial at C3 is not on the right frontal chain");
        List<String> bi = Files.readAllLines(written.get(1));
        assertTrue(bi.contains("TERM,660.0000,670.0000,seiz,1.0000"), bi.toString());
        assertEquals("TERM,670.0000,720.0000,bckg,1.0000", bi.get(bi.size() - 1));
    }

    @Test
    void absenceIsThreeHertzOnEveryElectrode() throws Exception {
        try (Recording r = new EdfRecordingReader().open(file)) {
            for (String e : List.of("Fp1", "F8", "C3", "Pz", "O2", "T7")) {
                float[] x = r.read(r.header().indexOf("EEG " + e + "-REF"), 421, 10);
                assertEquals(3, peakHz(x, 256, 1, 40), 0.9, e);
                assertTrue(rms(x) > 3 * background(r, e), e + " rms " + rms(x));
            }
        }
    }

    @Test
    void tonicIsLowVoltageFastActivityTonicClonicEndsInSlowDischargesUnderMuscle() throws Exception {
        try (Recording r = new EdfRecordingReader().open(file)) {
            int cz = r.header().indexOf("EEG Cz-REF");
            double tonic = peakHz(r.read(cz, 475, 14), 256, 1, 40);
            assertTrue(tonic >= 11 && tonic <= 25, "tonic peak " + tonic);
            assertTrue(rms(r.read(cz, 475, 14)) < 120, "low voltage");
            double clonic = peakHz(r.read(cz, 600, 15), 256, 0.5, 40);
            assertTrue(clonic < 4, "clonic peak " + clonic);
            int t7 = r.header().indexOf("EEG T7-REF");
            double muscle = bandPower(r.read(t7, 535, 10), 256, 40, 100);
            double quiet = bandPower(r.read(t7, 5, 10), 256, 40, 100);
            assertTrue(muscle > 20 * quiet, "muscle artifact during the tonic phase: " + muscle + " vs " + quiet);
        }
    }

    @Test
    void myoclonicJerksRepeat() throws Exception {
        try (Recording r = new EdfRecordingReader().open(file)) {
            float[] x = r.read(r.header().indexOf("EEG Fz-REF"), 660, 10);
            double threshold = 5 * background(r, "Fz");
            int bursts = 0;
            int last = -1000;
            for (int i = 0; i < x.length; i++) {
                if (Math.abs(x[i]) > threshold && i - last > 128) {
                    bursts++;
                    last = i;
                } else if (Math.abs(x[i]) > threshold) {
                    last = i;
                }
            }
            assertTrue(bursts >= 3 && bursts <= 17, "separate polyspike bursts in 10 s: " + bursts);
        }
    }

    @Test
    void simplePartialStaysInItsRegionComplexPartialSpreadsGeneralisedIsEverywhere() throws Exception {
        SimulatedSeizure simple = truth.get(SeizureType.SIMPLE_PARTIAL);
        SimulatedSeizure complex = truth.get(SeizureType.COMPLEX_PARTIAL);
        assertEquals("C3", simple.focus());
        assertTrue(simple.channels().size() <= 4, simple.channels().toString());
        assertTrue(complex.channels().size() > simple.channels().size(), complex.channels().toString());
        assertTrue(truth.get(SeizureType.GENERALISED_NONSPECIFIC).channels().size() >= 19);
        try (Recording r = new EdfRecordingReader().open(file)) {
            double at = rms(r.read(r.header().indexOf("EEG C3-REF"), 250, 15));
            double far = rms(r.read(r.header().indexOf("EEG C4-REF"), 250, 15));
            assertTrue(at > 3 * background(r, "C3"), "focus " + at);
            assertTrue(far < 1.5 * background(r, "C4"), "the other side stays background: " + far);
            double gen = peakHz(r.read(r.header().indexOf("EEG O1-REF"), 140, 20), 256, 1, 40);
            assertTrue(gen >= 2 && gen <= 7.5, "generalised rhythmic theta/delta: " + gen);
        }
    }

    @Test
    void mainTypesTheRandomSeizuresInTurnAndWritesTheTuszFiles() throws Exception {
        Path out = dir.resolve("main-typed.edf");
        SimulatorMain.Options options = SimulatorMain.parse(List.of(out.toString(), "--hours", "3", "--seed", "4",
                "--seizures-per-hour", "2", "--types", "absz,TCSZ", "--no-ekg", "--tusz"));
        List<SimulatedSeizure> seizures = SIMULATOR.plan(options.spec());
        assertTrue(seizures.size() >= 2, seizures.toString());
        for (int i = 0; i < seizures.size(); i++) {
            SimulatedSeizure s = seizures.get(i);
            assertEquals(i % 2 == 0 ? SeizureType.ABSENCE : SeizureType.TONIC_CLONIC, s.type());
            double[] range = s.type() == SeizureType.ABSENCE ? new double[] {5, 20} : new double[] {40, 120};
            assertTrue(s.durationSeconds() <= range[1] + 1e-6, s.toString());
        }
        SimulatorMain.run(new String[] {out.toString(), "--seconds", "900", "--seed", "4", "--types", "mysz",
            "--seizures-per-hour", "3", "--no-ekg", "--tusz"}, new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream()));
        assertTrue(Files.readString(dir.resolve("main-typed.csv")).contains(",mysz,1.0000"));
        assertTrue(Files.readString(dir.resolve("main-typed.csv_bi")).contains(",seiz,1.0000"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SimulatorMain.parse(List.of("x.edf", "--types", "absz,xyz")));
        assertTrue(e.getMessage().contains("'xyz' is not a seizure type"), e.getMessage());
    }

    private static double background(Recording r, String electrode) throws Exception {
        return rms(r.read(r.header().indexOf("EEG " + electrode + "-REF"), 2, 20));
    }

    private static SimulatedSeizure seizure(double onset, double duration, String focus, SeizureType type) {
        return new SimulatedSeizure(onset, duration, type, focus, List.of());
    }

    /** Frequency of the largest periodogram value between lo and hi, at 0.25 Hz steps (plain DFT). */
    static double peakHz(float[] x, double rate, double lo, double hi) {
        double best = lo;
        double bestPower = -1;
        for (double f = lo; f <= hi; f += 0.25) {
            double p = power(x, rate, f);
            if (p > bestPower) {
                bestPower = p;
                best = f;
            }
        }
        return best;
    }

    static double bandPower(float[] x, double rate, double lo, double hi) {
        double sum = 0;
        for (double f = lo; f <= hi; f += 0.5) {
            sum += power(x, rate, f);
        }
        return sum;
    }

    private static double power(float[] x, double rate, double f) {
        double re = 0;
        double im = 0;
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= x.length;
        for (int i = 0; i < x.length; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (x.length - 1));
            re += (x[i] - mean) * w * Math.cos(2 * Math.PI * f * i / rate);
            im += (x[i] - mean) * w * Math.sin(2 * Math.PI * f * i / rate);
        }
        return re * re + im * im;
    }

    static double rms(float[] x) {
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= x.length;
        double sum = 0;
        for (float v : x) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / x.length);
    }
}
