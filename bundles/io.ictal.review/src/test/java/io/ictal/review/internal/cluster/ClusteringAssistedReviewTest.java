package io.ictal.review.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.recording.RecordingReader;
import io.ictal.api.review.RecordingDescriptor;
import io.ictal.api.review.ReviewItem;
import io.ictal.review.internal.store.Database;
import io.ictal.review.internal.store.JdbcReviewQueue;
import io.ictal.spectrogram.internal.SpectrogramComponent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clustering-assisted review of a simulated day (480 detections of six known kinds, see
 * {@link SyntheticDay}) by a {@link SimulatedReviewer}, against one decision per item. Prints the
 * numbers; the module README records them.
 */
class ClusteringAssistedReviewTest {

    private static final ModelIdentity MODEL = new ModelIdentity("ictal-seizure-cnn", "1.0.0", "d".repeat(64));

    @TempDir
    Path dir;
    private JdbcReviewQueue queue;
    private SpectrogramComponent spectrograms;
    private SyntheticDay day;

    @BeforeEach
    void setUp() {
        queue = new JdbcReviewQueue(Database.embeddedH2(dir), Clock.systemUTC());
        spectrograms = spectrogramService();
        day = new SyntheticDay(2026);
    }

    /** The project's spectrogram service with two threads; deactivate it when done. */
    static SpectrogramComponent spectrogramService() {
        return new SpectrogramComponent(2, 600);
    }

    @AfterEach
    void tearDown() {
        spectrograms.deactivate();
        queue.close();
    }

    @Test
    void aSimulatedDayNeedsFarFewerDecisionsThanItems() {
        int items = day.events().size();
        int decisions = review("day-default", 0.9);
        assertTrue(decisions * 3 < items, decisions + " decisions for " + items + " items");
        // Coarser clusters: fewer to look at, more to split; the reviewer still ends with the truth.
        review("day-coarse", 2.0);
    }

    /** Reviews a fresh copy of the day at one threshold; returns the number of decisions. */
    private int review(String recordingId, double threshold) {
        SplittableRandom random = new SplittableRandom(1);
        List<Detection> detections = new ArrayList<>();
        Map<Double, SyntheticDay.Kind> truthByOnset = new HashMap<>();
        for (SyntheticDay.Event e : day.events()) {
            detections.add(new Detection("sz-" + detections.size(), "seizure-detection", "seizure", e.onset(),
                    e.duration(), e.channels(), 0.5 + 0.49 * random.nextDouble(), MODEL, Map.of(), null));
            truthByOnset.put(e.onset(), e.kind());
        }
        queue.ingest(recordingId, detections);
        queue.describe(new RecordingDescriptor(recordingId, "synthetic-day.edf", day.header().start(),
                SyntheticDay.SECONDS));
        RecordingReader reader = (file, mode) -> day;
        SimilarityClustering clustering = new SimilarityClustering(queue, reader, spectrograms, threshold);
        SimulatedReviewer.Result result = SimulatedReviewer.review(queue, clustering, recordingId,
                item -> kind(truthByOnset, item).seizure);
        System.out.println(result.describe("a synthetic day", threshold));
        return result.decisions();
    }

    private static SyntheticDay.Kind kind(Map<Double, SyntheticDay.Kind> truth, ReviewItem item) {
        return truth.get(item.detection().onsetSeconds());
    }
}
