package io.ictal.api.spectrogram;

/** The unit of spectrogram values. */
public enum SpectrumScale {
    /** Power spectral density, units²/Hz (scipy {@code scaling='density'}). */
    DENSITY,
    /** log10 of the density, floored at {@link #LOG_FLOOR}. */
    LOG10,
    /** 10·log10 of the density, floored at {@link #LOG_FLOOR} (-200 dB). */
    DECIBEL;

    /**
     * Smallest value taken a logarithm of: a flat or silent segment has zero power, and a model
     * input must stay finite.
     */
    public static final double LOG_FLOOR = 1e-20;
}
