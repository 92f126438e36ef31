package io.ictal.api.spectrogram;

/** Detrending of each segment before the FFT, as scipy's {@code detrend} argument. */
public enum Detrend {
    NONE, CONSTANT, LINEAR
}
