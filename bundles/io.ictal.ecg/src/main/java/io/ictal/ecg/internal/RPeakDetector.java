package io.ictal.ecg.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * R-peak detector after Pan and Tompkins (1985), step for step the same as
 * {@code training/ecg/rpeaks.py} (which found the R peaks the rhythm model was trained on):
 * moving-average band-pass (about 8-40 Hz), derivative, squaring, 0.15 s moving-window integration,
 * local maxima at least 0.2 s apart, adaptive signal and noise levels with the threshold a quarter of
 * the way between them, and search-back at 1.66 times the mean of the last 8 RR intervals. Each R
 * peak is placed on the largest band-passed deflection within 0.1 s of the energy peak.
 *
 * <p>Stateless: each call learns its levels from the first 2 s of the samples it is given, so the
 * caller can feed a long recording chunk by chunk with overlapping margins.
 */
final class RPeakDetector {

    static final double LOWPASS_S = 0.025;
    static final double HIGHPASS_S = 0.125;
    static final double INTEGRATE_S = 0.15;
    static final double REFRACTORY_S = 0.2;
    static final double LOCATE_S = 0.1;
    static final double LEARN_S = 2.0;

    private RPeakDetector() {
    }

    /**
     * @param x one lead, finite values, any unit
     * @param rateHz its sampling rate (at least 100 Hz for a usable QRS band)
     * @return sample indices of the R peaks, ascending
     */
    static int[] detect(float[] x, double rateHz) {
        if (x.length < odd(LEARN_S, rateHz)) {
            return new int[0];
        }
        double[] bp = bandPass(x, rateHz);
        double[] e = energy(bp, rateHz);
        int learn = count(LEARN_S, rateHz);
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < learn; i++) {
            max = Math.max(max, e[i]);
            sum += e[i];
        }
        double spk = max / 3;
        double npk = sum / learn / 2;
        List<Integer> accepted = new ArrayList<>();
        List<Integer> rejected = new ArrayList<>();
        List<Integer> rr = new ArrayList<>();
        for (int c : candidates(e, count(REFRACTORY_S, rateHz))) {
            double threshold = npk + 0.25 * (spk - npk);
            if (e[c] > threshold) {
                if (!accepted.isEmpty() && !rr.isEmpty()) {
                    int last = accepted.get(accepted.size() - 1);
                    if (c - last > 1.66 * meanOfLast(rr, 8)) {
                        int best = -1;
                        for (int j : rejected) {
                            if (e[j] > threshold / 2 && (best < 0 || e[j] > e[best])) {
                                best = j;
                            }
                        }
                        if (best >= 0) {
                            spk = 0.25 * e[best] + 0.75 * spk;
                            rr.add(best - last);
                            accepted.add(best);
                        }
                    }
                }
                spk = 0.125 * e[c] + 0.875 * spk;
                if (!accepted.isEmpty()) {
                    rr.add(c - accepted.get(accepted.size() - 1));
                }
                accepted.add(c);
                rejected.clear();
            } else {
                npk = 0.125 * e[c] + 0.875 * npk;
                rejected.add(c);
            }
        }
        return locate(accepted, bp, count(LOCATE_S, rateHz));
    }

    private static int[] locate(List<Integer> accepted, double[] bp, int radius) {
        int[] peaks = new int[accepted.size()];
        int n = 0;
        for (int c : accepted) {
            int lo = Math.max(0, c - radius);
            int hi = Math.min(bp.length, c + radius + 1);
            int p = lo;
            for (int i = lo + 1; i < hi; i++) {
                if (Math.abs(bp[i]) > Math.abs(bp[p])) {
                    p = i;
                }
            }
            if (n == 0 || p - peaks[n - 1] >= radius) {
                peaks[n++] = p;
            }
        }
        return java.util.Arrays.copyOf(peaks, n);
    }

    private static double meanOfLast(List<Integer> values, int k) {
        int from = Math.max(0, values.size() - k);
        double sum = 0;
        for (int i = from; i < values.size(); i++) {
            sum += values.get(i);
        }
        return sum / (values.size() - from);
    }

    /** Local maxima of e that are the largest within radius samples and higher than their left neighbour. */
    static List<Integer> candidates(double[] e, int radius) {
        double[] windowMax = slidingMax(e, radius);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < e.length; i++) {
            if ((i == 0 || e[i] > e[i - 1]) && e[i] >= windowMax[i]) {
                out.add(i);
            }
        }
        return out;
    }

    /** Maximum of e over [i - radius, i + radius] (clamped at the ends) for every i: a monotonic deque, O(n). */
    static double[] slidingMax(double[] e, int radius) {
        double[] out = new double[e.length];
        ArrayDeque<Integer> deque = new ArrayDeque<>();
        int next = 0;
        for (int i = 0; i < e.length; i++) {
            int hi = Math.min(e.length - 1, i + radius);
            while (next <= hi) {
                while (!deque.isEmpty() && e[deque.peekLast()] <= e[next]) {
                    deque.pollLast();
                }
                deque.addLast(next++);
            }
            while (deque.peekFirst() < i - radius) {
                deque.pollFirst();
            }
            out[i] = e[deque.peekFirst()];
        }
        return out;
    }

    static double[] bandPass(float[] x, double rateHz) {
        double[] in = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            in[i] = x[i];
        }
        double[] lowPassed = movingAverage(in, odd(LOWPASS_S, rateHz));
        double[] baseline = movingAverage(lowPassed, odd(HIGHPASS_S, rateHz));
        for (int i = 0; i < lowPassed.length; i++) {
            lowPassed[i] -= baseline[i];
        }
        return lowPassed;
    }

    static double[] energy(double[] bp, double rateHz) {
        double[] squared = new double[bp.length];
        for (int i = 1; i + 1 < bp.length; i++) {
            double d = (bp[i + 1] - bp[i - 1]) * (rateHz / 2);
            squared[i] = d * d;
        }
        return movingAverage(squared, odd(INTEGRATE_S, rateHz));
    }

    /** Centred mean over n (odd) samples; near the ends the mean of the samples that exist. */
    static double[] movingAverage(double[] x, int n) {
        int h = n / 2;
        double[] cumulative = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            cumulative[i + 1] = cumulative[i] + x[i];
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int lo = Math.max(i - h, 0);
            int hi = Math.min(i + h + 1, x.length);
            out[i] = (cumulative[hi] - cumulative[lo]) / (hi - lo);
        }
        return out;
    }

    static int count(double seconds, double rateHz) {
        return (int) Math.floor(seconds * rateHz + 0.5);
    }

    static int odd(double seconds, double rateHz) {
        int n = count(seconds, rateHz);
        return n % 2 == 0 ? n + 1 : n;
    }
}
