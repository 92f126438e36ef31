package io.ictal.inference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.SpectrogramInput;
import io.ictal.api.spectrogram.ColourMap;
import io.ictal.api.spectrogram.ImageParameters;
import io.ictal.api.spectrogram.MultiSpectralParameters;
import io.ictal.api.spectrogram.SpectrumScale;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CardParserTest {

    @Test
    void parsesTheDemoCard() {
        ModelCard card = Fixtures.card(Fixtures.V1);
        assertEquals("ictal-demo", card.id());
        assertEquals("1.0.0", card.version());
        assertEquals(java.util.List.of(-1L, 3L, 8L, 8L), card.input().tensors().get(0).shape());
        ImageParameters image = ((SpectrogramInput.Image) card.input().spectrogram()).parameters();
        assertEquals(SpectrumScale.DECIBEL, image.stft().scale());
        assertEquals(64, image.stft().maxHz());
        assertEquals(ColourMap.JET, image.colourMap());
        assertEquals(0.5, card.thresholds().get("seizure"));
        assertEquals(2, card.golden().inputs().get("image").dim(0));
        assertEquals(card.sha256().get("model/demo.onnx"), card.graphSha256());
    }

    @Test
    void errorsNameTheFileAndTheField() {
        String json = new String(jsonOf(Fixtures.V1), StandardCharsets.UTF_8);
        assertMessage(json.replaceFirst("\"shape\": \\[\\s*-1,", "\"shape\": [\"batch\","),
                "model/card.json: field 'input.tensors[0].shape[0]': expected an integer, was \"batch\"");
        assertMessage(json.replace("\"float32\"", "\"int8\""), "field 'input.tensors[0].dtype': expected one of float32");
        assertMessage(json.replace("\"HANN\"", "\"KAISER\""), "field 'input.spectrogram.stft.taper': expected one of [HANN");
        assertMessage(json.replace("\"version\": \"1.0.0\"", "\"version\": \"one\""),
                "invalid card: version must be major.minor.micro");
        assertMessage(json.replace("\"golden\"", "\"gold\""), "field 'golden': expected an object, was missing");
        assertMessage(json.replace("\"kind\": \"image\"", "\"kind\": \"wavelet\""),
                "field 'input.spectrogram.kind': expected one of none, stft, multi-spectral, image, was \"wavelet\"");
        assertMessage("{", "model/card.json: not valid JSON");
    }

    @Test
    void parsesAMultiSpectralStack() throws Exception {
        String json = new String(jsonOf(Fixtures.V1), StandardCharsets.UTF_8);
        JsonObject card = JsonParser.parseString(json).getAsJsonObject();
        card.getAsJsonObject("input").add("spectrogram", JsonParser.parseString("""
                {"kind": "multi-spectral", "layers": [{"windowSeconds": 1, "maxHz": 12}, {"windowSeconds": 16, "maxHz": 96}],
                 "minHz": 1, "hopSeconds": 0.5, "bins": 32, "taper": "HANN", "detrend": "CONSTANT"}"""));
        ModelCard parsed = CardParser.parse("model/card.json", card.toString().getBytes(StandardCharsets.UTF_8));
        MultiSpectralParameters stack = ((SpectrogramInput.MultiSpectral) parsed.input().spectrogram()).parameters();
        assertEquals(16, stack.longestWindowSeconds());
        assertEquals(32, stack.bins());
        card.getAsJsonObject("input").add("spectrogram", JsonParser.parseString("{\"kind\": \"none\"}"));
        assertEquals("none", CardParser.parse("model/card.json", card.toString().getBytes(StandardCharsets.UTF_8))
                .input().spectrogram().kind());
    }

    private static void assertMessage(String json, String expected) {
        ModelBundleException e = assertThrows(ModelBundleException.class,
                () -> CardParser.parse("model/card.json", json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    static byte[] jsonOf(String jar) {
        try {
            return Fixtures.jar(jar).read("model/card.json").orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
