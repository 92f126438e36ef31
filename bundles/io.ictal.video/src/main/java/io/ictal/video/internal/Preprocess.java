package io.ictal.video.internal;

/**
 * What the model sees of a frame: the luma (Y) plane, area-averaged to {@code width x height}
 * grey levels 0-255 (the aspect ratio is not kept: a 4:3 camera image is squeezed to a square).
 * Training dumps exactly these bytes (see {@link SnippetDumper}); the model input is value / 255.
 */
final class Preprocess {

    private Preprocess() {
    }

    /**
     * @param luma luma samples as jcodec stores them (signed: value - 128), row stride {@code stride}
     * @param x0 left of the visible (cropped) area
     * @param y0 top of the visible area
     * @param visibleWidth width of the visible area
     * @param visibleHeight height of the visible area
     * @param out {@code width * height} grey levels, row-major
     */
    static void downsample(byte[] luma, int stride, int x0, int y0, int visibleWidth, int visibleHeight, int width,
            int height, byte[] out) {
        for (int r = 0; r < height; r++) {
            int top = y0 + r * visibleHeight / height;
            int bottom = Math.max(top + 1, y0 + (r + 1) * visibleHeight / height);
            for (int c = 0; c < width; c++) {
                int left = x0 + c * visibleWidth / width;
                int right = Math.max(left + 1, x0 + (c + 1) * visibleWidth / width);
                int sum = 0;
                for (int y = top; y < bottom; y++) {
                    int row = y * stride;
                    for (int x = left; x < right; x++) {
                        sum += luma[row + x] + 128;
                    }
                }
                int n = (bottom - top) * (right - left);
                out[r * width + c] = (byte) ((sum + n / 2) / n);
            }
        }
    }

    /** Grey level 0-255 of a downsampled pixel. */
    static int grey(byte value) {
        return value & 0xFF;
    }
}
