package io.ictal.api.review;

/**
 * The review queue could not do what was asked: the database is unreachable or refused, an item
 * does not exist, a configuration value is wrong. The message names the database (never its
 * password), the item or the setting, and what was expected.
 */
public class ReviewException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReviewException(String message) {
        super(message);
    }

    public ReviewException(String message, Throwable cause) {
        super(message, cause);
    }
}
