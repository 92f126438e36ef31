package io.ictal.ecg.internal;

import java.util.Arrays;

/**
 * The RR-interval inputs of the models, exactly as {@code training/ecg/features.py} computes them:
 * prematurity is what tells supraventricular from normal beats between patients (de Chazal et al.
 * 2004), and RR irregularity is what marks atrial fibrillation.
 */
final class RrFeatures {

    static final int BEAT = 7;
    static final int RHYTHM = 6;
    /** Index of the median absolute successive RR difference over the mean RR in {@link #rhythm}. */
    static final int RHYTHM_IRREGULARITY = 4;
    static final double LONG_RR_S = 150;
    static final int LOCAL_RR_BEATS = 10;

    private RrFeatures() {
    }

    /**
     * Beat {@code i} of the R-peak times (seconds, ascending): pre, post, local, long, pre/local,
     * post/pre, pre/long, where local is the mean of the 10 intervals around the beat and long the
     * mean over +-150 s.
     */
    static float[] beat(double[] times, int count, int i) {
        double pre = i > 0 ? times[i] - times[i - 1] : (count > 1 ? times[1] - times[0] : 1.0);
        double post = i + 1 < count ? times[i + 1] - times[i] : pre;
        int lo = Math.max(1, i - LOCAL_RR_BEATS / 2);
        int hi = Math.min(count - 1, i + LOCAL_RR_BEATS / 2);
        double local = hi >= lo ? (times[hi] - times[lo - 1]) / (hi - lo + 1) : pre;
        int a = lowerBound(times, count, times[i] - LONG_RR_S);
        int b = upperBound(times, count, times[i] + LONG_RR_S) - 1;
        double longMean = b > a ? (times[b] - times[a]) / (b - a) : local;
        return new float[] {(float) pre, (float) post, (float) local, (float) longMean, (float) (pre / local),
            (float) (post / pre), (float) (pre / longMean)};
    }

    /**
     * The beats in {@code [start, start + seconds)}: mean RR, its coefficient of variation, RMSSD over
     * the mean, the fraction of successive differences above 50 ms, the median absolute successive
     * difference over the mean, and beats per second.
     */
    static float[] rhythm(double[] times, int count, double start, double seconds) {
        int from = lowerBound(times, count, start);
        int to = lowerBound(times, count, start + seconds);
        int n = to - from;
        float[] out = new float[RHYTHM];
        out[5] = (float) (n / seconds);
        if (n < 3) {
            return out;
        }
        double[] rr = new double[n - 1];
        double mean = 0;
        for (int k = 0; k < rr.length; k++) {
            rr[k] = times[from + k + 1] - times[from + k];
            mean += rr[k];
        }
        mean /= rr.length;
        double variance = 0;
        for (double v : rr) {
            variance += (v - mean) * (v - mean);
        }
        variance /= rr.length;
        double[] absDiff = new double[rr.length - 1];
        double squares = 0;
        int above = 0;
        for (int k = 0; k < absDiff.length; k++) {
            double d = rr[k + 1] - rr[k];
            squares += d * d;
            absDiff[k] = Math.abs(d);
            if (absDiff[k] > 0.05) {
                above++;
            }
        }
        Arrays.sort(absDiff);
        int m = absDiff.length;
        double median = m % 2 == 1 ? absDiff[m / 2] : (absDiff[m / 2 - 1] + absDiff[m / 2]) / 2;
        out[0] = (float) mean;
        out[1] = (float) (Math.sqrt(variance) / mean);
        out[2] = (float) (Math.sqrt(squares / m) / mean);
        out[3] = (float) ((double) above / m);
        out[4] = (float) (median / mean);
        return out;
    }

    /** First index with times[index] >= value (numpy searchsorted left). */
    static int lowerBound(double[] times, int count, double value) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index with times[index] > value (numpy searchsorted right). */
    static int upperBound(double[] times, int count, double value) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
