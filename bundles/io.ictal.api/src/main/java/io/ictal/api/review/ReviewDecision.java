package io.ictal.api.review;

import java.util.Objects;

/**
 * What a reviewer decided about an item (or a whole cluster of items).
 *
 * @param state {@link ReviewState#CONFIRMED}, {@link ReviewState#REJECTED} or {@link ReviewState#EDITED}
 * @param reviewer who decides (not blank)
 * @param comment free text, possibly empty
 * @param editedOnsetSeconds for EDITED the corrected onset (finite, &ge; 0), else NaN
 * @param editedOffsetSeconds for EDITED the corrected offset (&gt; onset), else NaN
 */
public record ReviewDecision(
        ReviewState state,
        String reviewer,
        String comment,
        double editedOnsetSeconds,
        double editedOffsetSeconds) {

    public ReviewDecision {
        Objects.requireNonNull(state, "state");
        if (!state.decided()) {
            throw new IllegalArgumentException("a decision must confirm, reject or edit, not " + state);
        }
        Objects.requireNonNull(reviewer, "reviewer");
        if (reviewer.isBlank()) {
            throw new IllegalArgumentException("reviewer must not be blank");
        }
        Objects.requireNonNull(comment, "comment");
        checkEditedRange(state, editedOnsetSeconds, editedOffsetSeconds);
    }

    public static ReviewDecision confirm(String reviewer, String comment) {
        return new ReviewDecision(ReviewState.CONFIRMED, reviewer, comment, Double.NaN, Double.NaN);
    }

    public static ReviewDecision reject(String reviewer, String comment) {
        return new ReviewDecision(ReviewState.REJECTED, reviewer, comment, Double.NaN, Double.NaN);
    }

    /** Accepts the event with corrected times (seconds from the recording start). */
    public static ReviewDecision edit(String reviewer, String comment, double onsetSeconds, double offsetSeconds) {
        return new ReviewDecision(ReviewState.EDITED, reviewer, comment, onsetSeconds, offsetSeconds);
    }

    /** Edited times exist exactly for EDITED: a finite onset &ge; 0 and a later offset. */
    static void checkEditedRange(ReviewState state, double onset, double offset) {
        if (state == ReviewState.EDITED) {
            if (!Double.isFinite(onset) || onset < 0 || !Double.isFinite(offset) || offset <= onset) {
                throw new IllegalArgumentException("an edited item needs a finite onset >= 0 and a later offset, was "
                        + onset + ".." + offset);
            }
        } else if (!Double.isNaN(onset) || !Double.isNaN(offset)) {
            throw new IllegalArgumentException("only an EDITED item has edited times, not " + state);
        }
    }
}
