package io.ictal.api.model;

import java.util.List;
import java.util.Objects;

/**
 * How inputs are scaled before they reach the graph: {@code (x - mean[c]) / std[c]} per channel
 * (or image plane) {@code c}, after the transform {@code method} names.
 *
 * @param method the transform applied first, e.g. {@code none}, {@code log10}, {@code zscore-per-window}
 * @param mean per-channel mean to subtract (empty: none)
 * @param std per-channel standard deviation to divide by, same size as {@code mean}, each &gt; 0
 */
public record Normalisation(String method, List<Double> mean, List<Double> std) {

    public Normalisation {
        Checks.requireText(method, "normalisation method");
        mean = List.copyOf(Objects.requireNonNull(mean, "mean"));
        std = List.copyOf(Objects.requireNonNull(std, "std"));
        if (mean.size() != std.size()) {
            throw new IllegalArgumentException("normalisation mean and std must have the same size, were "
                    + mean.size() + " and " + std.size());
        }
        for (double m : mean) {
            if (!Double.isFinite(m)) {
                throw new IllegalArgumentException("normalisation mean must be finite, was " + mean);
            }
        }
        for (double s : std) {
            Checks.requirePositive(s, "normalisation std");
        }
    }

    /** No scaling at all. */
    public static Normalisation none() {
        return new Normalisation("none", List.of(), List.of());
    }
}
