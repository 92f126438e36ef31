package io.ictal.api.model;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A validated model, ready to run. The inference bundle registers one service per valid model
 * with the properties named below, so a classifier that must use one particular model selects it
 * with a {@code target} filter; most classifiers instead lease the active model of their task from
 * {@link ModelRegistry}. Thread-safe: any number of threads may run at once.
 */
@ProviderType
public interface Model {

    /** Service property: the card's task. */
    String TASK = "task";
    /** Service property: the card's id. */
    String ID = "model.id";
    /** Service property: the card's version. */
    String VERSION = "model.version";
    /** Service property: SHA-256 of the graph file. */
    String SHA256 = "model.sha256";
    /** Service property: where the model actually runs, e.g. {@code CPU} or {@code CUDA}. */
    String EXECUTION_PROVIDER = "execution.provider";

    ModelCard card();

    /** Where inference actually runs ({@code CPU}, {@code CUDA}), which may differ from what was configured. */
    String executionProvider();

    /**
     * Runs the graph on a batch.
     *
     * @param inputs one tensor per graph input, by name, any batch size on the first axis
     * @return every graph output by name, with the same batch size
     * @throws ModelException when an input is missing or has the wrong shape (the message names the
     *     model, the tensor and the expected shape), when the model has been unloaded, or when the
     *     engine fails
     */
    Map<String, FloatTensor> run(Map<String, FloatTensor> inputs);

    /** Runs a single-input graph and returns its first output. */
    default FloatTensor run(FloatTensor input) {
        ModelCard card = card();
        if (card.input().tensors().size() != 1) {
            throw new ModelException("model " + card.id() + " " + card.version() + " has "
                    + card.input().tensors().size() + " inputs; call run(Map) with all of them");
        }
        String in = card.input().tensors().get(0).name();
        return run(Map.of(in, input)).get(card.outputs().get(0).name());
    }
}
