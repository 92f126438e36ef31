package io.ictal.api.review;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which items to list. Null fields match everything.
 *
 * @param recordingId one recording, or null for all
 * @param states the states to include (empty: all)
 * @param task one classifier task (e.g. {@code seizure-detection}), or null for all
 * @param label one label (e.g. {@code seizure}), or null for all
 */
public record ReviewFilter(String recordingId, Set<ReviewState> states, String task, String label) {

    public ReviewFilter {
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
    }

    /** Every item. */
    public static ReviewFilter all() {
        return new ReviewFilter(null, Set.of(), null, null);
    }

    /** Pending items of one recording, or of all when {@code recordingId} is null. */
    public static ReviewFilter pending(String recordingId) {
        return new ReviewFilter(recordingId, Set.of(ReviewState.PENDING), null, null);
    }

    public ReviewFilter withRecording(String id) {
        return new ReviewFilter(id, states, task, label);
    }

    public ReviewFilter withStates(Set<ReviewState> wanted) {
        return new ReviewFilter(recordingId, wanted, task, label);
    }

    public ReviewFilter withTask(String wanted) {
        return new ReviewFilter(recordingId, states, wanted, label);
    }

    public ReviewFilter withLabel(String wanted) {
        return new ReviewFilter(recordingId, states, task, wanted);
    }

    /** Whether {@code item} passes this filter. */
    public boolean test(ReviewItem item) {
        return (recordingId == null || recordingId.equals(item.recordingId()))
                && (states.isEmpty() || states.contains(item.state()))
                && (task == null || task.equals(item.detection().task()))
                && (label == null || label.equals(item.detection().label()));
    }
}
