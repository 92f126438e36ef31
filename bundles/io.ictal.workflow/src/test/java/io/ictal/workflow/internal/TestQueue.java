package io.ictal.workflow.internal;

import io.ictal.api.detection.Detection;
import io.ictal.api.review.RecordingDescriptor;
import io.ictal.api.review.ReviewConflictException;
import io.ictal.api.review.ReviewDecision;
import io.ictal.api.review.ReviewException;
import io.ictal.api.review.ReviewFilter;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewQueue;
import io.ictal.api.review.ReviewState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory review queue for tests: keeps what was ingested and described, decides with revisions.
 * Public: the viewer's tests use it too (test-jar).
 */
public final class TestQueue implements ReviewQueue {

    private final List<ReviewItem> items = new ArrayList<>();
    final Map<String, RecordingDescriptor> described = new HashMap<>();

    @Override
    public synchronized List<ReviewItem> ingest(String recordingId, List<Detection> detections) {
        List<ReviewItem> added = new ArrayList<>();
        for (Detection d : detections) {
            ReviewItem item = new ReviewItem(items.size() + 1, recordingId, d, ReviewState.PENDING, null, null, "", 0);
            items.add(item);
            added.add(item);
        }
        return added;
    }

    @Override
    public synchronized List<ReviewItem> items(String recordingId) {
        return items(ReviewFilter.all().withRecording(recordingId));
    }

    @Override
    public synchronized List<ReviewItem> items(ReviewFilter filter) {
        return items.stream().filter(filter::test).toList();
    }

    @Override
    public synchronized Optional<ReviewItem> item(long id) {
        return items.stream().filter(i -> i.id() == id).findFirst();
    }

    @Override
    public synchronized ReviewItem decide(long itemId, long expectedRevision, ReviewDecision decision) {
        ReviewItem current = item(itemId).orElseThrow(() -> new ReviewException("no review item " + itemId));
        if (current.revision() != expectedRevision) {
            throw new ReviewConflictException(current, expectedRevision);
        }
        ReviewItem decided = new ReviewItem(current.id(), current.recordingId(), current.detection(), decision.state(),
                decision.reviewer(), Instant.now(), decision.comment(), current.revision() + 1,
                decision.editedOnsetSeconds(), decision.editedOffsetSeconds());
        items.set(items.indexOf(current), decided);
        return decided;
    }

    @Override
    public synchronized List<ReviewItem> decideAll(List<ReviewItem> seen, ReviewDecision decision) {
        return seen.stream().map(i -> decide(i.id(), i.revision(), decision)).toList();
    }

    @Override
    public synchronized void describe(RecordingDescriptor recording) {
        described.put(recording.recordingId(), recording);
    }

    @Override
    public synchronized RecordingDescriptor recording(String recordingId) {
        return described.getOrDefault(recordingId, RecordingDescriptor.unknown(recordingId));
    }
}
