package io.ictal.spectrogram.internal;

import io.ictal.api.spectrogram.SpectrogramException;

/** Checks and conversions shared by every computation. */
final class Samples {

    private Samples() {
    }

    /** Refuses NaN and infinite samples, naming the first one. */
    static void requireFinite(float[] samples) {
        requireFinite(samples, 0, samples.length);
    }

    /** Refuses NaN and infinite samples in {@code [from, to)}, naming the first one. */
    static void requireFinite(float[] samples, int from, int to) {
        int i = firstNonFinite(samples, from, to);
        if (i >= 0) {
            throw new SpectrogramException("samples", "must all be finite; sample " + i + " is " + samples[i]);
        }
    }

    /** Whether {@code [from, to)} holds only finite samples. */
    static boolean finite(float[] samples, int from, int to) {
        return firstNonFinite(samples, from, to) < 0;
    }

    /** Whether {@code [from, to)} holds only finite samples. */
    static boolean finite(double[] samples, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(samples[i])) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first NaN or infinite sample in {@code [from, to)}, or -1. */
    static int firstNonFinite(float[] samples, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(samples[i])) {
                return i;
            }
        }
        return -1;
    }

    static void requireRate(double samplingRateHz) {
        if (!Double.isFinite(samplingRateHz) || samplingRateHz <= 0) {
            throw new SpectrogramException("samplingRateHz", "must be finite and > 0, was " + samplingRateHz);
        }
    }

    /** A duration in whole samples (rounded), at least 1. */
    static int count(String parameter, double seconds, double rateHz) {
        long n = Math.round(seconds * rateHz);
        if (n < 1) {
            throw new SpectrogramException(parameter, "must be at least one sample (>= " + 1 / rateHz + " s at "
                    + rateHz + " Hz), was " + seconds);
        }
        if (n > Integer.MAX_VALUE / 2) {
            throw new SpectrogramException(parameter, "must be < " + (Integer.MAX_VALUE / 2) / rateHz + " s at "
                    + rateHz + " Hz, was " + seconds);
        }
        return (int) n;
    }

    /** An FFT window in whole samples: at least 2, or there is no spectrum. */
    static int window(double seconds, double rateHz) {
        int n = count("windowSeconds", seconds, rateHz);
        if (n < 2) {
            throw new SpectrogramException("windowSeconds", "must span at least 2 samples (>= " + 2 / rateHz
                    + " s at " + rateHz + " Hz), was " + seconds);
        }
        return n;
    }

    /** Refuses a window longer than the signal. */
    static void requireWindowFits(String parameter, int windowSamples, long signalSamples, double rateHz) {
        if (windowSamples > signalSamples) {
            throw new SpectrogramException(parameter, "must be <= the signal's duration (" + signalSamples / rateHz
                    + " s, " + signalSamples + " samples at " + rateHz + " Hz), was " + windowSamples / rateHz + " s");
        }
    }

    /** log10 with the floor that keeps silent segments finite. */
    static double log10(double value) {
        return Math.log10(Math.max(value, io.ictal.api.spectrogram.SpectrumScale.LOG_FLOOR));
    }
}
