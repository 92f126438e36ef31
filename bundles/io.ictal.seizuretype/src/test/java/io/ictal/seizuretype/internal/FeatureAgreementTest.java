package io.ictal.seizuretype.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.model.ModelCard;
import io.ictal.api.recording.Recording;
import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.edf.internal.EdfRecordingWriterService;
import io.ictal.inference.internal.SeizureTypeModelBundle;
import io.ictal.simulator.internal.EegSimulatorComponent;
import io.ictal.simulator.internal.SimulatorMain;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classifier's model input equals the training pipeline's (training/seizure_type/features.py,
 * fixture written by make_fixtures.py) on the same simulated recording, with the shipped card's
 * parameters: the same channels, window start and multi-spectral stack.
 */
class FeatureAgreementTest {

    @TempDir
    Path dir;

    @Test
    void javaStacksEqualThePythonOnesWithTheCardsParameters() throws Exception {
        JsonObject fixture;
        try (var in = getClass().getResourceAsStream("/fixtures/features-agreement.json")) {
            fixture = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
        ModelCard card = SeizureTypeModelBundle.registry().active(ModelCard.TASK_SEIZURE_TYPE).orElseThrow();
        SeizureTypeClassifier.Input input = SeizureTypeClassifier.inputOf(card);
        JsonObject p = fixture.getAsJsonObject("multiSpectral");
        assertEquals(p.get("hopSeconds").getAsDouble(), input.parameters().hopSeconds(), "card = training hop");
        assertEquals(p.get("bins").getAsInt(), input.parameters().bins());
        assertEquals(p.get("minHz").getAsDouble(), input.parameters().minHz());
        assertEquals(p.get("resampleToHz").getAsDouble(), input.parameters().resampleToHz());
        assertEquals(p.getAsJsonArray("layers").size(), input.parameters().layers().size());
        assertEquals(fixture.get("windowSeconds").getAsDouble(), input.windowSeconds());

        List<String> args = new ArrayList<>(List.of(dir.resolve("agreement.edf").toString()));
        fixture.getAsJsonArray("simulatorArgs").forEach(a -> args.add(a.getAsString()));
        SimulatorMain.Options options = SimulatorMain.parse(args);
        new EegSimulatorComponent(new EdfRecordingWriterService()).write(options.spec(), options.file());
        try (Recording recording = new EdfRecordingReader().open(options.file())) {
            int[] signals = SeizureTypeClassifier.eegSignals(recording.header());
            assertEquals(fixture.getAsJsonArray("channels").size(), signals.length);
            ModelIdentity anyModel = new ModelIdentity("m", "1.0.0", "0".repeat(64));
            for (JsonElement e : fixture.getAsJsonArray("events")) {
                JsonObject event = e.getAsJsonObject();
                Detection d = new Detection("seizure-0001", "seizure-detection", "seizure",
                        event.get("onset").getAsDouble(), 10, List.of(), 1, anyModel, Map.of(), null);
                double start = SeizureTypeClassifier.windowStart(recording, d, input.windowSeconds());
                assertEquals(event.get("start").getAsDouble(), start, 1e-9, "window start");
                float[][][][] stacks = TestServices.SPECTROGRAM.multiSpectral(recording, signals, start,
                        input.windowSeconds(), input.parameters());
                float[] java = SeizureTypeClassifier.tensor(stacks, input).data();
                JsonArray python = event.getAsJsonArray("data");
                assertEquals(python.size(), java.length, "tensor size");
                double worst = 0;
                for (int i = 0; i < java.length; i++) {
                    worst = Math.max(worst, Math.abs(java[i] - python.get(i).getAsDouble()));
                }
                assertTrue(worst < 1e-3, "largest difference (log10 magnitude) " + worst + " at onset "
                        + event.get("onset"));
            }
        }
    }
}
