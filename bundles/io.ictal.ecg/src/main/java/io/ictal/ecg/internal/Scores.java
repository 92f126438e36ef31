package io.ictal.ecg.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Running mean of class probabilities over the beats or windows of one finding. */
final class Scores {

    private final List<String> labels;
    private final double[] sums;
    private int count;

    Scores(List<String> labels) {
        this.labels = labels;
        this.sums = new double[labels.size()];
    }

    void add(float[] probabilities) {
        for (int k = 0; k < sums.length; k++) {
            sums[k] += probabilities[k];
        }
        count++;
    }

    /** Adds the windows or beats another finding averaged (merging two findings). */
    void add(Scores other) {
        for (int k = 0; k < sums.length; k++) {
            sums[k] += other.sums[k];
        }
        count += other.count;
    }

    int count() {
        return count;
    }

    /** Mean probability of a label, clamped to [0, 1] against float rounding. */
    double mean(int label) {
        return Math.min(1, Math.max(0, sums[label] / count));
    }

    Map<String, Double> means() {
        Map<String, Double> out = new HashMap<>();
        for (int k = 0; k < sums.length; k++) {
            out.put(labels.get(k), mean(k));
        }
        return out;
    }
}
