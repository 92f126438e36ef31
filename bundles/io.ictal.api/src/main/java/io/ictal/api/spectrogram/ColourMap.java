package io.ictal.api.spectrogram;

/**
 * Colour map of spectrogram images; each is piecewise linear between the anchors documented here,
 * so that the Python training pipeline reproduces it exactly.
 */
public enum ColourMap {
    /** Black to white. */
    GRAY,
    /** MATLAB's jet: dark blue, blue, cyan, yellow, red, dark red at 0, 1/8, 3/8, 5/8, 7/8, 1. */
    JET,
    /** matplotlib's viridis sampled at 9 evenly spaced anchors. */
    VIRIDIS
}
