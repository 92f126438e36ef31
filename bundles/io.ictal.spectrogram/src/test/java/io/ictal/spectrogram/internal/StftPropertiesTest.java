package io.ictal.spectrogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.spectrogram.Detrend;
import io.ictal.api.spectrogram.Spectrogram;
import io.ictal.api.spectrogram.SpectrumScale;
import io.ictal.api.spectrogram.StftParameters;
import io.ictal.api.spectrogram.Taper;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties any correct power spectrum has, independent of the scipy fixtures. */
class StftPropertiesTest extends ServiceTest {

    static float[] sine(double hz, double rate, double seconds) {
        float[] x = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * hz * i / rate);
        }
        return x;
    }

    static int peakBin(Spectrogram s, int frame) {
        int peak = 0;
        for (int f = 1; f < s.binCount(); f++) {
            if (s.value(frame, f) > s.value(frame, peak)) {
                peak = f;
            }
        }
        return peak;
    }

    @Test
    void pureSinePeaksInItsBin() {
        for (double hz : new double[] {3, 12.5, 40, 99.5}) {
            Spectrogram s = service.stft(sine(hz, 256, 8), 256, StftParameters.of(2, 1));
            for (int t = 0; t < s.frameCount(); t++) {
                assertEquals(hz, s.frequenciesHz()[peakBin(s, t)], 1e-9, "peak of a " + hz + " Hz sine, frame " + t);
            }
        }
    }

    @Test
    void bandCropKeepsTheBinsAndTheirValues() {
        float[] x = sine(10, 200, 6);
        Spectrogram full = service.stft(x, 200, StftParameters.of(1, 0.5));
        Spectrogram band = service.stft(x, 200, new StftParameters(1, 0.5, Taper.HANN, Detrend.CONSTANT,
                SpectrumScale.DENSITY, 4.5, 20, 0));
        assertEquals(5.0, band.frequenciesHz()[0]);
        assertEquals(20.0, band.frequenciesHz()[band.binCount() - 1]);
        assertEquals(full.value(3, 10), band.value(3, 5));
    }

    /**
     * Parseval: integrating the one-sided density over frequency gives the segment's window-weighted
     * mean square, {@code sum((w x)^2) / sum(w^2)} (multitaper: its mean over the tapers); for a
     * rectangular window, the plain mean square.
     */
    @Test
    void parsevalHolds() {
        Random random = new Random(42);
        float[] x = new float[2048];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 7 + Math.sin(i / 5.0) * 3);
        }
        double rate = 128;
        for (Taper taper : Taper.values()) {
            for (int n : new int[] {256, 255}) {
                StftParameters p = new StftParameters(n / rate, n / rate, taper, Detrend.NONE,
                        SpectrumScale.DENSITY, 0, Double.POSITIVE_INFINITY, 0);
                Spectrogram s = service.stft(x, rate, p);
                double[][] tapers = SegmentTransform.tapers(taper, n);
                for (int t = 0; t < s.frameCount(); t++) {
                    double integral = 0;
                    for (int f = 0; f < s.binCount(); f++) {
                        integral += s.value(t, f) * rate / n;
                    }
                    double expected = 0; // multitaper: the mean over the tapers
                    for (double[] w : tapers) {
                        double weighted = 0;
                        double norm = 0;
                        for (int i = 0; i < n; i++) {
                            weighted += Math.pow(w[i] * x[t * n + i], 2);
                            norm += w[i] * w[i];
                        }
                        expected += weighted / norm / tapers.length;
                    }
                    assertEquals(expected, integral, 1e-5 * expected, taper + " n=" + n + " frame " + t);
                }
            }
        }
    }

    @Test
    void logScalesAreTheDensitysLogarithmsAndStayFinite() {
        float[] x = sine(10, 100, 4);
        Spectrogram density = service.stft(x, 100, StftParameters.of(1, 1));
        Spectrogram log10 = service.stft(x, 100, new StftParameters(1, 1, Taper.HANN, Detrend.CONSTANT,
                SpectrumScale.LOG10, 0, Double.POSITIVE_INFINITY, 0));
        Spectrogram decibel = service.stft(x, 100, new StftParameters(1, 1, Taper.HANN, Detrend.CONSTANT,
                SpectrumScale.DECIBEL, 0, Double.POSITIVE_INFINITY, 0));
        Spectrogram silent = service.stft(new float[400], 100, new StftParameters(1, 1, Taper.HANN,
                Detrend.CONSTANT, SpectrumScale.DECIBEL, 0, Double.POSITIVE_INFINITY, 0));
        assertEquals(Math.log10(density.value(1, 10)), log10.value(1, 10), 1e-5);
        assertEquals(10 * Math.log10(density.value(1, 10)), decibel.value(1, 10), 1e-4);
        assertEquals(-200, silent.value(0, 3), 1e-3, "silence sits at the floor, not -Infinity");
    }

    @Test
    void parallelFramesEqualSequentialFrames() {
        Random random = new Random(1);
        float[] x = new float[256 * 600];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        SpectrogramComponent sequential = TestServices.component(1, 600);
        try {
            assertEquals(sequential.stft(x, 256, StftParameters.of(2, 0.5)), service.stft(x, 256,
                    StftParameters.of(2, 0.5)));
        } finally {
            sequential.deactivate();
        }
    }

    @Test
    void resamplingAttenuatesAboveTheNewNyquist() {
        // 20 Hz stays; 200 Hz lies above the new Nyquist (128 Hz) and would fold onto 56 Hz.
        double rate = 512;
        float[] x = new float[(int) rate * 8];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (Math.sin(2 * Math.PI * 20 * i / rate) + Math.sin(2 * Math.PI * 200 * i / rate));
        }
        StftParameters at256 = new StftParameters(2, 1, Taper.HANN, Detrend.CONSTANT, SpectrumScale.DENSITY, 0,
                Double.POSITIVE_INFINITY, 256);
        Spectrogram resampled = service.stft(x, rate, at256);
        float[] decimated = new float[x.length / 2];
        for (int i = 0; i < decimated.length; i++) {
            decimated[i] = x[2 * i];
        }
        Spectrogram naive = service.stft(decimated, 256, StftParameters.of(2, 1));

        int bin20 = 40;
        int bin56 = 112;
        assertEquals(56.0, resampled.frequenciesHz()[bin56]);
        double aliasedNaive = naive.value(2, bin56) / naive.value(2, bin20);
        double aliasedResampled = resampled.value(2, bin56) / resampled.value(2, bin20);
        assertTrue(aliasedNaive > 0.5, "the check can fail: plain decimation aliases, ratio " + aliasedNaive);
        assertTrue(aliasedResampled < 1e-5, "alias at 56 Hz attenuated > 50 dB, ratio " + aliasedResampled);
        assertEquals(bin20, peakBin(resampled, 2));
    }
}
