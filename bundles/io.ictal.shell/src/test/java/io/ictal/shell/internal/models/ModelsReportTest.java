package io.ictal.shell.internal.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.GoldenPair;
import io.ictal.api.model.InputContract;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelState;
import io.ictal.api.model.ModelStatus;
import io.ictal.api.model.Normalisation;
import io.ictal.api.model.SpectrogramInput;
import io.ictal.api.model.TensorSpec;
import io.ictal.api.model.TensorType;
import io.ictal.shell.internal.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelsReportTest {

    private static final String HASH = "0123456789abcdef".repeat(4);

    private static ModelCard card(String version) {
        TensorSpec in = new TensorSpec("image", List.of(-1L, 3L, 8L, 8L), TensorType.FLOAT32);
        TensorSpec out = new TensorSpec("probabilities", List.of(-1L, 2L), TensorType.FLOAT32);
        GoldenPair golden = new GoldenPair(Map.of("image", FloatTensor.of(new long[] {1, 3, 8, 8}, new float[192])),
                Map.of("probabilities", FloatTensor.of(new long[] {1, 2}, new float[] {0.5f, 0.5f})), 1e-4);
        return new ModelCard("ictal-demo", "seizure-detection", version, "model/demo.onnx",
                Map.of("model/demo.onnx", HASH), new InputContract(List.of(in), 256, 4, 1, new SpectrogramInput.RawSamples(), "referential",
                        List.of(), Normalisation.none()),
                List.of(out), List.of("background", "seizure"), Map.of(), List.of(), List.of(), golden);
    }

    private static final List<ModelStatus> STATUSES = List.of(
            new ModelStatus("io.ictal.model.demo 1.0.0", "model/card.json", ModelState.STANDBY, card("1.0.0"), "CPU", ""),
            new ModelStatus("io.ictal.model.demo 1.1.0", "model/card.json", ModelState.ACTIVE, card("1.1.0"), "CPU", ""),
            new ModelStatus("io.ictal.model.broken 1.0.0", "model/card.json", ModelState.REJECTED, null, "",
                    "model/card.json: card not found in the bundle"));

    @Test
    void textListsStateVersionShortHashProviderAndReason() {
        String text = ModelsReport.of(STATUSES).toText();
        List<String> lines = text.lines().toList();
        assertEquals(5, lines.size(), text);
        assertTrue(lines.get(0).startsWith("TASK "), text);
        assertEquals("seizure-detection  STANDBY   ictal-demo                   1.0.0     0123456789ab  CPU   "
                + "io.ictal.model.demo 1.0.0", lines.get(1));
        assertTrue(lines.get(2).contains("ACTIVE    ictal-demo                   1.1.0"), text);
        assertTrue(lines.get(3).startsWith("-                  REJECTED  -"), text);
        assertEquals("    rejected: model/card.json: card not found in the bundle", lines.get(4));
    }

    @Test
    void jsonHasFullHashesAndNullsForUnknowns() {
        JsonArray models = JsonParser.parseString(Json.write(ModelsReport.of(STATUSES))).getAsJsonObject()
                .getAsJsonArray("models");
        JsonObject active = models.get(1).getAsJsonObject();
        assertEquals("ACTIVE", active.get("state").getAsString());
        assertEquals(HASH, active.get("sha256").getAsString());
        assertEquals("CPU", active.get("executionProvider").getAsString());
        assertTrue(active.get("reason").isJsonNull());
        JsonObject rejected = models.get(2).getAsJsonObject();
        assertTrue(rejected.get("version").isJsonNull());
        assertEquals("model/card.json: card not found in the bundle", rejected.get("reason").getAsString());
    }

    @Test
    void emptyRegistrySaysHowToAddAModel() {
        assertTrue(ModelsReport.of(List.of()).toText().startsWith("No model bundles installed."));
    }
}
