package io.ictal.api.spectrogram;

/** Window function applied to each STFT segment (symmetric=false, as scipy's {@code get_window}). */
public enum Taper {
    HANN, HAMMING, RECTANGULAR
}
