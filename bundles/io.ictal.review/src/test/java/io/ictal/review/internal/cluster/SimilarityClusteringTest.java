package io.ictal.review.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.recording.RecordingReader;
import io.ictal.api.review.RecordingDescriptor;
import io.ictal.api.review.ReviewCluster;
import io.ictal.api.review.ReviewDecision;
import io.ictal.api.review.ReviewException;
import io.ictal.api.review.ReviewFilter;
import io.ictal.api.review.ReviewItem;
import io.ictal.review.internal.store.Database;
import io.ictal.review.internal.store.JdbcReviewQueue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clustering without readable recordings: the detections' own numbers, labels kept apart. */
class SimilarityClusteringTest {

    private static final ModelIdentity MODEL = new ModelIdentity("m", "1", "f".repeat(64));
    private static final RecordingReader UNREADABLE = (file, mode) -> {
        throw new IOException(file + ": no such file");
    };

    @TempDir
    Path dir;
    private JdbcReviewQueue queue;
    private SimilarityClustering clustering;

    @BeforeEach
    void setUp() {
        queue = new JdbcReviewQueue(Database.embeddedH2(dir), Clock.systemUTC());
        // No spectrogram service is needed: no recording can be read.
        clustering = new SimilarityClustering(queue, UNREADABLE, null, 0.9);
    }

    @AfterEach
    void tearDown() {
        queue.close();
    }

    private static Detection detection(String label, double onset, double duration, double seizureScore) {
        return new Detection("d", "seizure-type", label, onset, duration, List.of(), 0.8, MODEL,
                Map.of("GNSZ", seizureScore, "FNSZ", 1 - seizureScore), null);
    }

    @Test
    void withoutReadableRecordingsItemsClusterOnTheirScoresAndLabelsStayApart() {
        List<Detection> detections = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            detections.add(detection("GNSZ", 100 * i, 30, 0.95));
            detections.add(detection("GNSZ", 100 * i + 50, 30, 0.05));
        }
        detections.add(detection("FNSZ", 5000, 30, 0.1));
        queue.ingest("rec-unknown", detections.subList(0, 6));
        queue.ingest("rec-missing", detections.subList(6, detections.size()));
        queue.describe(new RecordingDescriptor("rec-missing", "/nowhere/rec.edf", null, Double.NaN));

        List<ReviewCluster> clusters = clustering.clusters(ReviewFilter.all());
        assertTrue(clusters.stream().allMatch(c -> c.basis().equals(SimilarityClustering.DETECTION)));
        assertEquals(13, clusters.stream().mapToInt(ReviewCluster::size).sum());
        for (ReviewCluster c : clusters) {
            assertEquals(1, c.items().stream().map(i -> i.detection().label()).distinct().count(), c.id());
            assertEquals(1, c.items().stream().map(i -> i.detection().scores().get("GNSZ") > 0.5).distinct().count(),
                    "cluster " + c.id() + " mixes high and low GNSZ scores");
        }
        assertEquals(List.of(6, 6, 1), clusters.stream().map(ReviewCluster::size).toList());
        assertTrue(clusters.get(0).items().contains(clusters.get(0).representative()));
    }

    @Test
    void splitsLeaveOutDecidedMembersAndNeverLoseOne() {
        List<ReviewItem> items = queue.ingest("rec", List.of(detection("GNSZ", 0, 10, 0.9),
                detection("GNSZ", 20, 10, 0.9), detection("GNSZ", 40, 300, 0.2)));
        // A threshold that joins everything gives one cluster of all three.
        ReviewCluster all = new SimilarityClustering(queue, UNREADABLE, null, 1e9).clusters(ReviewFilter.all()).get(0);
        assertEquals(3, all.size());
        List<ReviewCluster> parts = clustering.split(all);
        assertEquals(2, parts.size());
        assertEquals(3, parts.stream().mapToInt(ReviewCluster::size).sum());

        queue.decide(items.get(0).id(), 0, ReviewDecision.reject("alice", ""));
        List<ReviewCluster> after = clustering.split(all);
        assertEquals(2, after.stream().mapToInt(ReviewCluster::size).sum(), "the decided member is left out");
        assertEquals(1, clustering.split(after.get(after.size() - 1)).size(), "one member cannot split");
    }

    @Test
    void theThresholdMustBePositive() {
        assertThrows(ReviewException.class, () -> new SimilarityClustering(queue, UNREADABLE, null, 0));
    }
}
