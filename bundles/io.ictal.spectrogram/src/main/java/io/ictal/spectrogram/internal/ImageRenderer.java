package io.ictal.spectrogram.internal;

import io.ictal.api.spectrogram.ColourRange;
import io.ictal.api.spectrogram.ImageParameters;
import io.ictal.api.spectrogram.Spectrogram;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** RGB spectrogram images (Barry et al.); the sampling grid is documented on {@link ImageParameters}. */
final class ImageRenderer {

    private ImageRenderer() {
    }

    /**
     * @param decibels the image window's spectrogram in dB
     * @param rateHz the rate it was computed at (its Nyquist caps the frequency axis)
     * @return {@code [3][height][width]} in {@code [0, 1]}
     */
    static float[][][] render(Spectrogram decibels, double rateHz, ImageParameters p) {
        int height = p.height();
        int width = p.width();
        double bottom = p.stft().minHz();
        double top = Math.min(p.stft().maxHz(), rateHz / 2);
        double[] frequencies = decibels.frequenciesHz();
        int frames = decibels.frameCount();
        // First along frequency (each frame onto the rows), then along time (the rows onto the columns).
        double[][] rowsByFrame = new double[frames][height];
        double[] frame = new double[frequencies.length];
        for (int t = 0; t < frames; t++) {
            for (int f = 0; f < frame.length; f++) {
                frame[f] = decibels.value(t, f);
            }
            for (int r = 0; r < height; r++) {
                rowsByFrame[t][r] = Interpolation.at(frequencies, frame, top - r * (top - bottom) / (height - 1));
            }
        }
        double[][] grid = new double[height][width];
        double[] row = new double[frames];
        for (int r = 0; r < height; r++) {
            for (int t = 0; t < frames; t++) {
                row[t] = rowsByFrame[t][r];
            }
            for (int c = 0; c < width; c++) {
                grid[r][c] = Interpolation.uniform(row, 0, 1, c * (frames - 1.0) / (width - 1));
            }
        }
        return colour(grid, p);
    }

    private static float[][][] colour(double[][] grid, ImageParameters p) {
        double low = p.minDb();
        double high = p.maxDb();
        if (p.range() == ColourRange.PER_IMAGE) {
            low = Double.POSITIVE_INFINITY;
            high = Double.NEGATIVE_INFINITY;
            for (double[] row : grid) {
                for (double v : row) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        float[][][] rgb = new float[3][p.height()][p.width()];
        double[] colour = new double[3];
        for (int r = 0; r < p.height(); r++) {
            for (int c = 0; c < p.width(); c++) {
                double normalised = high > low ? Math.min(1, Math.max(0, (grid[r][c] - low) / (high - low))) : 0;
                ColourMaps.colour(p.colourMap(), normalised, colour);
                for (int k = 0; k < 3; k++) {
                    rgb[k][r][c] = (float) colour[k];
                }
            }
        }
        return rgb;
    }

    /** 8-bit RGB PNG of a {@code [3][height][width]} tensor. */
    static byte[] png(float[][][] rgb) {
        if (rgb == null || rgb.length != 3 || rgb[0].length == 0 || rgb[1].length != rgb[0].length
                || rgb[2].length != rgb[0].length) {
            throw new IllegalArgumentException("rgb must be [3][height][width] with height > 0");
        }
        int height = rgb[0].length;
        int width = rgb[0][0].length;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                image.setRGB(c, r, (level(rgb, 0, r, c) << 16) | (level(rgb, 1, r, c) << 8) | level(rgb, 2, r, c));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a PNG in memory failed", e);
        }
        return png.toByteArray();
    }

    private static int level(float[][][] rgb, int channel, int r, int c) {
        float[] row = rgb[channel][r];
        if (row.length != rgb[0][0].length) {
            throw new IllegalArgumentException("rgb rows must all have " + rgb[0][0].length + " columns");
        }
        return (int) Math.round(255 * Math.min(1, Math.max(0, row[c])));
    }
}
