package io.ictal.spectrogram.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ictal.api.spectrogram.ColourMap;
import io.ictal.api.spectrogram.ColourRange;
import io.ictal.api.spectrogram.Detrend;
import io.ictal.api.spectrogram.ImageParameters;
import io.ictal.api.spectrogram.SpectrogramException;
import io.ictal.api.spectrogram.SpectrumScale;
import io.ictal.api.spectrogram.StftParameters;
import io.ictal.api.spectrogram.Taper;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code images(samples, ..., hopSeconds)}: each window's image is exactly {@code image()} of that window. */
class WindowImagesTest extends ServiceTest {

    /** The shipped detector's images: 4-s windows of 1-s frames every 0.25 s, 256 Hz. */
    private static final ImageParameters DETECTOR = new ImageParameters(new StftParameters(1, 0.25, Taper.HANN,
            Detrend.CONSTANT, SpectrumScale.DECIBEL, 0, 32, 256), 4, 32, 16, ColourRange.FIXED, -23, 47, ColourMap.JET);

    private static float[] noisyRhythm(int length, long seed) {
        Random random = new Random(seed);
        float[] x = new float[length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (40 * Math.sin(2 * Math.PI * (3 + i / 2000.0) * i / 256) + 15 * random.nextGaussian());
        }
        return x;
    }

    /** Window by window against image(); null exactly where the window holds a non-finite sample. */
    private static void assertEachWindowIsItsImage(float[] x, double rateHz, ImageParameters p, double hopSeconds) {
        int window = (int) Math.round(p.imageSeconds() * rateHz);
        int hop = (int) Math.round(hopSeconds * rateHz);
        float[][][][] images = service.images(x, rateHz, p, hopSeconds);
        assertEquals((x.length - window) / hop + 1, images.length);
        for (int w = 0; w < images.length; w++) {
            float[] part = Arrays.copyOfRange(x, w * hop, w * hop + window);
            boolean finite = true;
            for (float v : part) {
                finite &= Float.isFinite(v);
            }
            if (!finite) {
                assertNull(images[w], "window " + w + " has missing data");
                continue;
            }
            assertNotNull(images[w], "window " + w);
            float[][][] expected = service.image(part, rateHz, p);
            for (int k = 0; k < 3; k++) {
                for (int r = 0; r < p.height(); r++) {
                    assertArrayEquals(expected[k][r], images[w][k][r], 0f, "window " + w + " colour " + k + " row " + r);
                }
            }
        }
    }

    @Test
    void overlappingWindowsSharingFramesEqualTheirOwnImages() {
        assertEachWindowIsItsImage(noisyRhythm(256 * 60 + 100, 1), 256, DETECTOR, 2);
    }

    @Test
    void windowsWithMissingDataHaveNoImageAndTheOthersAreUnchanged() {
        float[] x = noisyRhythm(256 * 40, 2);
        x[256 * 9 + 7] = Float.NaN;
        Arrays.fill(x, 256 * 21, 256 * 26, Float.NaN);
        x[x.length - 1] = Float.POSITIVE_INFINITY;
        assertEachWindowIsItsImage(x, 256, DETECTOR, 2);
        assertNull(service.images(x, 256, DETECTOR, 2)[4], "window 4 holds the NaN at 9.03 s");
    }

    @Test
    void unalignedHopsAndResampledSignalsImageEachWindowAlone() {
        // 0.3 s is not a multiple of the 0.25-s frame hop; 200 Hz is resampled to 256 Hz.
        assertEachWindowIsItsImage(noisyRhythm(256 * 12, 3), 256, DETECTOR, 0.3);
        assertEachWindowIsItsImage(noisyRhythm(200 * 12, 4), 200, DETECTOR, 2);
        ImageParameters perImage = new ImageParameters(new StftParameters(0.5, 0.1, Taper.HAMMING, Detrend.LINEAR,
                SpectrumScale.DECIBEL, 1, 40, 0), 3, 20, 30, ColourRange.PER_IMAGE, -10, 30, ColourMap.VIRIDIS);
        assertEachWindowIsItsImage(noisyRhythm(128 * 20, 5), 128, perImage, 1);
    }

    @Test
    void aSignalShorterThanAWindowHasNoImagesAndABadHopIsRefused() {
        assertEquals(0, service.images(new float[1000], 256, DETECTOR, 2).length);
        SpectrogramException e = assertThrows(SpectrogramException.class,
                () -> service.images(new float[2048], 256, DETECTOR, 0.001));
        assertEquals("hopSeconds", e.parameter());
    }
}
