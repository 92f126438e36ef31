package io.ictal.inference.internal;

import io.ictal.api.model.ModelRegistry;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shipped seizure-type model bundle (io.ictal.model.seizure.type on the test class path), validated
 * and served by the inference runtime's own catalog as in Karaf (card, SHA-256, ONNX Runtime load, tensor
 * checks, golden pair), without a framework. In the runtime's package because its catalog is
 * package-private; test code only.
 */
public final class SeizureTypeModelBundle {

    private static ModelCatalog catalog;

    private SeizureTypeModelBundle() {
    }

    /** A registry serving the shipped model (one per JVM). */
    public static synchronized ModelRegistry registry() throws Exception {
        if (catalog == null) {
            URL card = SeizureTypeModelBundle.class.getClassLoader().getResource("model/card.json");
            if (card == null || !"jar".equals(card.getProtocol())) {
                throw new IllegalStateException("model/card.json must come from the io.ictal.model.seizure.type jar "
                        + "on the test class path (build that bundle first), came from " + card);
            }
            Path jar = Path.of(((JarURLConnection) card.openConnection()).getJarFileURL().toURI());
            ModelCatalog c = new ModelCatalog(new ModelValidator(new OrtRuntime(RuntimeSettings.cpu(2))),
                    (model, properties) -> () -> { }, Map.of());
            c.add("io.ictal.model.seizure.type", new JarModelSource(jar));
            if (c.active("seizure-type").isEmpty()) {
                throw new IllegalStateException("the shipped seizure-type model was rejected: " + c.models());
            }
            catalog = c;
        }
        return catalog;
    }
}
