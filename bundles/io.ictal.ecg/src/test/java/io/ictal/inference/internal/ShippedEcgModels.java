package io.ictal.inference.internal;

import io.ictal.api.model.ModelRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ECG models exactly as Karaf serves them: the io.ictal.model.ecg bundle's files (on the test
 * class path) validated and loaded by the inference runtime's own catalog (card, SHA-256, ONNX
 * Runtime load, tensor checks, golden pair). Lives in the runtime's package because its catalog is
 * internal; test code only.
 */
public final class ShippedEcgModels {

    /** The cards the model bundle's Ictal-Model header names (bundles/io.ictal.model.ecg/bnd.bnd). */
    public static final List<String> CARDS = List.of("model/beat-card.json", "model/rhythm-card.json");

    private ShippedEcgModels() {
    }

    /**
     * A registry holding the shipped models, or one holding nothing when a model is rejected (its
     * {@code models()} then names the reason).
     */
    public static ModelRegistry registry() {
        ModelCatalog catalog = new ModelCatalog(new ModelValidator(new OrtRuntime(RuntimeSettings.cpu(1))),
                (model, properties) -> () -> { }, Map.of());
        catalog.add("io.ictal.model.ecg", new ClassPathSource());
        return catalog;
    }

    /** Parses card JSON exactly as the runtime does (for tests that alter a shipped card). */
    public static io.ictal.api.model.ModelCard parseCard(String path, byte[] json) {
        try {
            return CardParser.parse(path, json);
        } catch (ModelBundleException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A file of the model bundle (on the test class path). */
    public static byte[] file(String path) throws IOException {
        return new ClassPathSource().read(path).orElseThrow(() -> new IOException("no " + path + " on the class path"));
    }

    private static final class ClassPathSource implements ModelSource {
        @Override
        public String name() {
            return "io.ictal.model.ecg (test class path)";
        }

        @Override
        public List<String> cardPaths() {
            return CARDS;
        }

        @Override
        public Optional<byte[]> read(String path) throws IOException {
            try (InputStream in = ShippedEcgModels.class.getClassLoader().getResourceAsStream(path)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            }
        }
    }
}
