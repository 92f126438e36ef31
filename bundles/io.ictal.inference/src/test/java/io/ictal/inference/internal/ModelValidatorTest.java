package io.ictal.inference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.ModelException;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelValidatorTest {

    private final ModelValidator validator = new ModelValidator(Fixtures.RUNTIME);

    @Test
    void validBundleLoadsAndRunsAnyBatchSize() throws Exception {
        ModelValidator.ValidModel model = validator.validate(Fixtures.jar(Fixtures.V1), "model/card.json");
        try {
            assertEquals("CPU", model.session().executionProvider());
            SessionModel served = SessionModel.perCall(model.card(), model.session());
            FloatTensor one = served.run(Fixtures.batch(model.card(), 1));
            FloatTensor many = served.run(Fixtures.batch(model.card(), 64));
            assertEquals(2, one.dim(1));
            assertEquals(64, many.dim(0));
            // Every row of the batch is the same image, so every row gives the single image's answer.
            for (int row = 0; row < 64; row++) {
                assertEquals(one.get(0), many.get(2 * row), 1e-6);
                assertEquals(one.get(1), many.get(2 * row + 1), 1e-6);
            }
            assertEquals(Fixtures.goldenOutput(model.card()).get(0), one.get(0), 1e-4);
        } finally {
            model.session().retire();
        }
    }

    @Test
    void wrongInputsAreTypedErrorsNamingTensorAndShape() throws Exception {
        ModelValidator.ValidModel model = validator.validate(Fixtures.jar(Fixtures.V1), "model/card.json");
        try {
            SessionModel served = SessionModel.perCall(model.card(), model.session());
            ModelException e = assertThrows(ModelException.class,
                    () -> served.run(FloatTensor.of(new long[] {1, 1, 8, 8}, new float[64])));
            assertEquals("model ictal-demo 1.0.0: input 'image' has shape [1, 1, 8, 8], expected [-1, 3, 8, 8]"
                    + " (-1: any size)", e.getMessage());
            e = assertThrows(ModelException.class, () -> served.run(Map.of("pixels", Fixtures.batch(model.card(), 1))));
            assertTrue(e.getMessage().contains("input 'image' is missing"), e.getMessage());
        } finally {
            model.session().retire();
        }
        ModelException unloaded = assertThrows(ModelException.class,
                () -> SessionModel.perCall(model.card(), model.session()).run(Fixtures.batch(model.card(), 1)));
        assertTrue(unloaded.getMessage().contains("has been unloaded"), unloaded.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bad-hash.jar     | model/demo.onnx: SHA-256 is ",
        "wrong-shape.jar  | model/demo.onnx: input 'image' has shape [-1, 1, 8, 8] but the card says [-1, 3, 8, 8]",
        "garbage-onnx.jar | model/demo.onnx: ONNX Runtime cannot load the graph",
        "missing-card.jar | model/card.json: card not found in the bundle",
        "bad-golden.jar   | model/demo.onnx: golden output 'probabilities' differs by",
    })
    void corruptBundlesAreRejectedWithTheReason(String jar, String reason) {
        ModelBundleException e = assertThrows(ModelBundleException.class,
                () -> validator.validate(Fixtures.jar(jar), "model/card.json"));
        assertTrue(e.getMessage().startsWith(reason), e.getMessage());
    }

    @Test
    void cudaRequestedOnTheCpuBuildFallsBackToCpu() throws Exception {
        Assumptions.assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
                "the embedded ONNX Runtime is the GPU build (mvn -Pcuda): the CPU fallback is not what runs here");
        OrtRuntime cuda = new OrtRuntime(new RuntimeSettings(1, 1, false, RuntimeSettings.CUDA, 0));
        ModelValidator.ValidModel model = new ModelValidator(cuda).validate(Fixtures.jar(Fixtures.V1),
                "model/card.json");
        try {
            // The test class path holds the CPU jar only; a GPU build on a GPU machine would say CUDA.
            assertEquals("CPU", model.session().executionProvider());
        } finally {
            model.session().retire();
        }
    }

    @Test
    void settingsRejectUnknownProviderAndNegativeThreads() {
        assertThrows(IllegalArgumentException.class, () -> new RuntimeSettings(1, 1, false, "TPU", 0));
        assertThrows(IllegalArgumentException.class, () -> new RuntimeSettings(-1, 1, false, "CPU", 0));
    }
}
