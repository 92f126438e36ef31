package io.ictal.spectrogram.internal;

import io.ictal.api.spectrogram.Detrend;
import io.ictal.api.spectrogram.Taper;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Detrends, tapers and real-FFTs one segment of {@code n} samples, as scipy's {@code _spectral_helper}
 * does for one segment. Holds a working buffer: one instance per thread.
 */
final class SegmentTransform {

    private final int n;
    private final double[] window;
    private final Detrend detrend;
    private final DoubleFFT_1D fft;
    private final double[] buffer;

    SegmentTransform(int n, Taper taper, Detrend detrend) {
        this.n = n;
        this.window = window(taper, n);
        this.detrend = detrend;
        this.fft = new DoubleFFT_1D(n);
        this.buffer = new double[n];
    }

    /** Periodic (scipy {@code get_window(..., fftbins=True)}) window of {@code n} points. */
    static double[] window(Taper taper, int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double c = Math.cos(2 * Math.PI * i / n);
            w[i] = switch (taper) {
                case HANN -> 0.5 - 0.5 * c;
                case HAMMING -> 0.54 - 0.46 * c;
                case RECTANGULAR -> 1;
            };
        }
        return w;
    }

    /** Sum of the squared window: the density scale's denominator. */
    double windowPower() {
        double sum = 0;
        for (double v : window) {
            sum += v * v;
        }
        return sum;
    }

    int length() {
        return n;
    }

    /** Transforms {@code samples[start, start + n)}. */
    void transform(float[] samples, int start) {
        for (int i = 0; i < n; i++) {
            buffer[i] = samples[start + i];
        }
        transformBuffer();
    }

    /** Transforms {@code samples[start, start + n)}. */
    void transform(double[] samples, int start) {
        System.arraycopy(samples, start, buffer, 0, n);
        transformBuffer();
    }

    /** Detrends and tapers in one pass, then transforms. */
    private void transformBuffer() {
        switch (detrend) {
            case NONE -> {
                for (int i = 0; i < n; i++) {
                    buffer[i] *= window[i];
                }
            }
            case CONSTANT -> {
                double mean = mean();
                for (int i = 0; i < n; i++) {
                    buffer[i] = (buffer[i] - mean) * window[i];
                }
            }
            case LINEAR -> {
                // Least squares over the sample index, as scipy's detrend(type='linear'):
                // sum((i - centre)^2) = n (n^2 - 1) / 12.
                double centre = (n - 1) / 2.0;
                double covariance = 0;
                for (int i = 0; i < n; i++) {
                    covariance += (i - centre) * buffer[i];
                }
                double slope = covariance / (n * ((double) n * n - 1) / 12);
                double mean = mean();
                for (int i = 0; i < n; i++) {
                    buffer[i] = (buffer[i] - mean - slope * (i - centre)) * window[i];
                }
            }
        }
        fft.realForward(buffer);
    }

    /** Four partial sums: one running sum is a chain of dependent adds, the slowest part of a frame. */
    private double mean() {
        double a = 0;
        double b = 0;
        double c = 0;
        double d = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            a += buffer[i];
            b += buffer[i + 1];
            c += buffer[i + 2];
            d += buffer[i + 3];
        }
        for (; i < n; i++) {
            a += buffer[i];
        }
        return (a + b + (c + d)) / n;
    }

    /**
     * |X[k]|² of the last transform, k in {@code [0, n/2]}. JTransforms packs the real FFT in place:
     * {@code a[2k], a[2k+1]} are Re/Im of bin k; {@code a[1]} holds Re of bin n/2 when n is even, Im of
     * the last bin (n-1)/2 when n is odd, whose Re then sits in {@code a[n-1]}.
     */
    double power(int k) {
        if (k == 0) {
            return buffer[0] * buffer[0];
        }
        if (n % 2 == 0) {
            if (k == n / 2) {
                return buffer[1] * buffer[1];
            }
        } else if (k == (n - 1) / 2) {
            return buffer[n - 1] * buffer[n - 1] + buffer[1] * buffer[1];
        }
        return buffer[2 * k] * buffer[2 * k] + buffer[2 * k + 1] * buffer[2 * k + 1];
    }

    /** |X[k]|² of the last transform for every k in {@code [0, n/2]}, into {@code powers}. */
    void powers(double[] powers) {
        int last = n / 2;
        for (int k = 1; k < last; k++) {
            powers[k] = buffer[2 * k] * buffer[2 * k] + buffer[2 * k + 1] * buffer[2 * k + 1];
        }
        powers[0] = power(0);
        powers[last] = power(last);
    }

    /** Number of one-sided bins, {@code n/2 + 1}. */
    int binCount() {
        return n / 2 + 1;
    }
}
