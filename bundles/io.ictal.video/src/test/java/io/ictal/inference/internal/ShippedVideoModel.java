package io.ictal.inference.internal;

import io.ictal.api.model.ModelRegistry;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shipped video semiology model bundle (io.ictal.model.video.gestures on the test class path),
 * validated and served by the inference runtime's own catalog exactly as in Karaf (cards, SHA-256,
 * ONNX Runtime load, tensor checks, golden pairs), without a framework. In the runtime's package
 * because its catalog is package-private; test code only.
 */
public final class ShippedVideoModel {

    private static ModelCatalog catalog;

    private ShippedVideoModel() {
    }

    public static Path jar() throws Exception {
        URL card = ShippedVideoModel.class.getClassLoader().getResource("model/stcnn.json");
        if (card == null || !"jar".equals(card.getProtocol())) {
            throw new IllegalStateException("model/stcnn.json must come from the model bundle jar (build "
                    + "bundles/io.ictal.model.video.gestures first), came from " + card);
        }
        return Path.of(((JarURLConnection) card.openConnection()).getJarFileURL().toURI());
    }

    /** A registry serving both graphs of the shipped bundle. */
    public static synchronized ModelRegistry registry() throws Exception {
        if (catalog == null) {
            ModelCatalog c = new ModelCatalog(new ModelValidator(new OrtRuntime(RuntimeSettings.cpu(2))),
                    (model, properties) -> () -> { }, Map.of());
            c.add("io.ictal.model.video.gestures", new JarModelSource(jar()));
            if (c.active("video-semiology").isEmpty() || c.active("video-semiology-snippet").isEmpty()) {
                throw new IllegalStateException("the shipped video model was rejected: " + c.models());
            }
            catalog = c;
        }
        return catalog;
    }
}
