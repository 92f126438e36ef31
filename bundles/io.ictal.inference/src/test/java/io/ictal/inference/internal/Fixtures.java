package io.ictal.inference.internal;

import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.ModelCard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The demo model bundles: one shared ONNX Runtime for all tests (it is a per-JVM singleton anyway). */
final class Fixtures {

    static final String V1 = "io.ictal.model.demo-1.0.0.jar";
    static final String V11 = "io.ictal.model.demo-1.1.0.jar";
    static final String TASK = ModelCard.TASK_SEIZURE_DETECTION;
    static final OrtRuntime RUNTIME = new OrtRuntime(RuntimeSettings.cpu(1));

    private Fixtures() {
    }

    /** A jar of src/test/resources/modelbundles, e.g. {@code io.ictal.model.demo-1.0.0.jar}. */
    static JarModelSource jar(String name) {
        URL url = Fixtures.class.getResource("/modelbundles/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test model bundle " + name);
        }
        try {
            return new JarModelSource(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ModelCard card(String jar) {
        JarModelSource source = jar(jar);
        try {
            return CardParser.parse("model/card.json", source.read("model/card.json").orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ModelBundleException e) {
            throw new AssertionError(e);
        }
    }

    static FloatTensor goldenInput(ModelCard card) {
        return card.golden().inputs().get("image");
    }

    static FloatTensor goldenOutput(ModelCard card) {
        return card.golden().outputs().get("probabilities");
    }

    /** {@code n} copies of the first image of the golden input. */
    static FloatTensor batch(ModelCard card, int n) {
        FloatTensor golden = goldenInput(card);
        int image = golden.size() / (int) golden.dim(0);
        float[] data = new float[n * image];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < image; j++) {
                data[i * image + j] = golden.get(j);
            }
        }
        long[] shape = golden.shape();
        shape[0] = n;
        return FloatTensor.of(shape, data);
    }
}
