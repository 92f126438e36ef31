package io.ictal.viewer.spi;

import java.util.Objects;

/**
 * The model that produced a marker, so a reviewer can tell which version said what.
 *
 * @param id model identifier, e.g. {@code ictal-seizure-cnn}
 * @param version model version, e.g. {@code 1.2.0}
 * @param sha256 hex SHA-256 of the model file (64 lower-case hex digits)
 */
public record ModelRef(String id, String version, String sha256) {

    public ModelRef {
        requireText(id, "id");
        requireText(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, was '" + sha256 + "'");
        }
    }

    static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
