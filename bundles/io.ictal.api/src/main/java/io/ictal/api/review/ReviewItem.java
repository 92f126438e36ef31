package io.ictal.api.review;

import io.ictal.api.detection.Detection;
import java.time.Instant;
import java.util.Objects;

/**
 * A detection awaiting or having received a reviewer's decision.
 *
 * @param id queue-assigned identifier
 * @param recordingId the recording the detection belongs to
 * @param detection what the classifier proposed (never changed by a decision)
 * @param state the review state
 * @param reviewer who decided, or null while pending
 * @param decidedAt when, or null while pending
 * @param comment the reviewer's comment, possibly empty
 * @param revision incremented on every decision (optimistic concurrency between reviewers)
 * @param editedOnsetSeconds the reviewer's onset for an {@link ReviewState#EDITED} item, else NaN
 * @param editedOffsetSeconds the reviewer's offset for an {@link ReviewState#EDITED} item, else NaN
 */
public record ReviewItem(
        long id,
        String recordingId,
        Detection detection,
        ReviewState state,
        String reviewer,
        Instant decidedAt,
        String comment,
        long revision,
        double editedOnsetSeconds,
        double editedOffsetSeconds) {

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
        ReviewDecision.checkEditedRange(state, editedOnsetSeconds, editedOffsetSeconds);
    }

    /** An item that was not edited (edited onset and offset NaN). */
    public ReviewItem(long id, String recordingId, Detection detection, ReviewState state, String reviewer,
            Instant decidedAt, String comment, long revision) {
        this(id, recordingId, detection, state, reviewer, decidedAt, comment, revision, Double.NaN, Double.NaN);
    }

    /** The onset that counts: the reviewer's for an edited item, else the detector's. */
    public double onsetSeconds() {
        return state == ReviewState.EDITED ? editedOnsetSeconds : detection.onsetSeconds();
    }

    /** The offset that counts: the reviewer's for an edited item, else the detector's. */
    public double offsetSeconds() {
        return state == ReviewState.EDITED ? editedOffsetSeconds : detection.offsetSeconds();
    }

    /** Whether a reviewer accepted the event, as detected or with edited times. */
    public boolean accepted() {
        return state == ReviewState.CONFIRMED || state == ReviewState.EDITED;
    }
}
