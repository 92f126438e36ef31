package io.ictal.api.detection;

import java.util.Objects;

/**
 * Which model produced a result.
 *
 * @param id model id from its card, e.g. {@code ictal-seizure-cnn}
 * @param version model version from its card
 * @param sha256 hex SHA-256 of the model file (64 lower-case hex digits)
 */
public record ModelIdentity(String id, String version, String sha256) {

    public ModelIdentity {
        Detection.requireText(id, "id");
        Detection.requireText(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, was '" + sha256 + "'");
        }
    }
}
