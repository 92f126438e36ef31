package io.ictal.spectrogram.internal;

import io.ictal.api.spectrogram.ColourRange;
import io.ictal.api.spectrogram.ImageParameters;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * RGB spectrogram images (Barry et al.); the sampling grid is documented on {@link ImageParameters}.
 * One renderer serves every image of a spectrogram shape: where each row and column falls between
 * the spectrogram's bins and frames is worked out once, not per image.
 */
final class ImageRenderer {

    private final ImageParameters p;
    private final int binCount;
    private final int frames;
    /** Per row: the bins it lies between ({@code rowLow == rowHigh} beyond the ends: clamped) and its offsets. */
    private final int[] rowLow;
    private final int[] rowHigh;
    private final double[] rowOffset;
    private final double[] rowSpan;
    /** Per column: the frame at or before it and the fraction towards the next. */
    private final int[] columnFrame;
    private final double[] columnFraction;

    /**
     * @param frequencies the spectrogram's bin frequencies (increasing)
     * @param frames frames per image
     * @param rateHz the rate the spectrogram was computed at (its Nyquist caps the frequency axis)
     */
    ImageRenderer(double[] frequencies, int frames, double rateHz, ImageParameters p) {
        this.p = p;
        this.binCount = frequencies.length;
        this.frames = frames;
        int height = p.height();
        double bottom = p.stft().minHz();
        double top = Math.min(p.stft().maxHz(), rateHz / 2);
        rowLow = new int[height];
        rowHigh = new int[height];
        rowOffset = new double[height];
        rowSpan = new double[height];
        for (int r = 0; r < height; r++) {
            // As np.interp: clamped to the end values outside the bins.
            double x = top - r * (top - bottom) / (height - 1);
            if (x <= frequencies[0]) {
                continue;
            }
            if (x >= frequencies[binCount - 1]) {
                rowLow[r] = binCount - 1;
                rowHigh[r] = binCount - 1;
                continue;
            }
            int hi = 1;
            while (frequencies[hi] < x) {
                hi++;
            }
            rowLow[r] = hi - 1;
            rowHigh[r] = hi;
            rowOffset[r] = x - frequencies[hi - 1];
            rowSpan[r] = frequencies[hi] - frequencies[hi - 1];
        }
        int width = p.width();
        columnFrame = new int[width];
        columnFraction = new double[width];
        for (int c = 0; c < width; c++) {
            double position = c * (frames - 1.0) / (width - 1);
            if (position <= 0 || frames == 1) {
                continue;
            }
            int i = (int) Math.floor(position);
            if (i >= frames - 1) {
                columnFrame[c] = frames - 1;
                continue;
            }
            columnFrame[c] = i;
            columnFraction[c] = position - i;
        }
    }

    /**
     * The image of frames {@code [first, first + frames)} of a decibel spectrogram's values (frame after
     * frame, {@code binCount} values each).
     *
     * @return {@code [3][height][width]} in {@code [0, 1]}
     */
    float[][][] render(float[] decibels, int first) {
        int height = p.height();
        int width = p.width();
        // First along frequency (each frame onto the rows), then along time (the rows onto the columns).
        double[][] rowsByFrame = new double[height][frames];
        for (int t = 0; t < frames; t++) {
            int frame = (first + t) * binCount;
            for (int r = 0; r < height; r++) {
                double low = decibels[frame + rowLow[r]];
                rowsByFrame[r][t] = rowLow[r] == rowHigh[r] ? low
                        : low + rowOffset[r] * (decibels[frame + rowHigh[r]] - low) / rowSpan[r];
            }
        }
        double[][] grid = new double[height][width];
        for (int r = 0; r < height; r++) {
            double[] row = rowsByFrame[r];
            for (int c = 0; c < width; c++) {
                int i = columnFrame[c];
                grid[r][c] = columnFraction[c] == 0 ? row[i] : row[i] + columnFraction[c] * (row[i + 1] - row[i]);
            }
        }
        return colour(grid);
    }

    private float[][][] colour(double[][] grid) {
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
