package io.ictal.spectrogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.spectrogram.Detrend;
import io.ictal.api.spectrogram.MultiSpectralParameters;
import io.ictal.api.spectrogram.SpectrogramException;
import io.ictal.api.spectrogram.SpectrumScale;
import io.ictal.api.spectrogram.StftParameters;
import io.ictal.api.spectrogram.Taper;
import io.ictal.api.spectrogram.TrendParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input is a SpectrogramException naming the parameter and what it allows, never a crash. */
class BadInputTest extends ServiceTest {

    private static SpectrogramException refused(String parameter, String allowed, Executable call) {
        SpectrogramException e = assertThrows(SpectrogramException.class, call);
        assertEquals(parameter, e.parameter());
        assertTrue(e.getMessage().startsWith(parameter + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(allowed), "'" + e.getMessage() + "' should say " + allowed);
        return e;
    }

    private static float[] noise(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) Math.sin(i * 0.37) + (i % 7);
        }
        return x;
    }

    @Test
    void nanAndInfiniteSamplesAreRefusedEverywhere() {
        float[] nan = noise(1000);
        nan[517] = Float.NaN;
        float[] inf = noise(1000);
        inf[3] = Float.NEGATIVE_INFINITY;
        SpectrogramException e = refused("samples", "finite", () -> service.stft(nan, 100, StftParameters.of(1, 1)));
        assertTrue(e.getMessage().contains("517"), e.getMessage());
        refused("samples", "finite", () -> service.stft(inf, 100, StftParameters.of(1, 1)));
        float[] tail = noise(1050);
        tail[1049] = Float.NaN; // after the last frame (frames end at sample 1000): unused, still refused
        refused("samples", "sample 1049", () -> service.stft(tail, 100, StftParameters.of(1, 1)));
        float[] longSignal = noise(256 * 3600);
        longSignal[256 * 1800 + 3] = Float.POSITIVE_INFINITY; // found by a worker thread, mid-signal
        refused("samples", "sample " + (256 * 1800 + 3), () -> service.stft(longSignal, 256, StftParameters.of(2, 2)));
        refused("samples", "finite", () -> service.multiSpectral(nan, 100, MultiSpectralParameters.seizureNet(1, 8)));
        refused("samples", "finite", () -> service.trend(inf, 100,
                new TrendParameters(StftParameters.of(1, 1), 5)));
    }

    @Test
    void windowLongerThanTheSignalIsRefused() {
        refused("windowSeconds", "<= the signal's duration (10.0 s", () -> service.stft(noise(1000), 100,
                StftParameters.of(12, 1)));
        refused("windowSeconds", "<= the signal's duration", () -> service.multiSpectral(noise(1000), 100,
                MultiSpectralParameters.seizureNet(1, 8)));
        refused("windowSeconds", "at least 2 samples", () -> service.stft(noise(1000), 100,
                StftParameters.of(0.01, 0.01)));
    }

    @Test
    void bandBeyondNyquistIsRefused() {
        refused("maxHz", "<= Nyquist (50.0 Hz", () -> service.stft(noise(1000), 100, new StftParameters(1, 1,
                Taper.HANN, Detrend.NONE, SpectrumScale.DENSITY, 0, 60, 0)));
        refused("maxHz", "<= Nyquist (25.0 Hz", () -> service.stft(noise(1000), 100, new StftParameters(1, 1,
                Taper.HANN, Detrend.NONE, SpectrumScale.DENSITY, 0, 30, 50)));
        refused("minHz", "holds no frequency bin", () -> service.stft(noise(1000), 100, new StftParameters(1, 1,
                Taper.HANN, Detrend.NONE, SpectrumScale.DENSITY, 10.2, 10.8, 0)));
    }

    @Test
    void zeroNegativeAndSubSampleHopsAreRefused() {
        refused("hopSeconds", "> 0", () -> StftParameters.of(1, 0));
        refused("hopSeconds", "> 0", () -> StftParameters.of(1, -0.5));
        refused("hopSeconds", "at least one sample", () -> service.stft(noise(1000), 100, StftParameters.of(1, 0.001)));
    }

    @Test
    void badRatesAreRefused() {
        refused("samplingRateHz", "> 0", () -> service.stft(noise(1000), 0, StftParameters.of(1, 1)));
        refused("resampleToHz", "<= 10000", () -> service.stft(noise(1000), 100, new StftParameters(1, 1,
                Taper.HANN, Detrend.NONE, SpectrumScale.DENSITY, 0, Double.POSITIVE_INFINITY, 99.997)));
    }

    @Test
    void resampleRefusesBadRatesAndSamples() {
        refused("samplingRateHz", "> 0", () -> service.resample(noise(100), -1, 128));
        refused("toHz", "> 0", () -> service.resample(noise(100), 360, 0));
        refused("toHz", "> 0", () -> service.resample(noise(100), 360, Double.NaN));
        refused("toHz", "<= 10000", () -> service.resample(noise(100), 100, 99.997));
        float[] x = noise(100);
        x[37] = Float.NaN;
        SpectrogramException e = refused("samples", "finite", () -> service.resample(x, 360, 128));
        assertTrue(e.getMessage().contains("37"), e.getMessage());
    }
}
