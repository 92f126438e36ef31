package io.ictal.inference.internal;

/**
 * A model bundle is invalid. The message names the bundle, the file in it and, where there is
 * one, the field, and says what was expected; it is what administrators read in the log and in
 * {@code ictal:models}.
 */
final class ModelBundleException extends Exception {

    private static final long serialVersionUID = 1L;

    ModelBundleException(String file, String problem) {
        super(file + ": " + problem);
    }

    ModelBundleException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
