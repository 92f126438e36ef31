package io.ictal.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.Recording;
import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.edf.internal.EdfRecordingWriterService;
import io.ictal.simulator.SeizureType;
import io.ictal.simulator.SimulatedSeizure;
import io.ictal.simulator.SimulationSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EegSimulatorTest {

    private final EegSimulatorComponent simulator = new EegSimulatorComponent(new EdfRecordingWriterService());

    @TempDir
    Path dir;

    @Test
    void theSameSpecGivesTheSameBytesAndAnotherSeedDoesNot() throws Exception {
        SimulationSpec spec = SimulationSpec.of(42, 300, 0).withSeizures(List.of(seizure(100, 40, "T7")));
        Path a = dir.resolve("a.edf");
        Path b = dir.resolve("b.edf");
        Path c = dir.resolve("c.edf");
        simulator.write(spec, a);
        simulator.write(spec, b);
        simulator.write(new SimulationSpec(43, 300, 256, spec.electrodes(), true, 0, spec.seizures(), true), c);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
    }

    @Test
    void writesEveryElectrodeAndEkgWithTheTrueSeizuresAsAnnotations() throws Exception {
        SimulationSpec spec = SimulationSpec.of(7, 1800, 4);
        Path file = dir.resolve("truth.edf");
        List<SimulatedSeizure> truth = simulator.write(spec, file);
        assertEquals(simulator.plan(spec), truth);
        assertFalse(truth.isEmpty(), "4 seizures per hour over 30 min must place at least one");
        try (Recording r = new EdfRecordingReader().open(file)) {
            assertEquals(22, r.header().dataSignals().size());
            assertEquals("EEG Fp1-REF", r.header().signals().get(0).label());
            assertEquals(ChannelType.ECG, r.header().signals().get(21).type());
            assertEquals(1800, r.header().durationSeconds(), 1e-9);
            List<Annotation> seizures = r.annotations().stream().filter(x -> x.text().equals("seizure")).toList();
            assertEquals(truth.size(), seizures.size());
            for (int i = 0; i < truth.size(); i++) {
                assertEquals(truth.get(i).onsetSeconds(), seizures.get(i).onsetSeconds(), 0.01);
                assertEquals(truth.get(i).durationSeconds(), seizures.get(i).durationSeconds(), 0.01);
            }
        }
    }

    @Test
    void randomSeizuresLastTenSecondsToThreeMinutesAndKeepTheirDistance() {
        List<SimulatedSeizure> truth = simulator.plan(SimulationSpec.of(3, 24 * 3600, 1));
        assertTrue(truth.size() >= 8, "about one per hour less the gaps, was " + truth.size());
        for (int i = 0; i < truth.size(); i++) {
            SimulatedSeizure s = truth.get(i);
            assertTrue(s.durationSeconds() >= 10 && s.durationSeconds() <= 180, s.toString());
            assertTrue(s.offsetSeconds() <= 24 * 3600, s.toString());
            assertEquals(s.focus(), s.channels().get(0), "the focus joins first");
            if (i > 0) {
                assertTrue(s.onsetSeconds() - truth.get(i - 1).offsetSeconds() >= SimulationSpec.MIN_SEIZURE_GAP_SECONDS);
            }
        }
    }

    @Test
    void theFocusCarriesAnEvolvingRhythmWhileTheFarSideDoesNot() throws Exception {
        // No artifacts: the comparison is about the seizure alone.
        SimulationSpec spec = new SimulationSpec(5, 240, 256, SimulationSpec.STANDARD_21, false, 0,
                List.of(seizure(100, 90, "T7")), false);
        Path file = dir.resolve("focus.edf");
        simulator.write(spec, file);
        try (Recording r = new EdfRecordingReader().open(file)) {
            int t7 = r.header().indexOf("EEG T7-REF");
            int t8 = r.header().indexOf("EEG T8-REF");
            double before = rms(r.read(t7, 40, 40));
            double during = rms(r.read(t7, 140, 40));
            double farDuring = rms(r.read(t8, 140, 40));
            assertTrue(during > 3 * before, "T7 rms " + during + " during vs " + before + " before");
            assertTrue(farDuring < 2 * rms(r.read(t8, 40, 40)), "T8 stays near background: " + farDuring);
        }
    }

    @Test
    void backgroundRangesGiveEachRecordingItsOwnAlphaAndLoudnessAndTheDefaultStaysAsBefore() throws Exception {
        SimulationSpec steady = new SimulationSpec(3, 120, 256, List.of("Cz", "O1"), false, 0, List.of(), false);
        assertEquals(SimulationSpec.Background.DEFAULT, steady.background());
        Path quiet = dir.resolve("steady.edf");
        Path strong = dir.resolve("strong.edf");
        simulator.write(steady, quiet);
        simulator.write(steady.withBackground(SimulationSpec.Background.DEFAULT.withAlpha(60, 80)), strong);
        Path loud = dir.resolve("loud.edf");
        simulator.write(steady.withBackground(SimulationSpec.Background.DEFAULT.withPink(40, 42)), loud);
        try (Recording q = new EdfRecordingReader().open(quiet); Recording s = new EdfRecordingReader().open(strong);
                Recording l = new EdfRecordingReader().open(loud)) {
            int o1 = q.header().indexOf("EEG O1-REF");
            double[] steadyAlpha = new double[118];
            double[] strongAlpha = new double[118];
            for (int k = 0; k < steadyAlpha.length; k++) {
                steadyAlpha[k] = SeizureTypesTest.bandPower(q.read(o1, k, 2), 256, 8, 12);
                strongAlpha[k] = SeizureTypesTest.bandPower(s.read(o1, k, 2), 256, 8, 12);
            }
            double ratio = mean(strongAlpha) / mean(steadyAlpha);
            // 60-80 uV against 16 uV: (3.75..5)^2 = 14..25 times the alpha power, less the unchanged pink noise
            assertTrue(ratio > 6, "alpha power ratio " + ratio);
            // waxing and waning: 2-s alpha power varies more over two minutes than with a steady rhythm
            assertTrue(spread(strongAlpha) > 1.2 * spread(steadyAlpha),
                    spread(strongAlpha) + " vs " + spread(steadyAlpha));
            int cz = q.header().indexOf("EEG Cz-REF");
            // Cz has little alpha: its 2-20 Hz power follows the pink background, 40-42 uV against 14 uV
            double loudness = SeizureTypesTest.bandPower(l.read(cz, 0, 120), 256, 2, 20)
                    / SeizureTypesTest.bandPower(q.read(cz, 0, 120), 256, 2, 20);
            assertTrue(loudness > 5, "2-20 Hz power ratio at Cz " + loudness);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatorMain.parse(List.of("x.edf", "--alpha-uv", "60")));
        assertTrue(e.getMessage().contains("--alpha-uv expects MIN:MAX"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.parse(List.of("x.edf", "--background-uv", "60:10")));
        assertEquals(new SimulationSpec.Background(10, 60, 8, 40), SimulatorMain.parse(
                List.of("x.edf", "--alpha-uv", "10:60", "--background-uv", "8:40")).spec().background());
    }

    private static double mean(double[] x) {
        return java.util.Arrays.stream(x).average().orElseThrow();
    }

    /** Coefficient of variation. */
    private static double spread(double[] x) {
        double m = mean(x);
        return Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - m) * (v - m)).average().orElseThrow()) / m;
    }

    @Test
    void anyElectrodeSetOldNamesIncludedAndUnknownNamesRefused() throws Exception {
        SimulationSpec spec = SimulationSpec.of(1, 60, 0).withElectrodes(List.of("T3", "C3", "Cz"), false);
        Path file = dir.resolve("three.edf");
        simulator.write(spec, file);
        try (Recording r = new EdfRecordingReader().open(file)) {
            assertEquals(List.of("EEG T7-REF", "EEG C3-REF", "EEG Cz-REF"),
                    r.header().dataSignals().stream().map(s -> s.label()).toList());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> simulator.plan(spec.withElectrodes(List.of("C3", "X9"), false)));
        assertTrue(e.getMessage().contains("'X9' is not a 10-20 electrode"), e.getMessage());
        IllegalArgumentException focus = assertThrows(IllegalArgumentException.class,
                () -> simulator.plan(spec.withSeizures(List.of(seizure(10, 20, "O2")))));
        assertTrue(focus.getMessage().contains("focus 'O2'"), focus.getMessage());
    }

    @Test
    void mainWritesTheRecordingAndTheTruth() throws Exception {
        Path file = dir.resolve("main.edf");
        Path truth = dir.resolve("main.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimulatorMain.run(new String[] {file.toString(), "--seconds", "120", "--seed", "9", "--seizure", "30:20:Cz",
            "--channels", "C3,Cz,C4", "--no-ekg", "--truth", truth.toString()}, new PrintStream(out, true, "UTF-8"));
        assertTrue(out.toString("UTF-8").contains("1 seizures"), out.toString("UTF-8"));
        String json = Files.readString(truth);
        assertTrue(json.contains("\"onset\": 30.000, \"duration\": 20.000, \"type\": \"FOCAL_EVOLVING\", \"focus\": \"Cz\""),
                json);
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.run(new String[] {file.toString(), "--hours"},
                System.out));
    }

    @Test
    void videoStartIsAnAnnotationAtTheVideosFirstFrameAndMustLieInTheRecording() throws Exception {
        Path file = dir.resolve("video.edf");
        SimulatorMain.run(new String[] {file.toString(), "--seconds", "60", "--seed", "9", "--seizure", "30:20:Cz",
            "--channels", "C3,Cz,C4", "--video-start", "12.5"}, new PrintStream(new ByteArrayOutputStream(), true, "UTF-8"));
        try (Recording r = new EdfRecordingReader().open(file)) {
            List<Annotation> starts = r.annotations().stream().filter(x -> x.text().equals("Video start")).toList();
            assertEquals(1, starts.size());
            assertEquals(12.5, starts.get(0).onsetSeconds(), 1e-6);
            assertEquals(1, r.annotations().stream().filter(x -> x.text().equals("seizure")).count());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimulatorMain.run(
                new String[] {file.toString(), "--seconds", "60", "--video-start", "61"}, System.out));
        assertTrue(e.getMessage().contains("Video start") && e.getMessage().contains("outside the recording"),
                e.getMessage());
    }

    private static SimulatedSeizure seizure(double onset, double duration, String focus) {
        return new SimulatedSeizure(onset, duration, SeizureType.FOCAL_EVOLVING, focus, List.of());
    }

    private static double rms(float[] x) {
        double sum = 0;
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= x.length;
        for (float v : x) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / x.length);
    }
}
