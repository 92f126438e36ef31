package io.ictal.simulator.internal;

/**
 * A fast, seeded source of uniform and Gaussian numbers for the per-sample generators: a 24-hour
 * 22-channel recording needs about two billion draws, too many for {@code Random.nextGaussian}.
 * Gaussians come from a fixed table of 65,536 quantiles indexed by 16 random bits, so each 64-bit
 * step yields four of them; identical on every JVM.
 */
final class Noise {

    private static final int TABLE_BITS = 16;
    private static final float[] GAUSSIAN = gaussianQuantiles();

    private long state;
    private long bits;
    private int bitsLeft;

    Noise(long seed) {
        state = seed ^ 0x9E3779B97F4A7C15L;
        if (state == 0) {
            state = 1;
        }
        for (int i = 0; i < 4; i++) {
            next();
        }
    }

    /** xorshift64*. */
    private long next() {
        state ^= state >>> 12;
        state ^= state << 25;
        state ^= state >>> 27;
        return state * 0x2545F4914F6CDD1DL;
    }

    /** A standard normal value. */
    float gaussian() {
        if (bitsLeft < TABLE_BITS) {
            bits = next();
            bitsLeft = 64;
        }
        int index = (int) (bits & ((1 << TABLE_BITS) - 1));
        bits >>>= TABLE_BITS;
        bitsLeft -= TABLE_BITS;
        return GAUSSIAN[index];
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return (next() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [low, high). */
    double uniform(double low, double high) {
        return low + (high - low) * uniform();
    }

    /** Exponentially distributed with the given mean. */
    double exponential(double mean) {
        return -mean * Math.log(1 - uniform());
    }

    /** Mid-point quantiles of the standard normal distribution. */
    private static float[] gaussianQuantiles() {
        int n = 1 << TABLE_BITS;
        float[] table = new float[n];
        for (int i = 0; i < n; i++) {
            table[i] = (float) inverseNormal((i + 0.5) / n);
        }
        return table;
    }

    /** Acklam's rational approximation of the normal quantile (relative error below 1.2e-9). */
    static double inverseNormal(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -inverseNormal(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
