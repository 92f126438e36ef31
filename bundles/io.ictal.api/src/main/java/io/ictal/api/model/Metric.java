package io.ictal.api.model;

/**
 * One evaluation result. The split is part of the metric: a number without it cannot be compared.
 *
 * @param name e.g. {@code balanced-accuracy}, {@code sensitivity}, {@code false-alarms-per-24h}
 * @param value the measured value (finite)
 * @param split the data it was measured on, e.g. {@code TUSZ dev, inter-patient}
 */
public record Metric(String name, double value, String split) {

    public Metric {
        Checks.requireText(name, "metric name");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric '" + name + "' must be finite, was " + value);
        }
        Checks.requireText(split, "metric split");
    }
}
