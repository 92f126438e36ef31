package io.ictal.detector.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.Classification;
import io.ictal.api.detection.ClassificationException;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.Trend;
import io.ictal.api.model.ModelCard;
import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.ReadWarning;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.Segment;
import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.edf.internal.EdfRecordingWriterService;
import io.ictal.simulator.SeizureType;
import io.ictal.simulator.SimulatedSeizure;
import io.ictal.simulator.SimulationSpec;
import io.ictal.simulator.internal.EegSimulatorComponent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detector end to end on a simulated hour (seed never used in training) with four known seizures of
 * 25 s to 2.5 min at different foci, artifacts and sleep-like slowing included.
 */
class SeizureDetectorTest {

    /** SzCORE's tolerance: a detection may start up to 30 s before and end up to 60 s after a seizure. */
    private static final double BEFORE = 30;
    private static final double AFTER = 60;
    /** How late a detection may start after the true onset (the rhythm starts small at the focus). */
    private static final double LATE_ONSET = 20;

    private static final List<SimulatedSeizure> TRUTH = List.of(seizure(300, 40, "T7"), seizure(1200, 90, "F4"),
            seizure(2100, 25, "O1"), seizure(2900, 150, "C3"));

    private static Path dir;
    private static Path file;
    private static List<SimulatedSeizure> truth;
    private static Classification result;
    private static final CollectingListener streamed = new CollectingListener();

    @BeforeAll
    static void detect() throws Exception {
        dir = Files.createTempDirectory("ictal-detector-test");
        file = dir.resolve("hour.edf");
        truth = new EegSimulatorComponent(new EdfRecordingWriterService())
                .write(SimulationSpec.of(4242, 3600, 0).withSeizures(TRUTH), file);
        try (Recording r = new EdfRecordingReader().open(file)) {
            result = TestServices.detector(TestServices.registry()).classify(r, streamed);
        }
    }

    @AfterAll
    static void clean() throws Exception {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    @Test
    void findsEverySeizureWithItsOnsetAndFewFalseAlarms() {
        for (SimulatedSeizure s : truth) {
            Detection hit = result.detections().stream().filter(d -> overlaps(d, s)).findFirst().orElse(null);
            assertNotNull(hit, "missed " + s + "; detections " + describe(result.detections()));
            assertTrue(hit.onsetSeconds() >= s.onsetSeconds() - BEFORE
                    && hit.onsetSeconds() <= s.onsetSeconds() + LATE_ONSET,
                    "onset " + hit.onsetSeconds() + " for a seizure at " + s.onsetSeconds());
        }
        long falseAlarms = result.detections().stream().filter(d -> truth.stream().noneMatch(s -> overlaps(d, s)))
                .count();
        assertTrue(falseAlarms <= 1, "false alarms: " + describe(result.detections()));
        assertTrue(result.complete());
    }

    @Test
    void eachDetectionCarriesChannelsConfidenceModelAndExplanation() throws Exception {
        ModelCard card = TestServices.card();
        for (Detection d : result.detections()) {
            assertEquals("seizure-detection", d.task());
            assertEquals("seizure", d.label());
            assertEquals(card.id(), d.model().id());
            assertEquals(card.version(), d.model().version());
            assertEquals(card.graphSha256(), d.model().sha256());
            assertFalse(d.channels().isEmpty());
            assertTrue(d.confidence() >= card.thresholds().get("seizure"), d.toString());
            assertNotNull(d.explanation(), d.id());
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(d.explanation().image(), 4));
            assertTrue(d.explanation().caption().contains(d.channels().get(0).substring(0, 2))
                    || d.explanation().caption().contains("class-activation map over"), d.explanation().caption());
        }
        for (SimulatedSeizure s : truth) {
            Detection hit = result.detections().stream().filter(d -> overlaps(d, s)).findFirst().orElseThrow();
            String top = hit.channels().get(0);
            assertTrue(s.channels().stream().anyMatch(top::contains),
                    "most involved channel " + top + " should touch an electrode the seizure reached: " + s.channels());
        }
    }

    @Test
    void streamsTheSameDetectionsTheProbabilityTraceAndProgress() {
        assertEquals(result.detections(), new ArrayList<>(streamed.detections.values()).stream()
                .sorted((a, b) -> Double.compare(a.onsetSeconds(), b.onsetSeconds())).toList());
        int values = streamed.trends.stream().mapToInt(t -> t.values().length).sum();
        assertEquals((3600 - 4) / 2 + 1, values, "one value per 4-s window every 2 s");
        assertEquals(2.0, streamed.trends.get(0).startSeconds(), 1e-9, "first window centre");
        for (Trend t : streamed.trends) {
            assertEquals("seizure-probability", t.seriesId());
            for (double v : t.values()) {
                assertTrue(v >= 0 && v <= 1, "probability " + v);
            }
        }
        assertEquals(1.0, streamed.progress.get(streamed.progress.size() - 1), 1e-9);
    }

    @Test
    void theSameRecordingTenTimesLouderGivesTheSameProbabilitiesAndEvents() throws Exception {
        CollectingListener louder = new CollectingListener();
        Classification loud;
        try (Recording r = new Louder(new EdfRecordingReader().open(file), 10)) {
            loud = TestServices.detector(TestServices.registry()).classify(r, louder);
        }
        double[] quiet = streamed.trendValues();
        double[] amplified = louder.trendValues();
        assertEquals(quiet.length, amplified.length);
        double worst = 0;
        for (int i = 0; i < quiet.length; i++) {
            worst = Math.max(worst, Math.abs(quiet[i] - amplified[i]));
        }
        // +20 dB moves the level reference by 20 dB and the images not at all (float rounding aside).
        assertTrue(worst < 1e-3, "largest probability difference at 20 dB more gain: " + worst);
        assertEquals(describe(result.detections()), describe(loud.detections()));
    }

    @Test
    void stopsWhenCancelledAndSaysSo() throws Exception {
        CollectingListener cancelsAfterTheFirstTrend = new CollectingListener() {
            @Override
            public boolean isCancelled() {
                return !trends.isEmpty();
            }
        };
        try (Recording r = new EdfRecordingReader().open(file)) {
            Classification partial = TestServices.detector(TestServices.registry()).classify(r,
                    cancelsAfterTheFirstTrend);
            assertFalse(partial.complete());
            assertEquals(1, cancelsAfterTheFirstTrend.trends.size());
        }
    }

    @Test
    void aRecordingWithoutEegIsRefusedNamingTheFile() throws Exception {
        Path ekgOnly = dir.resolve("ekg-only.edf");
        new EegSimulatorComponent(new EdfRecordingWriterService())
                .write(SimulationSpec.of(1, 20, 0).withElectrodes(List.of("A1"), true), ekgOnly);
        try (Recording r = new EdfRecordingReader().open(ekgOnly)) {
            SeizureDetector detector = TestServices.detector(TestServices.registry());
            assertFalse(detector.appliesTo(r.header()));
            ClassificationException e = assertThrows(ClassificationException.class,
                    () -> detector.classify(r, ClassificationListener.ignoring()));
            assertTrue(e.getMessage().startsWith(ekgOnly.toString()) && e.getMessage().contains("no EEG channels"),
                    e.getMessage());
        } finally {
            Files.deleteIfExists(ekgOnly);
        }
    }

    private static boolean overlaps(Detection d, SimulatedSeizure s) {
        return d.onsetSeconds() < s.offsetSeconds() + AFTER && d.offsetSeconds() > s.onsetSeconds() - BEFORE;
    }

    private static String describe(List<Detection> detections) {
        return detections.stream().map(d -> String.format("%.0f+%.0f %s %.2f", d.onsetSeconds(), d.durationSeconds(),
                d.channels(), d.confidence())).toList().toString();
    }

    private static SimulatedSeizure seizure(double onset, double duration, String focus) {
        return new SimulatedSeizure(onset, duration, SeizureType.FOCAL_EVOLVING, focus, List.of());
    }

    /** A recording read with every sample multiplied by {@code gain} (another amplifier's gain). */
    private record Louder(Recording recording, float gain) implements Recording {

        @Override
        public Path file() {
            return recording.file();
        }

        @Override
        public RecordingHeader header() {
            return recording.header();
        }

        @Override
        public List<Annotation> annotations() {
            return recording.annotations();
        }

        @Override
        public List<ReadWarning> warnings() {
            return recording.warnings();
        }

        @Override
        public List<Segment> segments() {
            return recording.segments();
        }

        @Override
        public float[] read(int signalIndex, double startSeconds, double durationSeconds) throws IOException {
            float[] samples = recording.read(signalIndex, startSeconds, durationSeconds);
            for (int i = 0; i < samples.length; i++) {
                samples[i] *= gain;
            }
            return samples;
        }

        @Override
        public void close() throws IOException {
            recording.close();
        }
    }
}
