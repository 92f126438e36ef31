package io.ictal.api.recording;

import java.util.Objects;

/**
 * One annotation text of a time-stamped annotation list (TAL).
 *
 * @param onsetSeconds onset relative to the recording start (may be negative in EDF+)
 * @param durationSeconds duration, or {@link Double#NaN} when the TAL gives none
 * @param text the annotation text (UTF-8 decoded)
 * @param signalIndex index of the annotation signal it came from
 */
public record Annotation(double onsetSeconds, double durationSeconds, String text, int signalIndex) {

    public Annotation {
        if (!Double.isFinite(onsetSeconds)) {
            throw new IllegalArgumentException("onsetSeconds must be finite, was " + onsetSeconds);
        }
        if (durationSeconds < 0 || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("durationSeconds must be >= 0 or NaN, was " + durationSeconds);
        }
        Objects.requireNonNull(text, "text");
    }

    /** Whether the TAL gave a duration. */
    public boolean hasDuration() {
        return !Double.isNaN(durationSeconds);
    }
}
