package io.ictal.spectrogram.internal;

/**
 * Discrete prolate spheroidal sequences (Slepian tapers), as {@code scipy.signal.windows.dpss(n, nw, k)}
 * up to each taper's sign (a power spectrum does not see it): the eigenvectors of the largest
 * eigenvalues of Percival and Walden's symmetric tridiagonal matrix (1993, p. 386), found by Sturm
 * bisection and inverse iteration, each of unit energy, ordered by decreasing concentration.
 */
final class Dpss {

    private Dpss() {
    }

    /** {@code k} tapers of {@code n} points with time-halfbandwidth {@code nw}: {@code [k][n]}. */
    static double[][] tapers(int n, double nw, int k) {
        if (n < 2 || k < 1 || k > n || !(nw > 0 && nw < n / 2.0)) {
            throw new IllegalArgumentException("dpss needs n >= 2, 1 <= k <= n, 0 < nw < n/2; was n=" + n + " k="
                    + k + " nw=" + nw);
        }
        double cosine = Math.cos(2 * Math.PI * nw / n);
        double[] diagonal = new double[n];
        double[] offDiagonal = new double[n - 1];
        for (int i = 0; i < n; i++) {
            double half = (n - 1 - 2.0 * i) / 2;
            diagonal[i] = half * half * cosine;
        }
        for (int i = 0; i < n - 1; i++) {
            offDiagonal[i] = (i + 1.0) * (n - i - 1.0) / 2;
        }
        double[][] tapers = new double[k][];
        for (int j = 0; j < k; j++) {
            double eigenvalue = eigenvalue(diagonal, offDiagonal, n - 1 - j);
            tapers[j] = eigenvector(diagonal, offDiagonal, eigenvalue, tapers, j);
        }
        return tapers;
    }

    /** The {@code index}-th smallest eigenvalue (0-based), to machine precision, by bisection. */
    private static double eigenvalue(double[] d, double[] e, int index) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d.length; i++) { // Gershgorin discs hold every eigenvalue
            double radius = (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < e.length ? Math.abs(e[i]) : 0);
            low = Math.min(low, d[i] - radius);
            high = Math.max(high, d[i] + radius);
        }
        while (true) {
            double middle = 0.5 * (low + high);
            if (middle <= low || middle >= high) {
                return middle;
            }
            if (countBelow(d, e, middle) > index) {
                high = middle;
            } else {
                low = middle;
            }
        }
    }

    /** Eigenvalues below {@code x}: sign changes of the Sturm sequence (the LDL' pivots of T - xI). */
    private static int countBelow(double[] d, double[] e, double x) {
        int count = 0;
        double pivot = 1;
        for (int i = 0; i < d.length; i++) {
            double coupling = i > 0 ? e[i - 1] * e[i - 1] / pivot : 0;
            pivot = d[i] - x - coupling;
            if (pivot == 0) {
                pivot = -1e-300; // just below x: counted, and the next division stays finite
            }
            if (pivot < 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * Inverse iteration on {@code T - eigenvalue I}, kept orthogonal to the tapers found before (the
     * eigenvalues of the largest tapers are close), normalised to unit energy.
     */
    private static double[] eigenvector(double[] d, double[] e, double eigenvalue, double[][] found, int foundCount) {
        int n = d.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1 + 0.1 * Math.sin(i + 1.0); // no symmetry: reaches odd and even sequences alike
        }
        for (int iteration = 0; iteration < 4; iteration++) {
            v = solveShifted(d, e, eigenvalue, v);
            for (int j = 0; j < foundCount; j++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += v[i] * found[j][i];
                }
                for (int i = 0; i < n; i++) {
                    v[i] -= dot * found[j][i];
                }
            }
            normalise(v);
        }
        return v;
    }

    /** Solves {@code (T - shift I) x = b} by Gaussian elimination with partial pivoting (LAPACK dgtsv). */
    private static double[] solveShifted(double[] d, double[] e, double shift, double[] b) {
        int n = d.length;
        double[] diagonal = new double[n];
        double[] upper = new double[n];
        double[] upper2 = new double[n];
        double[] lower = new double[n];
        double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            diagonal[i] = d[i] - shift;
        }
        System.arraycopy(e, 0, upper, 0, n - 1);
        System.arraycopy(e, 0, lower, 0, n - 1);
        double tiny = 1e-14 * (Math.abs(shift) + 1);
        for (int i = 0; i < n - 1; i++) {
            if (Math.abs(diagonal[i]) >= Math.abs(lower[i])) {
                if (diagonal[i] == 0) {
                    diagonal[i] = tiny; // singular at an exact eigenvalue: inverse iteration wants it nearly so
                }
                double factor = lower[i] / diagonal[i];
                diagonal[i + 1] -= factor * upper[i];
                x[i + 1] -= factor * x[i];
                upper2[i] = 0;
            } else { // swap rows i and i + 1
                double factor = diagonal[i] / lower[i];
                diagonal[i] = lower[i];
                double oldDiagonal = diagonal[i + 1];
                diagonal[i + 1] = upper[i] - factor * oldDiagonal;
                upper2[i] = i < n - 2 ? upper[i + 1] : 0;
                if (i < n - 2) {
                    upper[i + 1] = -factor * upper2[i];
                }
                upper[i] = oldDiagonal;
                double swap = x[i];
                x[i] = x[i + 1];
                x[i + 1] = swap - factor * x[i + 1];
            }
        }
        if (diagonal[n - 1] == 0) {
            diagonal[n - 1] = tiny;
        }
        x[n - 1] /= diagonal[n - 1];
        if (n > 1) {
            x[n - 2] = (x[n - 2] - upper[n - 2] * x[n - 1]) / diagonal[n - 2];
        }
        for (int i = n - 3; i >= 0; i--) {
            x[i] = (x[i] - upper[i] * x[i + 1] - upper2[i] * x[i + 2]) / diagonal[i];
        }
        return x;
    }

    private static void normalise(double[] v) {
        double energy = 0;
        for (double value : v) {
            energy += value * value;
        }
        double scale = 1 / Math.sqrt(energy);
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
    }
}
