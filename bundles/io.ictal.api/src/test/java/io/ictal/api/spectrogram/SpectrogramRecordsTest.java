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
}
