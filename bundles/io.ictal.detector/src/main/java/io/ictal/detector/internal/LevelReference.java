package io.ictal.detector.internal;

import io.ictal.api.spectrogram.ColourMap;
import io.ictal.api.spectrogram.ColourRange;
import io.ictal.api.spectrogram.ImageParameters;
import io.ictal.api.spectrogram.SpectrogramService;
import java.util.Arrays;

/**
 * A recording's level reference, for cards whose {@code input.normalisation.method} is {@value #METHOD}:
 * the {@value #PERCENTILE}th percentile of the median decibel of its windows' spectrogram grids (every
 * EEG channel). The card's colour range {@code minDb..maxDb} is then read above this reference, so a
 * recording imaged 20 dB louder (another amplifier, intracranial electrodes) gives the same images.
 * Twin of {@code level_reference} in training/detector/data.py.
 *
 * <p>A low percentile keeps the reference on background even when half of the recording is seizure; a
 * recording that is seizure throughout has no background to refer to (the model card says so).
 */
final class LevelReference {

    /** The card's {@code input.normalisation.method} for this reference. */
    static final String METHOD = "recording-level-p10";
    /** The card's {@code input.normalisation.method} for absolute levels (the card's range as it is). */
    static final String NONE = "none";
    static final double PERCENTILE = 10;
    /** Windows sampled evenly over a longer recording: the percentile settles long before (0.6 % of a 24-h pass). */
    static final int SAMPLED_WINDOWS = 256;

    /** Wide enough never to clip a grid value (as data.decibels). */
    private static final double GREY_MIN_DB = -100;
    private static final double GREY_MAX_DB = 100;

    private LevelReference() {
    }

    /** The median decibel of one window's grid, sampled exactly as the card's image samples it. */
    static double medianDecibel(SpectrogramService spectrogram, float[] samples, double rateHz, ImageParameters card) {
        ImageParameters grey = new ImageParameters(card.stft(), card.imageSeconds(), card.height(), card.width(),
                ColourRange.FIXED, GREY_MIN_DB, GREY_MAX_DB, ColourMap.GRAY);
        float[][] plane = spectrogram.image(samples, rateHz, grey)[0];
        double[] decibels = new double[card.height() * card.width()];
        for (int r = 0; r < card.height(); r++) {
            for (int c = 0; c < card.width(); c++) {
                decibels[r * card.width() + c] = GREY_MIN_DB + plane[r][c] * (GREY_MAX_DB - GREY_MIN_DB);
            }
        }
        return percentile(decibels, 50);
    }

    /** The {@code p}th percentile with linear interpolation between order statistics (numpy's default). */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to take a percentile of");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** The card's image parameters with their colour range moved above the reference. */
    static ImageParameters above(ImageParameters card, double referenceDb) {
        return new ImageParameters(card.stft(), card.imageSeconds(), card.height(), card.width(), card.range(),
                card.minDb() + referenceDb, card.maxDb() + referenceDb, card.colourMap());
    }

    /**
     * Indices of the windows to sample among {@code windows}: all of them up to {@link #SAMPLED_WINDOWS},
     * else that many spread evenly from the first to the last.
     */
    static long[] sampled(long windows) {
        int n = (int) Math.min(windows, SAMPLED_WINDOWS);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = n == 1 ? 0 : Math.round(i * (double) (windows - 1) / (n - 1));
        }
        return out;
    }
}
