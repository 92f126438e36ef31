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

    private void transformBuffer() {
        switch (detrend) {
            case NONE -> { }
            case CONSTANT -> removeMean();
            case LINEAR -> removeLine();
        }
        for (int i = 0; i < n; i++) {
            buffer[i] *= window[i];
        }
        fft.realForward(buffer);
    }

    private void removeMean() {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += buffer[i];
        }
        mean /= n;
        for (int i = 0; i < n; i++) {
            buffer[i] -= mean;
        }
    }

    /** Least-squares line over the sample index, as scipy's {@code detrend(type='linear')}. */
    private void removeLine() {
        double centre = (n - 1) / 2.0;
        double mean = 0;
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            mean += buffer[i];
            covariance += (i - centre) * buffer[i];
            variance += (i - centre) * (i - centre);
        }
        mean /= n;
        double slope = variance == 0 ? 0 : covariance / variance;
        for (int i = 0; i < n; i++) {
            buffer[i] -= mean + slope * (i - centre);
        }
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

    /** Number of one-sided bins, {@code n/2 + 1}. */
    int binCount() {
        return n / 2 + 1;
    }
}
