package io.ictal.api.spectrogram;

/** The unit of spectrogram values. */
public enum SpectrumScale {
    /** Power spectral density, units²/Hz (scipy {@code scaling='density'}). */
    DENSITY,
    /** log10 of the density. */
    LOG10,
    /** 10·log10 of the density. */
    DECIBEL
}
