package io.ictal.spectrogram.internal;

import io.ictal.api.spectrogram.SpectrogramException;

/**
 * Polyphase resampling by a rational factor {@code up/down}, exactly as
 * {@code scipy.signal.resample_poly(x, up, down)} with its defaults: a linear-phase FIR low-pass
 * (Kaiser window, beta 5, {@code 2 * 10 * max(up, down) + 1} taps, cutoff at the lower of the two
 * Nyquist rates) and zeros beyond the signal's ends. Output sample {@code j} is
 * {@code sum_i x[i] * h[j * down + halfLength - i * up]}, so any run of output samples can be computed
 * from the input samples around it: that is what lets a recording be resampled block by block.
 */
final class Resampler {

    /** Rates are rationalised to a millihertz; finer rates are not in EEG files. */
    private static final int RATE_RESOLUTION = 1000;
    /** Beyond this the filter grows past ~200k taps: refuse rather than crawl. */
    private static final int MAX_FACTOR = 10_000;
    private static final double KAISER_BETA = 5.0;

    private final int up;
    private final int down;
    private final int halfLength;
    private final double[] filter;

    private Resampler(int up, int down) {
        this.up = up;
        this.down = down;
        int maxRate = Math.max(up, down);
        this.halfLength = 10 * maxRate;
        this.filter = lowPass(2 * halfLength + 1, 1.0 / maxRate);
        for (int i = 0; i < filter.length; i++) {
            filter[i] *= up;
        }
    }

    /**
     * A resampler from one rate to another, or null when they are equal.
     *
     * @param parameter the name of the target rate in the caller's API, for the error
     */
    static Resampler between(double fromHz, double toHz, String parameter) {
        long from = Math.round(fromHz * RATE_RESOLUTION);
        long to = Math.round(toHz * RATE_RESOLUTION);
        long gcd = gcd(from, to);
        long up = to / gcd;
        long down = from / gcd;
        if (up == down) {
            return null;
        }
        if (up > MAX_FACTOR || down > MAX_FACTOR) {
            throw new SpectrogramException(parameter, "the ratio " + toHz + "/" + fromHz + " reduces to "
                    + up + "/" + down + "; up and down must be <= " + MAX_FACTOR + " (choose a rate with a simpler ratio)");
        }
        return new Resampler((int) up, (int) down);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Output length for {@code inputLength} input samples: {@code ceil(inputLength * up / down)}. */
    long outputLength(long inputLength) {
        return (inputLength * up + down - 1) / down;
    }

    /** First input sample that output sample {@code j} depends on (may be negative: zeros). */
    long firstInput(long j) {
        return Math.floorDiv(j * down - halfLength + up - 1, up);
    }

    /** Last input sample that output sample {@code j} depends on. */
    long lastInput(long j) {
        return Math.floorDiv(j * down + halfLength, up);
    }

    /**
     * Output samples {@code [firstOutput, firstOutput + count)}.
     *
     * @param block input samples {@code [blockStart, blockStart + block.length)}; must cover every input
     *     sample those outputs depend on that lies inside {@code [0, inputLength)}
     * @param inputLength length of the whole input (beyond it, and before 0, the input is zero)
     */
    double[] resample(float[] block, long blockStart, long inputLength, long firstOutput, int count) {
        double[] out = new double[count];
        for (int o = 0; o < count; o++) {
            long j = firstOutput + o;
            long from = Math.max(firstInput(j), 0);
            long to = Math.min(lastInput(j), inputLength - 1);
            double sum = 0;
            long tap = j * down + halfLength - from * up;
            for (long i = from; i <= to; i++, tap -= up) {
                sum += block[(int) (i - blockStart)] * filter[(int) tap];
            }
            out[o] = sum;
        }
        return out;
    }

    /** The whole signal resampled. */
    double[] resample(float[] samples) {
        return resample(samples, 0, samples.length, 0, Math.toIntExact(outputLength(samples.length)));
    }

    /** scipy {@code firwin(taps, cutoff, window=('kaiser', 5.0))}: windowed sinc, unit gain at DC. */
    private static double[] lowPass(int taps, double cutoff) {
        double[] h = new double[taps];
        double alpha = (taps - 1) / 2.0;
        double sum = 0;
        for (int i = 0; i < taps; i++) {
            double m = i - alpha;
            double x = cutoff * m;
            double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double r = (i - alpha) / alpha;
            double kaiser = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / besselI0(KAISER_BETA);
            h[i] = cutoff * sinc * kaiser;
            sum += h[i];
        }
        for (int i = 0; i < taps; i++) {
            h[i] /= sum;
        }
        return h;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series (converges fast for beta 5). */
    static double besselI0(double x) {
        double term = 1;
        double sum = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; k < 200 && term > sum * 1e-17; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}
