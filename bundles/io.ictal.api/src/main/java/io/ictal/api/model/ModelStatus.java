package io.ictal.api.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One model as administrators see it.
 *
 * @param bundle symbolic name and version of the model bundle, e.g. {@code io.ictal.model.demo 1.1.0}
 * @param cardPath where the card is (or was expected) in that bundle
 * @param state active, standby or rejected
 * @param card the parsed card; {@code null} only when the card itself could not be read
 * @param executionProvider where it runs ({@code CPU}, {@code CUDA}); empty when rejected
 * @param reason why it was rejected; empty otherwise
 */
public record ModelStatus(String bundle, String cardPath, ModelState state, ModelCard card,
        String executionProvider, String reason) {

    public ModelStatus {
        Checks.requireText(bundle, "bundle");
        Checks.requireText(cardPath, "cardPath");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(executionProvider, "executionProvider");
        Objects.requireNonNull(reason, "reason");
        if (state == ModelState.REJECTED) {
            Checks.requireText(reason, "reason of a rejected model");
        } else {
            Objects.requireNonNull(card, "card of a valid model");
            Checks.requireText(executionProvider, "executionProvider of a valid model");
            if (!reason.isEmpty()) {
                throw new IllegalArgumentException("a valid model has no rejection reason, was '" + reason + "'");
            }
        }
    }

    /** The card, when it could be parsed. */
    public Optional<ModelCard> parsedCard() {
        return Optional.ofNullable(card);
    }
}
