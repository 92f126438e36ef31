package io.ictal.spectrogram.internal;

import static io.ictal.spectrogram.internal.Fixtures.assertAbsolutelyClose;
import static io.ictal.spectrogram.internal.Fixtures.assertRelativelyClose;
import static io.ictal.spectrogram.internal.Fixtures.flatten;
import static io.ictal.spectrogram.internal.Fixtures.pow10;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ictal.api.spectrogram.ImageParameters;
import io.ictal.api.spectrogram.MultiSpectralParameters;
import io.ictal.api.spectrogram.Spectrogram;
import io.ictal.api.spectrogram.SpectrumScale;
import io.ictal.api.spectrogram.StftParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Java against the Python reference (training/ictal_training/spectrogram.py, i.e. scipy): the same
 * parameters, read from the fixtures' JSON as a model card's, give the same tensors.
 */
class ScipyReferenceTest extends ServiceTest {

    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest
    @ValueSource(strings = {"stft-hann-density.json", "stft-hamming-linear-odd-band.json",
        "stft-resampled-log10.json", "stft-dpss-decibel.json"})
    void psdMatchesScipy(String fixture) {
        Fixtures f = Fixtures.load(fixture);
        StftParameters p = f.parameters(StftParameters.class);
        Spectrogram s = service.stft(f.samples(), f.rateHz(), p);

        assertArrayEquals(f.doubles("frequencies"), s.frequenciesHz(), 1e-6, "frequencies (fixtures keep 10 digits)");
        double[] times = f.doubles("times");
        assertEquals(times.length, s.frameCount(), "frames");
        for (int t = 0; t < times.length; t++) {
            assertEquals(times[t], s.frameCentreSeconds(t), 1e-6, "centre of frame " + t);
        }
        float[][] values = new float[s.frameCount()][];
        for (int t = 0; t < values.length; t++) {
            values[t] = s.frame(t);
        }
        double[] expected = f.doubles("values");
        double[] actual = flatten(values);
        if (p.scale() == SpectrumScale.DECIBEL) {
            // 1e-4 relative in density is 4.3e-4 dB
            assertAbsolutelyClose(expected, actual, 10 * Math.log10(1 + TOLERANCE), fixture + " (dB)");
            return;
        }
        if (p.scale() == SpectrumScale.LOG10) {
            expected = pow10(expected);
            actual = pow10(actual);
        }
        assertRelativelyClose(expected, actual, TOLERANCE, fixture);
    }

    @Test
    void resampleMatchesScipy() {
        Fixtures f = Fixtures.load("resample-360-to-128.json");
        float[] samples = f.samples();
        float[] copy = samples.clone();
        float[] resampled = service.resample(samples, f.rateHz(), f.number("toHz"));

        double[] expected = f.doubles("values");
        assertEquals(expected.length, resampled.length, "ceil(720 * 128 / 360) samples");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], resampled[i], 1e-4 * Math.max(1, Math.abs(expected[i])), "sample " + i);
        }
        assertArrayEquals(copy, samples, "the input is not modified");
        assertArrayEquals(copy, service.resample(samples, 360, 360), "equal rates: a copy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"multispectral-seizurenet.json", "multispectral-resampled.json", "multispectral-dpss.json"})
    void multiSpectralStackMatchesPython(String fixture) {
        Fixtures f = Fixtures.load(fixture);
        float[][][] stack = service.multiSpectral(f.samples(), f.rateHz(), f.parameters(MultiSpectralParameters.class));

        assertArrayEquals(f.shape(), new int[] {stack.length, stack[0].length, stack[0][0].length});
        // log10 magnitudes: compare the magnitudes, relatively.
        assertRelativelyClose(pow10(f.doubles("values")), pow10(flatten(stack)), TOLERANCE, fixture);
    }

    @Test
    void imageTensorMatchesPython() {
        Fixtures f = Fixtures.load("image-viridis-fixed.json");
        float[][][] rgb = service.image(f.samples(), f.rateHz(), f.parameters(ImageParameters.class));

        assertArrayEquals(f.shape(), new int[] {rgb.length, rgb[0].length, rgb[0][0].length});
        // Colours lie in [0, 1]: an absolute tolerance is the relative one over the range.
        assertAbsolutelyClose(f.doubles("values"), flatten(rgb), TOLERANCE, "image");
    }
}
