package io.ictal.spectrogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import io.ictal.api.spectrogram.Taper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DpssTest {

    /** scipy's tapers (dpss-tapers.json), each up to its sign, which no power spectrum sees. */
    @ParameterizedTest
    @ValueSource(ints = {64, 255})
    void tapersMatchScipy(int n) {
        JsonArray expected = Fixtures.load("dpss-tapers.json").json.getAsJsonObject("tapers").getAsJsonArray("" + n);
        double[][] tapers = Dpss.tapers(n, Taper.DPSS_NW, Taper.DPSS_TAPERS);

        assertEquals(expected.size(), tapers.length, "tapers");
        for (int k = 0; k < tapers.length; k++) {
            JsonArray reference = expected.get(k).getAsJsonArray();
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += tapers[k][i] * reference.get(i).getAsDouble();
            }
            double sign = Math.signum(dot);
            for (int i = 0; i < n; i++) {
                assertEquals(reference.get(i).getAsDouble(), sign * tapers[k][i], 1e-9, "taper " + k + " sample " + i);
            }
        }
    }

    /**
     * Orthonormal, and each keeps most of its energy in |f| <= NW/n, the first most (Slepian's order;
     * for NW = 3 the fifth keeps about 0.95, the reason more tapers are not used).
     */
    @Test
    void tapersAreOrthonormalAndConcentratedInTheBand() {
        int n = 512;
        double[][] tapers = Dpss.tapers(n, Taper.DPSS_NW, Taper.DPSS_TAPERS);
        double previous = 1;
        for (int k = 0; k < tapers.length; k++) {
            for (int j = 0; j <= k; j++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += tapers[k][i] * tapers[j][i];
                }
                assertEquals(j == k ? 1 : 0, dot, 1e-10, "<taper " + k + ", taper " + j + ">");
            }
            double concentration = bandEnergy(tapers[k], Taper.DPSS_NW / n);
            assertTrue(concentration > 0.9 && concentration <= previous + 1e-12,
                    "taper " + k + " keeps " + concentration + " of its energy in the band (taper before: " + previous + ")");
            previous = concentration;
        }
    }

    /** Energy in |f| <= w (cycles per sample): sum_ij v_i v_j sin(2 pi w (i - j)) / (pi (i - j)). */
    private static double bandEnergy(double[] v, double w) {
        double energy = 0;
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                double kernel = i == j ? 2 * w : Math.sin(2 * Math.PI * w * (i - j)) / (Math.PI * (i - j));
                energy += v[i] * v[j] * kernel;
            }
        }
        return energy;
    }

    @Test
    void refusesParametersWithoutTapers() {
        assertThrows(IllegalArgumentException.class, () -> Dpss.tapers(1, 3, 5));
        assertThrows(IllegalArgumentException.class, () -> Dpss.tapers(8, 4, 5));
        assertThrows(IllegalArgumentException.class, () -> Dpss.tapers(64, 3, 0));
    }
}
