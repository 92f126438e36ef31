package io.ictal.api.model;

/**
 * A model cannot be run: no model serves a task, an input does not fit the card, the model was
 * unloaded, or the engine failed. The message names the model (or task) and the tensor concerned.
 */
public class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
