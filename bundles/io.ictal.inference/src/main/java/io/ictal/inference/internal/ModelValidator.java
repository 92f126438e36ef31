package io.ictal.inference.internal;

import ai.onnxruntime.OrtException;
import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelException;
import io.ictal.api.model.TensorSpec;
import io.ictal.inference.internal.LoadedSession.GraphTensor;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Checks one model of a model bundle before it may serve: the card parses, every file's SHA-256
 * matches, ONNX Runtime loads the graph, the graph's tensor names, shapes and types match the card,
 * and the golden input gives the golden output within the card's tolerance.
 */
final class ModelValidator {

    /** A model that passed every check, with its session (one use held by nobody yet). */
    record ValidModel(ModelCard card, LoadedSession session) {
    }

    private final OrtRuntime runtime;

    ModelValidator(OrtRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * @throws ModelBundleException naming the file, the field and what was expected
     */
    ValidModel validate(ModelSource source, String cardPath) throws ModelBundleException {
        ModelCard card = CardParser.parse(cardPath, read(source, cardPath, "card"));
        byte[] graph = null;
        for (Map.Entry<String, String> file : card.sha256().entrySet()) {
            byte[] content = read(source, file.getKey(), "file listed in the card's sha256");
            String actual = sha256(content);
            if (!actual.equals(file.getValue())) {
                throw new ModelBundleException(file.getKey(), "SHA-256 is " + actual + " but " + cardPath
                        + " field 'sha256' says " + file.getValue());
            }
            if (file.getKey().equals(card.graph())) {
                graph = content;
            }
        }
        LoadedSession session = runtime.load(card.graph(), graph);
        try {
            checkTensors(card.graph(), "input", card.input().tensors(), session.inputs());
            checkTensors(card.graph(), "output", card.outputs(), session.outputs());
            checkGolden(card, session);
            return new ValidModel(card, session);
        } catch (ModelBundleException | RuntimeException e) {
            session.retire();
            throw e;
        } catch (OrtException e) {
            session.retire();
            throw new ModelBundleException(card.graph(), "ONNX Runtime cannot describe the graph: " + e.getMessage(), e);
        }
    }

    private static byte[] read(ModelSource source, String path, String what) throws ModelBundleException {
        try {
            return source.read(path).orElseThrow(() -> new ModelBundleException(path, what + " not found in the bundle"));
        } catch (IOException e) {
            throw new ModelBundleException(path, "cannot read the " + what + ": " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void checkTensors(String graphFile, String kind, List<TensorSpec> card, Map<String, GraphTensor> graph)
            throws ModelBundleException {
        List<String> cardNames = card.stream().map(TensorSpec::name).sorted().toList();
        List<String> graphNames = graph.keySet().stream().sorted().toList();
        if (!cardNames.equals(graphNames)) {
            throw new ModelBundleException(graphFile, "the graph's " + kind + "s are " + graphNames + " but the card says "
                    + cardNames);
        }
        for (TensorSpec spec : card) {
            GraphTensor actual = graph.get(spec.name());
            if (!actual.isFloat()) {
                throw new ModelBundleException(graphFile, kind + " '" + spec.name() + "' has type " + actual.type()
                        + " but the card says " + spec.type().cardName());
            }
            if (!fits(spec.shape(), actual.shape())) {
                throw new ModelBundleException(graphFile, kind + " '" + spec.name() + "' has shape "
                        + Arrays.toString(actual.shape()) + " but the card says " + spec.shape()
                        + " (-1: dynamic; the batch axis must be dynamic in the graph too)");
            }
        }
    }

    /** Same rank, a dynamic batch axis, and every other axis the graph fixes equal to the card's. */
    private static boolean fits(List<Long> card, long[] graph) {
        if (graph.length != card.size() || graph[0] != TensorSpec.DYNAMIC) {
            return false;
        }
        for (int i = 1; i < graph.length; i++) {
            if (graph[i] != TensorSpec.DYNAMIC && graph[i] != card.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static void checkGolden(ModelCard card, LoadedSession session) throws ModelBundleException {
        for (TensorSpec spec : card.input().tensors()) {
            FloatTensor in = card.golden().inputs().get(spec.name());
            if (!spec.accepts(in.shape())) {
                throw new ModelBundleException(card.graph(), "golden input '" + spec.name() + "' has shape "
                        + Arrays.toString(in.shape()) + " but the card's input is " + spec.shape());
            }
        }
        Map<String, FloatTensor> actual;
        try {
            actual = session.run(card.golden().inputs(), card.id() + " " + card.version());
        } catch (ModelException e) {
            throw new ModelBundleException(card.graph(), "the golden input does not run: " + e.getMessage(), e);
        }
        for (Map.Entry<String, FloatTensor> expected : card.golden().outputs().entrySet()) {
            double difference = expected.getValue().maxAbsDifference(actual.get(expected.getKey()));
            if (!(difference <= card.golden().tolerance())) {
                throw new ModelBundleException(card.graph(), "golden output '" + expected.getKey() + "' differs by "
                        + (Double.isInfinite(difference) ? "shape or NaN" : String.format("%.3g", difference))
                        + " (tolerance " + card.golden().tolerance() + "): the graph does not compute what was trained");
            }
        }
    }
}
