package io.ictal.spectrogram.internal;

/** Linear interpolation as numpy's {@code np.interp}: clamped to the end values outside the points. */
final class Interpolation {

    private Interpolation() {
    }

    /** {@code y} sampled at points {@code x0 + i * dx}, evaluated at {@code x}. */
    static double uniform(double[] y, double x0, double dx, double x) {
        double position = (x - x0) / dx;
        if (position <= 0 || y.length == 1) {
            return y[0];
        }
        int i = (int) Math.floor(position);
        if (i >= y.length - 1) {
            return y[y.length - 1];
        }
        return y[i] + (position - i) * (y[i + 1] - y[i]);
    }

    /** {@code y} sampled at increasing points {@code xs}, evaluated at {@code x}. */
    static double at(double[] xs, double[] y, double x) {
        if (x <= xs[0]) {
            return y[0];
        }
        if (x >= xs[xs.length - 1]) {
            return y[y.length - 1];
        }
        int hi = 1;
        while (xs[hi] < x) {
            hi++;
        }
        int lo = hi - 1;
        return y[lo] + (x - xs[lo]) * (y[hi] - y[lo]) / (xs[hi] - xs[lo]);
    }
}
