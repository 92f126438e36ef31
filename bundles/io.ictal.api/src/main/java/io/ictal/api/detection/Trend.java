package io.ictal.api.detection;

import java.util.Arrays;
import java.util.Objects;

/**
 * A run of evenly spaced values of a trend series (e.g. seizure probability over time).
 *
 * @param seriesId stable id, e.g. {@code seizure-probability}
 * @param label name shown to users
 * @param unit unit of the values
 * @param startSeconds time of the first value, seconds from the recording start (&ge; 0)
 * @param stepSeconds spacing (&gt; 0)
 * @param values the values (copied; NaN marks a gap)
 */
public record Trend(String seriesId, String label, String unit, double startSeconds, double stepSeconds,
        double[] values) {

    public Trend {
        Detection.requireText(seriesId, "seriesId");
        Detection.requireText(label, "label");
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(startSeconds) || startSeconds < 0) {
            throw new IllegalArgumentException("startSeconds must be finite and >= 0, was " + startSeconds);
        }
        if (!Double.isFinite(stepSeconds) || stepSeconds <= 0) {
            throw new IllegalArgumentException("stepSeconds must be finite and > 0, was " + stepSeconds);
        }
        values = Objects.requireNonNull(values, "values").clone();
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trend t && seriesId.equals(t.seriesId) && label.equals(t.label) && unit.equals(t.unit)
                && Double.compare(startSeconds, t.startSeconds) == 0 && Double.compare(stepSeconds, t.stepSeconds) == 0
                && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seriesId, startSeconds, stepSeconds) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Trend[" + seriesId + ", start=" + startSeconds + ", step=" + stepSeconds + ", " + values.length
                + " values]";
    }
}
