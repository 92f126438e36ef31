package io.ictal.inference.internal;

import io.ictal.api.model.ModelRegistry;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shipped detector model bundle (io.ictal.model.seizure.cnn on the test class path), validated and
 * served by the inference runtime's own catalog, exactly as in Karaf (card, SHA-256, ONNX Runtime load,
 * tensor checks, golden pair), but without a framework. Lives in the runtime's package because its
 * catalog is package-private; test code only.
 */
public final class ShippedModel {

    private static ModelCatalog catalog;

    private ShippedModel() {
    }

    /** The model bundle jar on the class path. */
    public static Path jar() throws Exception {
        URL card = ShippedModel.class.getClassLoader().getResource("model/card.json");
        if (card == null) {
            throw new IllegalStateException("model/card.json is not on the test class path: build "
                    + "bundles/io.ictal.model.seizure.cnn first");
        }
        if (!"jar".equals(card.getProtocol())) {
            throw new IllegalStateException("model/card.json must come from the model bundle jar, came from " + card);
        }
        return Path.of(((JarURLConnection) card.openConnection()).getJarFileURL().toURI());
    }

    /** A registry serving the shipped model (one per JVM: ONNX Runtime is a per-JVM singleton anyway). */
    public static synchronized ModelRegistry registry() throws Exception {
        if (catalog == null) {
            ModelCatalog c = new ModelCatalog(new ModelValidator(new OrtRuntime(RuntimeSettings.cpu(2))),
                    (model, properties) -> () -> { }, Map.of());
            c.add("io.ictal.model.seizure.cnn", new JarModelSource(jar()));
            if (c.active("seizure-detection").isEmpty()) {
                throw new IllegalStateException("the shipped model was rejected: " + c.models());
            }
            catalog = c;
        }
        return catalog;
    }
}
