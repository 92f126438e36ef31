package io.ictal.detector.internal;

import io.ictal.api.detection.Explanation;
import io.ictal.api.spectrogram.SpectrogramService;
import java.util.Locale;

/**
 * The explanation of an event: the spectrogram image of its most seizure-like channel window (left)
 * beside the model's class-activation map over it (right, dark = no evidence, bright yellow = what
 * made the model say seizure), each enlarged so that people can read it.
 */
final class Explanations {

    static final int SCALE = 8;
    private static final int GAP = 4;

    private Explanations() {
    }

    static Explanation of(EventFinder.Evidence evidence, String channel, SpectrogramService spectrogram) {
        float[][][] image = evidence.image();
        int h = image[0].length;
        int w = image[0][0].length;
        float[] cam = evidence.cam();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : cam) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float range = max > min ? max - min : 1;
        float[][][] out = new float[3][h * SCALE][2 * w * SCALE + GAP];
        for (int r = 0; r < h * SCALE; r++) {
            for (int c = 0; c < w * SCALE; c++) {
                int sr = r / SCALE;
                int sc = c / SCALE;
                float heat = (cam[sr * w + sc] - min) / range;
                for (int k = 0; k < 3; k++) {
                    out[k][r][c] = image[k][sr][sc];
                    out[k][r][w * SCALE + GAP + c] = hot(heat, k);
                }
            }
            for (int c = w * SCALE; c < w * SCALE + GAP; c++) {
                for (int k = 0; k < 3; k++) {
                    out[k][r][c] = 1;
                }
            }
        }
        String caption = String.format(Locale.ROOT,
                "class-activation map over %s, window %.1f-%.1f s (p=%.2f); left: spectrogram, right: evidence",
                channel, evidence.windowStart(), evidence.windowStart() + evidence.windowSeconds(), evidence.probability());
        return new Explanation("image/png", spectrogram.png(out), caption);
    }

    /** Black, red, yellow, white: a "hot" colour map. */
    private static float hot(float v, int channel) {
        float x = Math.max(0, Math.min(1, v)) * 3 - channel;
        return Math.max(0, Math.min(1, x));
    }
}
