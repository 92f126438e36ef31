package io.ictal.ecg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.ictal.api.detection.ClassificationException;
import io.ictal.api.model.ModelCard;
import io.ictal.inference.internal.ShippedEcgModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A model card this classifier cannot feed is refused with the card field named, before any inference. */
class HeadContractTest {

    private static ModelCard altered(Consumer<JsonObject> edit) throws IOException {
        String path = "model/beat-card.json";
        JsonObject card = new Gson().fromJson(new String(ShippedEcgModels.file(path), StandardCharsets.UTF_8),
                JsonObject.class);
        edit.accept(card);
        return ShippedEcgModels.parseCard(path, new Gson().toJson(card).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedBeatCardIsAccepted() throws Exception {
        HeadContract head = HeadContract.of(altered(card -> { }), RrFeatures.BEAT, List.of("N", "S", "V"));
        assertEquals(29, head.frames());
        assertEquals(13, head.bins());
    }

    @Test
    void aDifferentRrWidthIsRefusedNamingTheTensor() throws Exception {
        ModelCard card = altered(c -> {
            JsonArray shape = new JsonArray();
            shape.add(-1);
            shape.add(5);
            c.getAsJsonObject("input").getAsJsonArray("tensors").get(1).getAsJsonObject().add("shape", shape);
        });
        ClassificationException e = assertThrows(ClassificationException.class,
                () -> HeadContract.of(card, RrFeatures.BEAT, List.of("N", "S", "V")));
        assertTrue(e.getMessage().contains("input.tensors[rr].shape") && e.getMessage().contains("[-1, 7]"),
                e.getMessage());
    }

    @Test
    void anImageSpectrogramIsRefusedNamingTheKind() throws Exception {
        ModelCard card = altered(c -> {
            JsonObject stft = c.getAsJsonObject("input").getAsJsonObject("spectrogram").deepCopy();
            stft.remove("kind");
            JsonObject image = new JsonObject();
            image.addProperty("kind", "image");
            image.add("stft", stft);
            image.addProperty("imageSeconds", 2);
            image.addProperty("height", 32);
            image.addProperty("width", 32);
            image.addProperty("range", "PER_IMAGE");
            image.addProperty("minDb", 0);
            image.addProperty("maxDb", 1);
            image.addProperty("colourMap", "JET");
            c.getAsJsonObject("input").add("spectrogram", image);
        });
        ClassificationException e = assertThrows(ClassificationException.class,
                () -> HeadContract.of(card, RrFeatures.BEAT, List.of("N", "S", "V")));
        assertTrue(e.getMessage().contains("input.spectrogram.kind") && e.getMessage().contains("ictal-ecg-beat"),
                e.getMessage());
    }

    /** The card without the named inputs (their tensors and golden inputs removed). */
    private static void withoutInputs(JsonObject card, String... names) {
        List<String> removed = List.of(names);
        JsonArray tensors = card.getAsJsonObject("input").getAsJsonArray("tensors");
        for (int i = tensors.size() - 1; i >= 0; i--) {
            if (removed.contains(tensors.get(i).getAsJsonObject().get("name").getAsString())) {
                tensors.remove(i);
            }
        }
        removed.forEach(card.getAsJsonObject("golden").getAsJsonObject("inputs")::remove);
    }

    /** The card without a usual-beat input. */
    private static void withoutTemplate(JsonObject card) {
        withoutInputs(card, HeadContract.TEMPLATE);
    }

    /** The card with a usual-beat input of the spectrogram's shape but {@code frames} frames. */
    private static void withTemplate(JsonObject card, int frames) {
        withoutTemplate(card);
        JsonObject template = card.getAsJsonObject("input").getAsJsonArray("tensors").get(0).getAsJsonObject()
                .deepCopy();
        template.addProperty("name", HeadContract.TEMPLATE);
        template.getAsJsonArray("shape").set(2, new JsonPrimitive(frames));
        card.getAsJsonObject("input").getAsJsonArray("tensors").add(template);
        JsonObject golden = card.getAsJsonObject("golden").getAsJsonObject("inputs");
        golden.add(HeadContract.TEMPLATE, golden.get(HeadContract.SPECTROGRAM).deepCopy());
    }

    @Test
    void aUsualBeatOfAnotherShapeThanTheSpectrogramIsRefused() throws Exception {
        ModelCard card = altered(c -> withTemplate(c, 28));
        ClassificationException e = assertThrows(ClassificationException.class,
                () -> HeadContract.of(card, RrFeatures.BEAT, List.of("N", "S", "V")));
        assertTrue(e.getMessage().contains("input.tensors[template].shape") && e.getMessage().contains("28"),
                e.getMessage());
    }

    @Test
    void theUsualBeatIsFedExactlyWhenTheCardDeclaresIt() throws Exception {
        ModelCard without = altered(HeadContractTest::withoutTemplate);
        ModelCard with = altered(c -> withTemplate(c, 29));
        assertFalse(HeadContract.of(without, RrFeatures.BEAT, List.of("N", "S", "V")).usualBeat());
        assertTrue(HeadContract.of(with, RrFeatures.BEAT, List.of("N", "S", "V")).usualBeat());
    }

    /** The card with one more input tensor {@code name} of shape [-1, 1, samples] (and its golden input). */
    private static void withWaveInput(JsonObject card, String name, int samples) {
        JsonObject tensor = new JsonObject();
        tensor.addProperty("name", name);
        JsonArray shape = new JsonArray();
        shape.add(-1);
        shape.add(1);
        shape.add(samples);
        tensor.add("shape", shape);
        tensor.addProperty("dtype", "float32");
        card.getAsJsonObject("input").getAsJsonArray("tensors").add(tensor);
        JsonObject golden = new JsonObject();
        JsonArray goldenShape = shape.deepCopy();
        goldenShape.set(0, new JsonPrimitive(2));
        golden.add("shape", goldenShape);
        JsonArray data = new JsonArray();
        for (int i = 0; i < 2 * samples; i++) {
            data.add(0.0);
        }
        golden.add("data", data);
        card.getAsJsonObject("golden").getAsJsonObject("inputs").add(name, golden);
    }

    /** The card without waveform inputs. */
    private static void withoutWaves(JsonObject card) {
        withoutInputs(card, HeadContract.WAVE, HeadContract.WAVE_TEMPLATE);
    }

    @Test
    void anInputThisClassifierDoesNotBuildIsRefusedNamingIt() throws Exception {
        ModelCard card = altered(c -> withWaveInput(c, "heart_sounds", 112));
        ClassificationException e = assertThrows(ClassificationException.class,
                () -> HeadContract.of(card, RrFeatures.BEAT, List.of("N", "S", "V")));
        assertTrue(e.getMessage().contains("'input.tensors'") && e.getMessage().contains("heart_sounds"),
                e.getMessage());
    }

    @Test
    void waveformsAreFedExactlyWhenTheCardDeclaresThem() throws Exception {
        ModelCard without = altered(HeadContractTest::withoutWaves);
        ModelCard with = altered(c -> {
            withoutWaves(c);
            withWaveInput(c, HeadContract.WAVE, 112);
            withWaveInput(c, HeadContract.WAVE_TEMPLATE, 112);
        });
        assertFalse(HeadContract.of(without, RrFeatures.BEAT, List.of("N", "S", "V")).waveform());
        HeadContract head = HeadContract.of(with, RrFeatures.BEAT, List.of("N", "S", "V"));
        assertTrue(head.waveform());
        assertEquals(112, head.waveSamples());
    }

    @Test
    void aWaveformOfAnotherLengthIsRefusedNamingTheTensor() throws Exception {
        ModelCard card = altered(c -> {
            withoutWaves(c);
            withWaveInput(c, HeadContract.WAVE, 100);
            withWaveInput(c, HeadContract.WAVE_TEMPLATE, 100);
        });
        ClassificationException e = assertThrows(ClassificationException.class,
                () -> HeadContract.of(card, RrFeatures.BEAT, List.of("N", "S", "V")));
        assertTrue(e.getMessage().contains("input.tensors[wave].shape") && e.getMessage().contains("[-1, 1, 112]")
                && e.getMessage().contains("[-1, 1, 100]"), e.getMessage());
    }

    @Test
    void aWaveformWithoutItsUsualWaveformIsRefused() throws Exception {
        ModelCard card = altered(c -> {
            withoutWaves(c);
            withWaveInput(c, HeadContract.WAVE, 112);
        });
        ClassificationException e = assertThrows(ClassificationException.class,
                () -> HeadContract.of(card, RrFeatures.BEAT, List.of("N", "S", "V")));
        assertTrue(e.getMessage().contains("'input.tensors'") && e.getMessage().contains("wave_template"),
                e.getMessage());
    }

    @Test
    void aMissingLabelIsRefused() throws Exception {
        ClassificationException e = assertThrows(ClassificationException.class,
                () -> HeadContract.of(altered(c -> { }), RrFeatures.BEAT, List.of("N", "Q")));
        assertTrue(e.getMessage().contains("'labels'"), e.getMessage());
    }
}
