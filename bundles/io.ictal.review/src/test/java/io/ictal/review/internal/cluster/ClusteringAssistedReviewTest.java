package io.ictal.review.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.recording.RecordingReader;
import io.ictal.api.review.RecordingDescriptor;
import io.ictal.api.review.ReviewCluster;
import io.ictal.api.review.ReviewDecision;
import io.ictal.api.review.ReviewFilter;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewState;
import io.ictal.review.internal.store.Database;
import io.ictal.review.internal.store.JdbcReviewQueue;
import io.ictal.spectrogram.internal.SpectrogramComponent;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clustering-assisted review of a simulated day (480 detections of six known kinds, see
 * {@link SyntheticDay}) against one decision per item. The simulated reviewer looks at a cluster's
 * members (a montage of their spectrograms, as Barry et al. did): when they all show the same thing
 * it confirms or rejects the whole cluster with one decision, otherwise it splits the cluster (one
 * decision) and looks at the parts. Prints the numbers; the module README records them.
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
        spectrograms = new SpectrogramComponent(new SpectrogramComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SpectrogramComponent.Config.class;
            }

            @Override
            public int threads() {
                return 2;
            }

            @Override
            public double blockSeconds() {
                return 600;
            }
        });
        day = new SyntheticDay(2026);
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

        List<ReviewCluster> initial = clustering.clusters(ReviewFilter.all().withRecording(recordingId));
        int items = detections.size();
        assertEquals(items, initial.stream().mapToInt(ReviewCluster::size).sum());
        assertTrue(initial.stream().allMatch(c -> c.basis().equals(SimilarityClustering.SPECTROGRAM)));
        // Had the reviewer judged each cluster by its representative alone, how many items would be wrong?
        long representativeErrors = initial.stream().mapToLong(c -> c.items().stream()
                .filter(i -> kind(truthByOnset, i).seizure != kind(truthByOnset, c.representative()).seizure).count())
                .sum();

        int decisions = 0;
        int splits = 0;
        Deque<ReviewCluster> toReview = new ArrayDeque<>(initial);
        while (!toReview.isEmpty()) {
            ReviewCluster cluster = toReview.pop();
            Map<Boolean, List<ReviewItem>> bySeizure = cluster.items().stream()
                    .collect(Collectors.partitioningBy(i -> kind(truthByOnset, i).seizure));
            decisions++;
            if (bySeizure.get(true).isEmpty() || bySeizure.get(false).isEmpty()) {
                boolean seizure = !bySeizure.get(true).isEmpty();
                queue.decideAll(cluster.items(), seizure ? ReviewDecision.confirm("sim", "cluster " + cluster.id())
                        : ReviewDecision.reject("sim", "cluster " + cluster.id()));
            } else {
                splits++;
                List<ReviewCluster> parts = clustering.split(cluster);
                assertTrue(parts.size() >= 2, "a mixed cluster of " + cluster.size() + " must split");
                parts.forEach(toReview::push);
            }
        }

        // Every item decided exactly once, as the ground truth says.
        for (ReviewItem item : queue.items(recordingId)) {
            assertEquals(kind(truthByOnset, item).seizure ? ReviewState.CONFIRMED : ReviewState.REJECTED, item.state());
            assertEquals(1, item.revision());
        }
        assertTrue(queue.items(ReviewFilter.pending(recordingId)).isEmpty());
        System.out.printf("clustering-assisted review of a simulated day, distance threshold %.1f: %d detections"
                + " (%d seizures), %d initial"
                + " clusters, %d reviewer decisions (%d splits) against %d one per item: %.1fx fewer;"
                + " judging each initial cluster by its representative alone would mislabel %d items (%.1f%%)%n",
                threshold, items, truthByOnset.values().stream().filter(k -> k.seizure).count(), initial.size(),
                decisions, splits,
                items, (double) items / decisions, representativeErrors, 100.0 * representativeErrors / items);
        return decisions;
    }

    private static SyntheticDay.Kind kind(Map<Double, SyntheticDay.Kind> truth, ReviewItem item) {
        return truth.get(item.detection().onsetSeconds());
    }
}
