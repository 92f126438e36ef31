package io.ictal.review.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.review.RecordingDescriptor;
import io.ictal.api.review.ReviewItem;
import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.edf.internal.EdfRecordingWriterService;
import io.ictal.review.internal.store.Database;
import io.ictal.review.internal.store.JdbcReviewQueue;
import io.ictal.simulator.SimulatedSeizure;
import io.ictal.simulator.SimulationSpec;
import io.ictal.simulator.internal.EegSimulatorComponent;
import io.ictal.spectrogram.internal.SpectrogramComponent;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same measurement on a recording from the project's EEG simulator (io.ictal.simulator, written
 * independently of the clustering): 6 hours, 8 electrodes at 128 Hz with its artefacts (blinks,
 * muscle, pops, movement, line noise) and sleep spans. Detections: every simulated seizure (on the
 * electrodes it reached) plus 150 false alarms at random seizure-free times on two random
 * electrodes, as a detector with many false alarms would give. The recording is read from the EDF+
 * file by the project's reader.
 */
class SimulatorRecordingReviewTest {

    private static final List<String> ELECTRODES = List.of("F7", "T7", "P7", "F8", "T8", "P8", "C3", "C4");
    private static final ModelIdentity MODEL = new ModelIdentity("ictal-seizure-cnn", "1.0.0", "9".repeat(64));
    private static final double HOURS = 6;

    @TempDir
    Path dir;

    @Test
    void aSimulatorRecordingNeedsFewerDecisionsThanItems() throws Exception {
        Path file = dir.resolve("simulated.edf");
        SimulationSpec spec = new SimulationSpec(11, HOURS * 3600, 128, ELECTRODES, false, 5, List.of(), true);
        List<SimulatedSeizure> seizures = new EegSimulatorComponent(new EdfRecordingWriterService()).write(spec, file);

        SplittableRandom random = new SplittableRandom(3);
        List<Detection> detections = new ArrayList<>();
        for (SimulatedSeizure s : seizures) {
            detections.add(detection("true-" + detections.size(), s.onsetSeconds(), s.durationSeconds(),
                    s.channels().stream().map(e -> "EEG " + e + "-REF").toList(), random));
        }
        while (detections.size() < seizures.size() + 150) {
            double duration = 10 + 50 * random.nextDouble();
            double onset = random.nextDouble() * (HOURS * 3600 - duration);
            if (seizures.stream().noneMatch(s -> onset < s.offsetSeconds() + 30 && onset + duration > s.onsetSeconds() - 30)) {
                int first = random.nextInt(ELECTRODES.size());
                detections.add(detection("false-" + detections.size(), onset, duration, List.of(
                        "EEG " + ELECTRODES.get(first) + "-REF",
                        "EEG " + ELECTRODES.get((first + 1) % ELECTRODES.size()) + "-REF"), random));
            }
        }
        SpectrogramComponent spectrograms = ClusteringAssistedReviewTest.spectrogramService();
        try (JdbcReviewQueue queue = new JdbcReviewQueue(Database.embeddedH2(dir), Clock.systemUTC())) {
            queue.ingest("simulated", detections);
            queue.describe(new RecordingDescriptor("simulated", file.toString(), null, HOURS * 3600));
            SimilarityClustering clustering = new SimilarityClustering(queue, new EdfRecordingReader(), spectrograms,
                    0.9);
            SimulatedReviewer.Result result = SimulatedReviewer.review(queue, clustering, "simulated",
                    (ReviewItem item) -> item.detection().id().startsWith("true-"));
            System.out.println(result.describe("io.ictal.simulator's 6-hour recording", 0.9));
            assertTrue(result.decisions() * 2 < result.items(), result.describe("", 0.9));
        } finally {
            spectrograms.deactivate();
        }
    }

    private static Detection detection(String id, double onset, double duration, List<String> channels,
            SplittableRandom random) {
        return new Detection(id, "seizure-detection", "seizure", onset, duration, channels,
                0.5 + 0.49 * random.nextDouble(), MODEL, Map.of(), null);
    }
}
