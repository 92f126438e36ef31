package io.ictal.api.detection;

/**
 * A classifier cannot run on a recording: no active model for its task, a channel the model needs
 * is missing, a sampling rate it cannot use. The message says which and what was expected.
 */
public class ClassificationException extends Exception {

    private static final long serialVersionUID = 1L;

    public ClassificationException(String message) {
        super(message);
    }

    public ClassificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
