package io.ictal.ecg.internal;

import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Trend;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-bin counts turned into trends: heart rate (beats per minute) and S and V ectopic beats per
 * hour, one value per bin of {@code step} seconds (the last, partial bin scaled by its length).
 * A bin is reported once every beat in it has been classified.
 */
final class TrendBins {

    private final double step;
    private final double duration;
    private final ClassificationListener listener;
    private final Map<Long, int[]> counts = new HashMap<>();
    private long nextBin;

    private static final int BEATS = 0;
    private static final int S = 1;
    private static final int V = 2;

    TrendBins(double step, double duration, ClassificationListener listener) {
        this.step = step;
        this.duration = duration;
        this.listener = listener;
    }

    void beat(double t) {
        bin(t)[BEATS]++;
    }

    void classified(double t, String label) {
        if (label.equals("S")) {
            bin(t)[S]++;
        } else if (label.equals("V")) {
            bin(t)[V]++;
        }
    }

    private int[] bin(double t) {
        return counts.computeIfAbsent((long) Math.floor(t / step), k -> new int[3]);
    }

    /** Reports the bins that end by {@code classifiedUntil}. */
    void flush(double classifiedUntil) {
        long endBin = (long) Math.ceil(duration / step);
        long from = nextBin;
        while (nextBin < endBin && Math.min(duration, (nextBin + 1) * step) <= classifiedUntil) {
            nextBin++;
        }
        if (nextBin == from) {
            return;
        }
        int n = (int) (nextBin - from);
        double[] rate = new double[n];
        double[] s = new double[n];
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            long b = from + k;
            int[] c = counts.getOrDefault(b, new int[3]);
            counts.remove(b);
            double seconds = Math.min(duration, (b + 1) * step) - b * step;
            rate[k] = c[BEATS] * 60 / seconds;
            s[k] = c[S] * 3600 / seconds;
            v[k] = c[V] * 3600 / seconds;
        }
        double centre = (from + 0.5) * step;
        listener.trend(new Trend("ecg-heart-rate", "Heart rate (ECG)", "bpm", centre, step, rate));
        listener.trend(new Trend("ecg-s-per-hour", "Supraventricular ectopic beats per hour", "1/h", centre, step, s));
        listener.trend(new Trend("ecg-v-per-hour", "Ventricular ectopic beats per hour", "1/h", centre, step, v));
    }
}
