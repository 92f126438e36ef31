package io.ictal.api.spectrogram;

/**
 * Window function applied to each STFT segment. The single tapers are periodic (symmetric=false), as
 * scipy's {@code get_window}.
 */
public enum Taper {
    HANN, HAMMING, RECTANGULAR,
    /**
     * Slepian multitaper (Thomson 1982): the {@value #DPSS_TAPERS} discrete prolate spheroidal sequences
     * of time-halfbandwidth {@value #DPSS_NW} ({@code scipy.signal.windows.dpss(n, 3, 5)}: symmetric,
     * unit energy), one periodogram per taper, averaged. Less variance than one taper, at a resolution
     * of {@code ±3 / windowSeconds} Hz; five transforms per segment.
     */
    DPSS;

    /** Time-halfbandwidth product {@code NW} of {@link #DPSS}. */
    public static final double DPSS_NW = 3;

    /** Number of {@link #DPSS} tapers, {@code 2 NW - 1}: those whose energy stays inside the band. */
    public static final int DPSS_TAPERS = 5;
}
