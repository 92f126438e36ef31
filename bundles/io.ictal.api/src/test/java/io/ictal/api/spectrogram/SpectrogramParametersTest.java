package io.ictal.api.spectrogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpectrogramParametersTest {

    private static final StftParameters DB = new StftParameters(1, 0.5, Taper.HANN, Detrend.CONSTANT,
            SpectrumScale.DECIBEL, 0, Double.POSITIVE_INFINITY, 0);

    @Test
    void seizureNetStackHasTheFivePublishedLayers() {
        MultiSpectralParameters p = MultiSpectralParameters.seizureNet(1, 32);
        assertEquals(List.of(1.0, 2.0, 4.0, 8.0, 16.0),
                p.layers().stream().map(SpectralLayer::windowSeconds).toList());
        assertEquals(List.of(12.0, 24.0, 48.0, 64.0, 96.0), p.layers().stream().map(SpectralLayer::maxHz).toList());
        assertEquals(16.0, p.longestWindowSeconds());
        assertEquals(1.0, p.minHz());
    }

    @Test
    void multiSpectralLayersAreCopiedAndChecked() {
        List<SpectralLayer> layers = new ArrayList<>(List.of(new SpectralLayer(1, 12)));
        MultiSpectralParameters p = new MultiSpectralParameters(layers, 1, 0.5, 8, Taper.HANN, Detrend.NONE, 0);
        layers.clear();
        assertEquals(1, p.layers().size());
        assertEquals("layers", assertThrows(SpectrogramException.class, () -> new MultiSpectralParameters(List.of(),
                1, 1, 8, Taper.HANN, Detrend.NONE, 0)).parameter());
        assertEquals("maxHz", assertThrows(SpectrogramException.class, () -> new MultiSpectralParameters(
                List.of(new SpectralLayer(1, 12)), 20, 1, 8, Taper.HANN, Detrend.NONE, 0)).parameter());
        assertEquals("bins", assertThrows(SpectrogramException.class, () -> new MultiSpectralParameters(
                List.of(new SpectralLayer(1, 12)), 1, 1, 1, Taper.HANN, Detrend.NONE, 0)).parameter());
        assertEquals("hopSeconds", assertThrows(SpectrogramException.class, () -> new MultiSpectralParameters(
                List.of(new SpectralLayer(1, 12)), 1, -1, 8, Taper.HANN, Detrend.NONE, 0)).parameter());
        assertEquals("windowSeconds", assertThrows(SpectrogramException.class,
                () -> new SpectralLayer(0, 12)).parameter());
    }

    @Test
    void imageParametersNameTheOffendingParameter() {
        ImageParameters ok = new ImageParameters(DB, 10, 64, 64, ColourRange.FIXED, -20, 40, ColourMap.VIRIDIS);
        assertEquals(64, ok.height());
        SpectrogramException scale = assertThrows(SpectrogramException.class, () -> new ImageParameters(
                StftParameters.of(1, 0.5), 10, 64, 64, ColourRange.FIXED, -20, 40, ColourMap.JET));
        assertEquals("stft.scale", scale.parameter());
        assertTrue(scale.getMessage().contains("DECIBEL"), scale.getMessage());
        assertEquals("imageSeconds", assertThrows(SpectrogramException.class, () -> new ImageParameters(DB, 0.5, 64,
                64, ColourRange.FIXED, -20, 40, ColourMap.JET)).parameter());
        assertEquals("height", assertThrows(SpectrogramException.class, () -> new ImageParameters(DB, 10, 1, 64,
                ColourRange.FIXED, -20, 40, ColourMap.JET)).parameter());
        assertEquals("maxDb", assertThrows(SpectrogramException.class, () -> new ImageParameters(DB, 10, 64, 64,
                ColourRange.FIXED, 40, 40, ColourMap.JET)).parameter());
    }

    @Test
    void trendParametersRefuseResamplingAndShortEpochs() {
        assertEquals(60.0, new TrendParameters(StftParameters.of(2, 1), 60).epochSeconds());
        assertEquals("epochSeconds", assertThrows(SpectrogramException.class,
                () -> new TrendParameters(StftParameters.of(2, 1), 1)).parameter());
        assertEquals("stft.resampleToHz", assertThrows(SpectrogramException.class, () -> new TrendParameters(
                new StftParameters(2, 1, Taper.HANN, Detrend.NONE, SpectrumScale.DENSITY, 0, 30, 128), 60))
                .parameter());
    }
}
