package io.ictal.ecg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
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

    @Test
    void aMissingLabelIsRefused() throws Exception {
        ClassificationException e = assertThrows(ClassificationException.class,
                () -> HeadContract.of(altered(c -> { }), RrFeatures.BEAT, List.of("N", "Q")));
        assertTrue(e.getMessage().contains("'labels'"), e.getMessage());
    }
}
