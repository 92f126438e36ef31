package io.ictal.ecg.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic single-lead ECG in millivolts (no patient data): each beat a sum of Gaussian P, Q, R,
 * S and T waves (after McSharry et al. 2003), with baseline wander and noise. Sinus beats follow a
 * steady RR; premature ventricular beats come early with a wide, tall QRS, no P wave, an inverted T
 * and a compensatory pause; atrial fibrillation has irregular RR, no P waves and 5-7 Hz
 * fibrillatory waves. Every beat's time and kind are kept as the ground truth.
 */
final class SyntheticEcg {

    enum Kind { NORMAL, VENTRICULAR, AF }

    record Beat(double time, Kind kind) {
    }

    private final double rate;
    private final Random random;
    private final List<Beat> beats = new ArrayList<>();
    private final List<double[]> afIntervals = new ArrayList<>();
    private double next = 0.6;

    SyntheticEcg(double rate, long seed) {
        this.rate = rate;
        this.random = new Random(seed);
    }

    /** Sinus rhythm until {@code end} seconds. */
    SyntheticEcg sinus(double end, double rr) {
        while (next < end) {
            beats.add(new Beat(next, Kind.NORMAL));
            next += rr * (1 + 0.02 * random.nextGaussian());
        }
        return this;
    }

    /** {@code count} premature ventricular beats in a row, then a compensatory pause. */
    SyntheticEcg ventricular(int count, double rr) {
        next -= 0.4 * rr;
        for (int k = 0; k < count; k++) {
            beats.add(new Beat(next, Kind.VENTRICULAR));
            next += 0.6 * rr;
        }
        next += 0.8 * rr;
        return this;
    }

    /** Atrial fibrillation until {@code end} seconds: RR uniformly irregular around {@code rr}. */
    SyntheticEcg fibrillation(double end, double rr) {
        afIntervals.add(new double[] {next, end});
        while (next < end) {
            beats.add(new Beat(next, Kind.AF));
            next += rr * (0.55 + 0.9 * random.nextDouble());
        }
        return this;
    }

    List<Beat> beats() {
        return List.copyOf(beats);
    }

    /** The signal, {@code seconds} long. */
    float[] samples(double seconds) {
        int n = (int) Math.round(seconds * rate);
        double[] x = new double[n];
        double phase1 = random.nextDouble() * 6;
        double phase2 = random.nextDouble() * 6;
        for (int i = 0; i < n; i++) {
            double t = i / rate;
            x[i] = 0.08 * Math.sin(2 * Math.PI * 0.25 * t + phase1) + 0.01 * random.nextGaussian();
            for (double[] af : afIntervals) {
                if (t >= af[0] && t < af[1]) {
                    x[i] += 0.04 * Math.sin(2 * Math.PI * 5.7 * t + phase2) + 0.025 * Math.sin(2 * Math.PI * 6.9 * t);
                }
            }
        }
        for (Beat b : beats) {
            switch (b.kind()) {
                case NORMAL -> wave(x, b.time(), new double[][] {{-0.2, 0.15, 0.025}, {-0.035, -0.12, 0.01},
                    {0, 1.1, 0.011}, {0.035, -0.25, 0.011}, {0.28, 0.3, 0.05}});
                case AF -> wave(x, b.time(), new double[][] {{-0.035, -0.12, 0.01}, {0, 1.1, 0.011},
                    {0.035, -0.25, 0.011}, {0.28, 0.3, 0.05}});
                case VENTRICULAR -> wave(x, b.time(), new double[][] {{-0.03, 0.3, 0.03}, {0, 1.6, 0.03},
                    {0.07, -0.8, 0.035}, {0.32, -0.45, 0.07}});
            }
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }

    /** Adds Gaussians {offset s, amplitude mV, width s} around t. */
    private void wave(double[] x, double t, double[][] components) {
        for (double[] c : components) {
            double centre = t + c[0];
            int from = Math.max(0, (int) ((centre - 5 * c[2]) * rate));
            int to = Math.min(x.length, (int) ((centre + 5 * c[2]) * rate) + 1);
            for (int i = from; i < to; i++) {
                double z = (i / rate - centre) / c[2];
                x[i] += c[1] * Math.exp(-0.5 * z * z);
            }
        }
    }
}
