package io.ictal.spectrogram.internal;

/** Linear interpolation on a uniform grid as numpy's {@code np.interp}: clamped to the end values outside it. */
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
}
