package io.ictal.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.spectrogram.StftParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCardTest {

    static final String HASH = "ab".repeat(32);
    static final TensorSpec IMAGE = new TensorSpec("image", List.of(-1L, 3L, 64L, 64L), TensorType.FLOAT32);
    static final TensorSpec PROBS = new TensorSpec("probabilities", List.of(-1L, 2L), TensorType.FLOAT32);
    static final InputContract INPUT = new InputContract(List.of(IMAGE), 256, 4, 1,
            new SpectrogramInput.Stft(StftParameters.of(1, 0.0625)), "bipolar-double-banana", List.of("Fp1-F7"), Normalisation.none());
    static final GoldenPair GOLDEN = new GoldenPair(
            Map.of("image", FloatTensor.of(new long[] {1, 3, 64, 64}, new float[3 * 64 * 64])),
            Map.of("probabilities", FloatTensor.of(new long[] {1, 2}, new float[] {0.9f, 0.1f})), 1e-4);

    static ModelCard card(String version, List<String> labels, Map<String, Double> thresholds) {
        return new ModelCard("ictal-seizure-cnn", ModelCard.TASK_SEIZURE_DETECTION, version, "model/detector.onnx",
                Map.of("model/detector.onnx", HASH), INPUT, List.of(PROBS), labels, thresholds,
                List.of(new TrainingData("CHB-MIT", "Shoeb 2009", "")), List.of(new Metric("balanced-accuracy", 0.9, "test")),
                GOLDEN);
    }

    @Test
    void validCardKeepsItsContract() {
        ModelCard c = card("1.2.3", List.of("background", "seizure"), Map.of("seizure", 0.5));
        assertEquals(HASH, c.graphSha256());
        assertEquals(256, c.input().samplingRateHz());
        assertEquals(0.0625, ((SpectrogramInput.Stft) c.input().spectrogram()).parameters().hopSeconds());
        assertEquals("stft", c.input().spectrogram().kind());
    }

    @Test
    void cardRejectsBadVersionLabelsThresholdsAndHashes() {
        List<String> labels = List.of("background", "seizure");
        assertThrows(IllegalArgumentException.class, () -> card("1.2", labels, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> card("1.0.0", List.of("seizure"), Map.of()),
                "two classes on the output axis need two labels");
        assertThrows(IllegalArgumentException.class, () -> card("1.0.0", labels, Map.of("artefact", 0.5)));
        assertThrows(IllegalArgumentException.class, () -> card("1.0.0", labels, Map.of("seizure", 1.5)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelCard("m", "seizure-detection", "1.0.0", "a.onnx", Map.of("b.onnx", HASH), INPUT,
                        List.of(PROBS), labels, Map.of(), List.of(), List.of(), GOLDEN));
        assertTrue(e.getMessage().contains("a.onnx"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ModelCard("m", "seizure-detection", "1.0.0", "a.onnx", Map.of("a.onnx", "ABC"), INPUT,
                        List.of(PROBS), labels, Map.of(), List.of(), List.of(), GOLDEN));
    }

    @Test
    void goldenPairMustCoverTheGraphInputs() {
        GoldenPair wrongName = new GoldenPair(Map.of("x", FloatTensor.of(new long[] {1}, new float[1])),
                GOLDEN.outputs(), 1e-4);
        assertThrows(IllegalArgumentException.class,
                () -> new ModelCard("m", "seizure-detection", "1.0.0", "a.onnx", Map.of("a.onnx", HASH), INPUT,
                        List.of(PROBS), List.of("a", "b"), Map.of(), List.of(), List.of(), wrongName));
    }

    @Test
    void tensorSpecNeedsDynamicBatchAxisAndChecksShapes() {
        assertThrows(IllegalArgumentException.class,
                () -> new TensorSpec("x", List.of(1L, 3L), TensorType.FLOAT32));
        assertThrows(IllegalArgumentException.class,
                () -> new TensorSpec("x", List.of(-1L, 0L), TensorType.FLOAT32));
        assertTrue(IMAGE.accepts(new long[] {64, 3, 64, 64}));
        assertFalse(IMAGE.accepts(new long[] {1, 1, 64, 64}));
        assertFalse(IMAGE.accepts(new long[] {1, 3, 64}));
        assertEquals(TensorType.FLOAT32, TensorType.fromCardName("float32"));
        assertThrows(IllegalArgumentException.class, () -> TensorType.fromCardName("int8"));
    }

    @Test
    void floatTensorIsImmutableAndChecksItsSize() {
        float[] data = {1, 2, 3, 4, 5, 6};
        FloatTensor t = FloatTensor.of(new long[] {2, 3}, data);
        data[0] = 99;
        t.data()[1] = 99;
        assertEquals(1, t.get(0));
        assertEquals(2, t.get(1));
        assertEquals(3, t.dim(1));
        assertThrows(IllegalArgumentException.class, () -> FloatTensor.of(new long[] {2, 2}, data));
        assertThrows(IllegalArgumentException.class, () -> FloatTensor.of(new long[] {0}, new float[0]));
        assertEquals(0.5, t.maxAbsDifference(FloatTensor.of(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6.5f})), 1e-6);
        assertEquals(Double.POSITIVE_INFINITY, t.maxAbsDifference(FloatTensor.of(new long[] {6}, t.data())));
        assertEquals("FloatTensor[2, 3]", t.toString());
    }

    @Test
    void statusOfRejectedModelNeedsReasonAndValidOneNeedsCard() {
        ModelCard c = card("1.0.0", List.of("background", "seizure"), Map.of());
        assertEquals("CPU", new ModelStatus("b 1.0.0", "model/card.json", ModelState.ACTIVE, c, "CPU", "").executionProvider());
        assertTrue(new ModelStatus("b 1.0.0", "model/card.json", ModelState.REJECTED, null, "", "bad hash")
                .parsedCard().isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> new ModelStatus("b", "card.json", ModelState.REJECTED, null, "", ""));
        assertThrows(NullPointerException.class,
                () -> new ModelStatus("b", "card.json", ModelState.STANDBY, null, "CPU", ""));
        assertThrows(IllegalArgumentException.class,
                () -> new ModelStatus("b", "card.json", ModelState.ACTIVE, c, "CPU", "why"));
    }

    @Test
    void normalisationNeedsPositiveStdOfMatchingSize() {
        assertEquals(2, new Normalisation("log10", List.of(1.0, 2.0), List.of(0.5, 0.5)).std().size());
        assertThrows(IllegalArgumentException.class, () -> new Normalisation("z", List.of(1.0), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Normalisation("z", List.of(1.0), List.of(0.0)));
    }
}
