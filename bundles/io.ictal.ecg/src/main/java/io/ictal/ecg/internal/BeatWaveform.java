package io.ictal.ecg.internal;

import io.ictal.api.spectrogram.SpectrogramService;

/**
 * The beat's waveform, exactly as {@code training/ecg/features.py}'s {@code beat_waveform}: the
 * R-peak-centred beat window (the spectrogram's) resampled to the model's rate by the spectrogram
 * service (the whole window, so the filter's ends stay outside the cut), its samples from
 * {@value #BEFORE_S} s before to {@value #AFTER_S} s after the R peak, least-squares line removed. It
 * holds the P wave, which the spectrogram's 0.25 s window smears into the QRS; the model scales it per
 * beat itself. Numbers mirror {@code training/ecg/params.py}.
 */
final class BeatWaveform {

    /** Before the R peak: the P wave and the previous T wave. */
    static final double BEFORE_S = 0.625;
    /** After the R peak: the QRS. */
    static final double AFTER_S = 0.25;

    private BeatWaveform() {
    }

    /** Samples at {@code modelRateHz}: the length a card's {@code wave} tensor must have. */
    static int samples(double modelRateHz) {
        return count(BEFORE_S, modelRateHz) + count(AFTER_S, modelRateHz);
    }

    /**
     * @param window the beat window, centred on the R peak, at {@code rateHz}
     * @param windowSeconds its length
     */
    static float[] of(float[] window, double rateHz, double windowSeconds, double modelRateHz,
            SpectrogramService spectrograms) {
        float[] x = spectrograms.resample(window, rateHz, modelRateHz);
        int r = count(windowSeconds / 2, modelRateHz);
        int first = r - count(BEFORE_S, modelRateHz);
        int n = samples(modelRateHz);
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[first + i];
        }
        mean /= n;
        // slope of the least-squares line over centred sample positions t = i - (n - 1) / 2
        double tt = 0;
        double ty = 0;
        for (int i = 0; i < n; i++) {
            double t = i - (n - 1) / 2.0;
            tt += t * t;
            ty += t * (x[first + i] - mean);
        }
        double slope = ty / tt;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (x[first + i] - mean - slope * (i - (n - 1) / 2.0));
        }
        return out;
    }

    /** A duration in whole samples, rounded as training rounds it (half up). */
    private static int count(double seconds, double rateHz) {
        return (int) Math.floor(seconds * rateHz + 0.5);
    }
}
