package io.ictal.review.internal.store;

import io.ictal.api.detection.Detection;
import io.ictal.api.review.ReviewDecision;
import io.ictal.api.review.ReviewFilter;
import io.ictal.api.review.ReviewItem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The process {@link KillDuringWritesTest} kills: writes to the queue as fast as it can and prints
 * {@code ACK ...} after each write returns, until it is killed.
 *
 * <p>Arguments: {@code ingest|decide URL USER PASSWORD}. {@code ingest}: ingests batch after batch of
 * {@value #BATCH} detections, one recording per batch. {@code decide}: confirms the pending items,
 * alternately one at a time and five at once.
 */
public final class KilledWriter {

    static final int BATCH = 50;

    private KilledWriter() {
    }

    /** The detections of batch {@code b}: the same every time, so a re-run is a re-ingestion. */
    static List<Detection> batch(int b) {
        List<Detection> detections = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            detections.add(Detections.seizure("sz-" + i, 30.0 * i, 12.5, "F7-T7", "T7-P7"));
        }
        return detections;
    }

    static String recording(int b) {
        return "rec-" + b;
    }

    public static void main(String[] args) {
        JdbcReviewQueue queue = new JdbcReviewQueue(new Database(args[1], args[2], args[3]), Clock.systemUTC());
        if (args[0].equals("ingest")) {
            for (int b = 0;; b++) {
                queue.ingest(recording(b), batch(b));
                System.out.println("ACK " + b);
            }
        }
        List<ReviewItem> pending = queue.items(ReviewFilter.pending(null));
        for (int i = 0; i < pending.size();) {
            List<ReviewItem> group = pending.subList(i, Math.min(pending.size(), i + (i % 2 == 0 ? 1 : 5)));
            if (group.size() == 1) {
                queue.decide(group.get(0).id(), group.get(0).revision(), ReviewDecision.confirm("killed", ""));
            } else {
                queue.decideAll(group, ReviewDecision.confirm("killed", "cluster"));
            }
            System.out.println("ACK " + group.stream().map(item -> Long.toString(item.id()))
                    .collect(Collectors.joining(",")));
            i += group.size();
        }
        System.out.println("DONE");
    }
}
