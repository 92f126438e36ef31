package io.ictal.api.spectrogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpectrogramRecordsTest {

    @Test
    void parametersNameTheOffendingParameter() {
        SpectrogramException e = assertThrows(SpectrogramException.class, () -> StftParameters.of(2, 0));
        assertEquals("hopSeconds", e.parameter());
        assertEquals("windowSeconds", assertThrows(SpectrogramException.class,
                () -> StftParameters.of(Double.NaN, 1)).parameter());
        assertEquals("maxHz", assertThrows(SpectrogramException.class, () -> new StftParameters(1, 1, Taper.HANN,
                Detrend.NONE, SpectrumScale.DENSITY, 10, 5, 0)).parameter());
        assertEquals("resampleToHz", assertThrows(SpectrogramException.class, () -> new StftParameters(1, 1,
                Taper.HANN, Detrend.NONE, SpectrumScale.DENSITY, 0, 5, -1)).parameter());
    }

    @Test
    void spectrogramIsACopyAndChecksItsShape() {
        float[][] values = {{1, 2}, {3, 4}, {5, 6}};
        Spectrogram s = new Spectrogram(1.0, 0.5, new double[] {0, 1}, values, SpectrumScale.DENSITY);
        values[0][0] = 99;
        assertEquals(1, s.value(0, 0));
        assertEquals(3, s.frameCount());
        assertEquals(2, s.binCount());
        assertEquals(2.0, s.frameCentreSeconds(2), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> new Spectrogram(0, 1, new double[] {0, 1, 2}, new float[][] {{1, 2}}, SpectrumScale.DENSITY));
    }

    @Test
    void flatValuesAreFrameAfterFrame() {
        float[] flat = {1, 2, 3, 4, 5, 6};
        Spectrogram s = new Spectrogram(1.0, 0.5, new double[] {0, 1}, flat, SpectrumScale.DENSITY);
        flat[0] = 99;
        assertEquals(1, s.value(0, 0));
        assertEquals(6, s.value(2, 1));
        assertEquals(3, s.frameCount());
        assertEquals(new Spectrogram(1.0, 0.5, new double[] {0, 1}, new float[][] {{1, 2}, {3, 4}, {5, 6}},
                SpectrumScale.DENSITY), s);
        s.values()[1] = 42;
        assertEquals(2, s.value(0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> s.value(0, 2));
        assertThrows(IllegalArgumentException.class,
                () -> new Spectrogram(0, 1, new double[] {0, 1, 2}, new float[] {1, 2}, SpectrumScale.DENSITY));
        assertThrows(IllegalArgumentException.class,
                () -> new Spectrogram(0, 1, new double[0], new float[0], SpectrumScale.DENSITY));
    }
}
