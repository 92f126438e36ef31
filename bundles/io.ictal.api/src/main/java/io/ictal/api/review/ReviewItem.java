package io.ictal.api.review;

import io.ictal.api.detection.Detection;
import java.time.Instant;
import java.util.Objects;

/**
 * A detection awaiting or having received a reviewer's decision.
 *
 * @param id queue-assigned identifier
 * @param recordingId the recording the detection belongs to
 * @param detection what the classifier proposed
 * @param state the review state
 * @param reviewer who decided, or null while pending
 * @param decidedAt when, or null while pending
 * @param comment the reviewer's comment, possibly empty
 * @param revision incremented on every decision (optimistic concurrency between reviewers)
 */
public record ReviewItem(
        long id,
        String recordingId,
        Detection detection,
        ReviewState state,
        String reviewer,
        Instant decidedAt,
        String comment,
        long revision) {

    public ReviewItem {
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(comment, "comment");
        if (state.decided() && (reviewer == null || reviewer.isBlank() || decidedAt == null)) {
            throw new IllegalArgumentException("a decided item needs a reviewer and a decision time");
        }
        if (revision < 0) {
            throw new IllegalArgumentException("revision must be >= 0, was " + revision);
        }
    }
}
