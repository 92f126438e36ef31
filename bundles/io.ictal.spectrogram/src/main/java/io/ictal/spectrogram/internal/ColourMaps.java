package io.ictal.spectrogram.internal;

import io.ictal.api.spectrogram.ColourMap;

/**
 * Piecewise-linear colour maps between evenly spaced anchors (JET's are not evenly spaced, so it
 * lists its positions). training/ictal_training/spectrogram.py holds the same anchors.
 */
final class ColourMaps {

    private static final double[] EVEN_2 = {0, 1};
    private static final double[][] GRAY = {{0, 0, 0}, {1, 1, 1}};
    private static final double[] JET_POSITIONS = {0, 0.125, 0.375, 0.625, 0.875, 1};
    private static final double[][] JET = {{0, 0, 0.5}, {0, 0, 1}, {0, 1, 1}, {1, 1, 0}, {1, 0, 0}, {0.5, 0, 0}};
    private static final double[] EVEN_9 = {0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1};
    /** Close to matplotlib's viridis at these 9 positions. */
    private static final double[][] VIRIDIS = {
        {0.267004, 0.004874, 0.329415}, {0.282623, 0.140926, 0.457517}, {0.253935, 0.265254, 0.529983},
        {0.206756, 0.371758, 0.553117}, {0.163625, 0.471133, 0.558148}, {0.127568, 0.566949, 0.550556},
        {0.134692, 0.658636, 0.517649}, {0.266941, 0.748751, 0.440573}, {0.993248, 0.906157, 0.143936}};

    private ColourMaps() {
    }

    /** The colour of {@code value} in {@code [0, 1]}, written as r, g, b into {@code rgb}. */
    static void colour(ColourMap map, double value, double[] rgb) {
        switch (map) {
            case GRAY -> colour(EVEN_2, GRAY, value, rgb);
            case JET -> colour(JET_POSITIONS, JET, value, rgb);
            case VIRIDIS -> colour(EVEN_9, VIRIDIS, value, rgb);
        }
    }

    /** As {@code np.interp} per channel (clamped at the ends), the anchor pair found once for all three. */
    private static void colour(double[] positions, double[][] anchors, double value, double[] rgb) {
        int last = positions.length - 1;
        if (value <= positions[0] || value >= positions[last]) {
            System.arraycopy(anchors[value <= positions[0] ? 0 : last], 0, rgb, 0, 3);
            return;
        }
        int hi = 1;
        while (positions[hi] < value) {
            hi++;
        }
        int lo = hi - 1;
        for (int c = 0; c < 3; c++) {
            rgb[c] = anchors[lo][c] + (value - positions[lo]) * (anchors[hi][c] - anchors[lo][c])
                    / (positions[hi] - positions[lo]);
        }
    }
}
