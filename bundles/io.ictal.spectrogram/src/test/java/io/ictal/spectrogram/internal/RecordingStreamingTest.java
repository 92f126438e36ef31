package io.ictal.spectrogram.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.spectrogram.ColourMap;
import io.ictal.api.spectrogram.ColourRange;
import io.ictal.api.spectrogram.Detrend;
import io.ictal.api.spectrogram.ImageParameters;
import io.ictal.api.spectrogram.MultiSpectralParameters;
import io.ictal.api.spectrogram.Spectrogram;
import io.ictal.api.spectrogram.SpectrogramException;
import io.ictal.api.spectrogram.SpectrumScale;
import io.ictal.api.spectrogram.StftParameters;
import io.ictal.api.spectrogram.Taper;
import io.ictal.api.spectrogram.TrendParameters;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading from a recording: block-wise streaming gives what the whole array gives, in bounded reads. */
class RecordingStreamingTest {

    private static final double RATE = 256;
    /** Blocks of 30 s: a 10-minute range is read in about 20 pieces. */
    private static final double BLOCK_SECONDS = 30;
    private static SpectrogramComponent service;
    private static float[][] signals;

    @BeforeAll
    static void start() {
        service = TestServices.component(2, BLOCK_SECONDS);
        Random random = new Random(3);
        signals = new float[3][(int) RATE * 600];
        for (float[] signal : signals) {
            for (int i = 0; i < signal.length; i++) {
                signal[i] = (float) (random.nextGaussian() * 10 + 30 * Math.sin(i * 0.3));
            }
        }
    }

    @AfterAll
    static void stop() {
        service.deactivate();
    }

    @Test
    void streamedStftEqualsTheWholeArraysStft() throws IOException {
        FakeRecording recording = new FakeRecording(RATE, signals);
        StftParameters p = StftParameters.of(2, 0.5);
        Spectrogram[] streamed = service.stft(recording, new int[] {2, 0}, 0, 600, p);

        assertEquals(service.stft(signals[2], RATE, p), streamed[0]);
        assertEquals(service.stft(signals[0], RATE, p), streamed[1]);
        assertTrue(recording.longestRead.get() <= (BLOCK_SECONDS + 2) * RATE,
                "reads bounded by the block, longest was " + recording.longestRead.get() + " samples");
    }

    @Test
    void streamedResamplingEqualsTheWholeArraysResampling() throws IOException {
        FakeRecording recording = new FakeRecording(RATE, signals);
        StftParameters p = new StftParameters(4, 1, Taper.HAMMING, Detrend.LINEAR, SpectrumScale.LOG10, 0.5, 45, 200);
        Spectrogram streamed = service.stft(recording, new int[] {1}, 100, 300, p)[0];
        Spectrogram whole = service.stft(Arrays.copyOfRange(signals[1], 100 * 256, 400 * 256), RATE, p);

        assertEquals(whole.frameCount(), streamed.frameCount());
        for (int t = 0; t < whole.frameCount(); t++) {
            float[] expected = whole.frame(t);
            float[] actual = streamed.frame(t);
            for (int f = 0; f < expected.length; f++) {
                // The same sums in a different order: equal to float rounding.
                assertEquals(expected[f], actual[f], 1e-5 * Math.abs(expected[f]), "frame " + t + " bin " + f);
            }
        }
        assertTrue(recording.longestRead.get() < 60 * RATE, "longest read " + recording.longestRead.get());
    }

    @Test
    void aRangeWithoutDataNamesTheSignalAndTime() {
        FakeRecording recording = new FakeRecording(RATE, 200, 260, signals);
        SpectrogramException e = assertThrows(SpectrogramException.class,
                () -> service.stft(recording, new int[] {1}, 100, 200, StftParameters.of(2, 1)));
        assertEquals("samples", e.parameter());
        assertTrue(e.getMessage().contains("'EEG C1-REF'") && e.getMessage().contains("200.0 s"), e.getMessage());
        SpectrogramException annotation = assertThrows(SpectrogramException.class,
                () -> service.stft(recording, new int[] {7}, 0, 10, StftParameters.of(2, 1)));
        assertEquals("signals", annotation.parameter());
    }

    @Test
    void trendsAverageTheEpochsFramesAndShowGapsAsNaN() throws IOException {
        FakeRecording recording = new FakeRecording(RATE, 120, 185, signals);
        TrendParameters p = new TrendParameters(StftParameters.of(2, 2), 60);
        Spectrogram trend = service.trends(recording, new int[] {0}, p)[0];

        assertEquals(10, trend.frameCount());
        assertEquals(30.0, trend.frameCentreSeconds(0));
        assertEquals(60.0, trend.hopSeconds());
        // Epoch 1 (60-120 s) has no gap: the mean of its 30 STFT frames.
        Spectrogram epoch1 = service.stft(Arrays.copyOfRange(signals[0], 60 * 256, 120 * 256), RATE, p.stft());
        for (int f = 0; f < trend.binCount(); f += 17) {
            double mean = 0;
            for (int t = 0; t < epoch1.frameCount(); t++) {
                mean += epoch1.value(t, f);
            }
            mean /= epoch1.frameCount();
            assertEquals(mean, trend.value(1, f), 1e-5 * mean, "bin " + f);
        }
        assertTrue(Float.isNaN(trend.value(2, 5)), "epoch 120-180 s lies wholly in the gap");
        assertTrue(Float.isFinite(trend.value(3, 5)), "epoch 180-240 s has data after 185 s");
        // The array version agrees where there is data.
        Spectrogram fromArray = service.trend(signals[0], RATE, p);
        assertEquals(fromArray.value(1, 9), trend.value(1, 9));
    }

    @Test
    void imagesAndStacksFromARecordingEqualTheArrayVersions() throws IOException {
        FakeRecording recording = new FakeRecording(RATE, signals);
        ImageParameters image = new ImageParameters(new StftParameters(1, 0.25, Taper.HANN, Detrend.CONSTANT,
                SpectrumScale.DECIBEL, 0.5, 60, 0), 10, 32, 40, ColourRange.FIXED, -10, 40, ColourMap.VIRIDIS);
        float[][][][] images = service.images(recording, new int[] {0, 2}, 50, image);
        float[][][] expected = service.image(Arrays.copyOfRange(signals[2], 50 * 256, 60 * 256), RATE, image);
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 32; r++) {
                assertArrayEquals(expected[c][r], images[1][c][r]);
            }
        }

        MultiSpectralParameters stack = MultiSpectralParameters.seizureNet(1, 16);
        float[][][][] stacks = service.multiSpectral(recording, new int[] {1}, 20, 30, stack);
        float[][][] expectedStack = service.multiSpectral(Arrays.copyOfRange(signals[1], 20 * 256, 50 * 256), RATE,
                stack);
        assertEquals(5, stacks[0].length);
        assertEquals(15, stacks[0][0][0].length, "30 s, 16 s longest window, 1 s hop");
        for (int l = 0; l < 5; l++) {
            for (int b = 0; b < 16; b++) {
                assertArrayEquals(expectedStack[l][b], stacks[0][l][b]);
            }
        }
    }
}
