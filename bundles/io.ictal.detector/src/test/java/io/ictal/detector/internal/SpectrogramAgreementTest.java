package io.ictal.detector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.ictal.api.model.SpectrogramInput;
import io.ictal.api.spectrogram.ColourMap;
import io.ictal.api.spectrogram.ColourRange;
import io.ictal.api.spectrogram.Detrend;
import io.ictal.api.spectrogram.ImageParameters;
import io.ictal.api.spectrogram.SpectrumScale;
import io.ictal.api.spectrogram.StftParameters;
import io.ictal.api.spectrogram.Taper;
import org.junit.jupiter.api.Test;

/**
 * The Java spectrogram service makes the same images as the Python reference that made the training
 * data, for the shipped card's parameters: at the training rate (256 Hz) and at rates the service
 * resamples from. Fixture: training/detector/make_fixtures.py.
 */
class SpectrogramAgreementTest {

    /** Largest accepted difference of an image value in [0, 1] (float32 in Java vs float64 in numpy). */
    private static final double TOLERANCE = 1e-3;

    @Test
    void javaImagesEqualThePythonReferenceForTheCardsParameters() throws Exception {
        JsonObject fixture = TestServices.fixture("spectrogram-agreement.json");
        ImageParameters card = ((SpectrogramInput.Image) TestServices.card().input().spectrogram()).parameters();
        assertEquals(card, parameters(fixture.getAsJsonObject("parameters")),
                "the fixture was made with other parameters than the card's: rerun make_fixtures.py");
        for (var element : fixture.getAsJsonArray("cases")) {
            JsonObject c = element.getAsJsonObject();
            double rate = c.get("rateHz").getAsDouble();
            float[] samples = floats(c.getAsJsonArray("samples"));
            float[] expected = floats(c.getAsJsonObject("image").getAsJsonArray("data"));
            float[][][] actual = TestServices.SPECTROGRAM.image(samples, rate, card);
            int h = actual[0].length;
            int w = actual[0][0].length;
            assertEquals(expected.length, 3 * h * w, "image size at " + rate + " Hz");
            double worst = 0;
            for (int k = 0; k < 3; k++) {
                for (int r = 0; r < h; r++) {
                    for (int col = 0; col < w; col++) {
                        worst = Math.max(worst, Math.abs(actual[k][r][col] - expected[(k * h + r) * w + col]));
                    }
                }
            }
            assertTrue(worst <= TOLERANCE, "at " + rate + " Hz the Java and Python images differ by " + worst);
        }
    }

    private static ImageParameters parameters(JsonObject p) {
        JsonObject s = p.getAsJsonObject("stft");
        StftParameters stft = new StftParameters(s.get("windowSeconds").getAsDouble(), s.get("hopSeconds").getAsDouble(),
                Taper.valueOf(s.get("taper").getAsString()), Detrend.valueOf(s.get("detrend").getAsString()),
                SpectrumScale.valueOf(s.get("scale").getAsString()), s.get("minHz").getAsDouble(),
                s.get("maxHz").getAsDouble(), s.get("resampleToHz").getAsDouble());
        return new ImageParameters(stft, p.get("imageSeconds").getAsDouble(), p.get("height").getAsInt(),
                p.get("width").getAsInt(), ColourRange.valueOf(p.get("range").getAsString()),
                p.get("minDb").getAsDouble(), p.get("maxDb").getAsDouble(),
                ColourMap.valueOf(p.get("colourMap").getAsString()));
    }

    private static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }
}
