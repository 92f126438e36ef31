package io.ictal.api.spectrogram;

/**
 * Colour map of spectrogram images. Each is piecewise linear between fixed anchors, so that the
 * Python training pipeline ({@code training/ictal_training/spectrogram.py}) reproduces it exactly.
 */
public enum ColourMap {
    /** Black to white. */
    GRAY,
    /** MATLAB's jet: dark blue, blue, cyan, yellow, red, dark red at 0, 1/8, 3/8, 5/8, 7/8, 1. */
    JET,
    /**
     * Close to matplotlib's viridis: 9 evenly spaced anchors, listed in the implementation and the
     * Python reference.
     */
    VIRIDIS
}
