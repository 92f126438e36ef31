package io.ictal.spectrogram.internal;

import io.ictal.api.spectrogram.Detrend;
import io.ictal.api.spectrogram.Taper;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Detrends, tapers and real-FFTs one segment of {@code n} samples, as scipy's {@code _spectral_helper}
 * does for one segment; with {@link Taper#DPSS}, once per taper, the powers averaged. Holds working
 * buffers: one instance per thread.
 */
final class SegmentTransform {

    private final int n;
    private final double[] window;
    /** The other DPSS tapers (empty for a single taper); {@link #window} is the first. */
    private final double[][] moreTapers;
    private final Detrend detrend;
    private final DoubleFFT_1D fft;
    private final double[] buffer;
    /** Multitaper only: the segment as read (each taper detrends and tapers it anew), the mean power per bin. */
    private final double[] samplesKept;
    private final double[] meanPower;

    SegmentTransform(int n, Taper taper, Detrend detrend) {
        this(tapers(taper, n), detrend);
    }

    /** With tapers already computed ({@link #tapers}, not modified): a plan makes them once for all its transforms. */
    SegmentTransform(double[][] tapers, Detrend detrend) {
        this.n = tapers[0].length;
        this.window = tapers[0];
        this.moreTapers = java.util.Arrays.copyOfRange(tapers, 1, tapers.length);
        this.detrend = detrend;
        this.fft = new DoubleFFT_1D(n);
        this.buffer = new double[n];
        this.samplesKept = moreTapers.length == 0 ? null : new double[n];
        this.meanPower = moreTapers.length == 0 ? null : new double[n / 2 + 1];
    }

    /**
     * The periodic (scipy {@code get_window(..., fftbins=True)}) window of {@code n} points, or the
     * DPSS tapers (each of unit energy).
     */
    static double[][] tapers(Taper taper, int n) {
        if (taper == Taper.DPSS) {
            return Dpss.tapers(n, Taper.DPSS_NW, Taper.DPSS_TAPERS);
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double c = Math.cos(2 * Math.PI * i / n);
            w[i] = switch (taper) {
                case HANN -> 0.5 - 0.5 * c;
                case HAMMING -> 0.54 - 0.46 * c;
                case RECTANGULAR -> 1;
                case DPSS -> throw new AssertionError("returned above");
            };
        }
        return new double[][] {w};
    }

    /**
     * Sum of the squared window: the density scale's denominator. Every DPSS taper has the same (unit)
     * energy, so the mean of their densities is their mean power over this.
     */
    static double windowPower(double[] window) {
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

    /** Detrends and tapers in one pass, then transforms; with more tapers, averages their powers. */
    private void transformBuffer() {
        if (samplesKept != null) {
            System.arraycopy(buffer, 0, samplesKept, 0, n);
        }
        taperAndTransform(window);
        if (samplesKept == null) {
            return;
        }
        java.util.Arrays.fill(meanPower, 0);
        addPowers();
        for (double[] taper : moreTapers) {
            System.arraycopy(samplesKept, 0, buffer, 0, n);
            taperAndTransform(taper);
            addPowers();
        }
        double tapers = moreTapers.length + 1;
        for (int k = 0; k < meanPower.length; k++) {
            meanPower[k] /= tapers;
        }
    }

    private void addPowers() {
        for (int k = 0; k < meanPower.length; k++) {
            meanPower[k] += bufferPower(k);
        }
    }

    private void taperAndTransform(double[] window) {
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

    /** |X[k]|² of the last transform (multitaper: its mean over the tapers), k in {@code [0, n/2]}. */
    double power(int k) {
        return meanPower != null ? meanPower[k] : bufferPower(k);
    }

    /**
     * |X[k]|² of the buffer's transform. JTransforms packs the real FFT in place: {@code a[2k], a[2k+1]}
     * are Re/Im of bin k; {@code a[1]} holds Re of bin n/2 when n is even, Im of the last bin (n-1)/2
     * when n is odd, whose Re then sits in {@code a[n-1]}.
     */
    private double bufferPower(int k) {
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
        if (meanPower != null) {
            System.arraycopy(meanPower, 0, powers, 0, meanPower.length);
            return;
        }
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
