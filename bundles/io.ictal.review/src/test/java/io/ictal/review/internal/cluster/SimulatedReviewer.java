package io.ictal.review.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.review.ReviewCluster;
import io.ictal.api.review.ReviewDecision;
import io.ictal.api.review.ReviewFilter;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewQueue;
import io.ictal.api.review.ReviewState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A reviewer who looks at a cluster's members (a montage of their spectrograms, as Barry et al. did):
 * when they all show the same thing, it confirms or rejects the whole cluster with one decision;
 * otherwise it splits the cluster (one decision) and looks at the parts. Checks that every item ends
 * decided exactly once as the ground truth says.
 */
final class SimulatedReviewer {

    /** What the review took. */
    record Result(int items, long seizures, int initialClusters, int decisions, int splits, long representativeErrors) {

        String describe(String what, double threshold) {
            return String.format(java.util.Locale.ROOT, "clustering-assisted review of %s, distance threshold %.1f:"
                    + " %d detections (%d seizures), %d initial clusters, %d reviewer decisions (%d splits) against %d"
                    + " one per item: %.1fx fewer; judging each initial cluster by its representative alone would"
                    + " mislabel %d items (%.1f%%)", what, threshold, items, seizures, initialClusters, decisions,
                    splits, items, (double) items / decisions, representativeErrors, 100.0 * representativeErrors / items);
        }
    }

    private SimulatedReviewer() {
    }

    static Result review(ReviewQueue queue, SimilarityClustering clustering, String recordingId,
            Predicate<ReviewItem> isSeizure) {
        List<ReviewCluster> initial = clustering.clusters(ReviewFilter.all().withRecording(recordingId));
        int items = queue.items(recordingId).size();
        long seizures = queue.items(recordingId).stream().filter(isSeizure).count();
        assertEquals(items, initial.stream().mapToInt(ReviewCluster::size).sum());
        assertTrue(initial.stream().allMatch(c -> c.basis().equals(SimilarityClustering.SPECTROGRAM)));
        long representativeErrors = initial.stream().mapToLong(c -> c.items().stream()
                .filter(i -> isSeizure.test(i) != isSeizure.test(c.representative())).count()).sum();

        int decisions = 0;
        int splits = 0;
        Deque<ReviewCluster> toReview = new ArrayDeque<>(initial);
        while (!toReview.isEmpty()) {
            ReviewCluster cluster = toReview.pop();
            Map<Boolean, List<ReviewItem>> bySeizure = cluster.items().stream()
                    .collect(Collectors.partitioningBy(isSeizure));
            decisions++;
            if (bySeizure.get(true).isEmpty() || bySeizure.get(false).isEmpty()) {
                String comment = "cluster " + cluster.id();
                queue.decideAll(cluster.items(), bySeizure.get(true).isEmpty()
                        ? ReviewDecision.reject("sim", comment) : ReviewDecision.confirm("sim", comment));
            } else {
                splits++;
                List<ReviewCluster> parts = clustering.split(cluster);
                assertTrue(parts.size() >= 2, "a mixed cluster of " + cluster.size() + " must split");
                parts.forEach(toReview::push);
            }
        }
        for (ReviewItem item : queue.items(recordingId)) {
            assertEquals(isSeizure.test(item) ? ReviewState.CONFIRMED : ReviewState.REJECTED, item.state());
            assertEquals(1, item.revision());
        }
        assertTrue(queue.items(ReviewFilter.pending(recordingId)).isEmpty());
        return new Result(items, seizures, initial.size(), decisions, splits, representativeErrors);
    }
}
