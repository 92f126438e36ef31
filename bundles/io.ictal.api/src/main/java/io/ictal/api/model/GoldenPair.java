package io.ictal.api.model;

import java.util.Map;
import java.util.Objects;

/**
 * A reference input and the output the training framework computed for it. The runtime replays it
 * before a model serves: an export bug or a runtime difference shows up as a rejected bundle, not
 * as wrong detections.
 *
 * @param inputs one tensor per graph input, by name
 * @param outputs expected tensors for some or all graph outputs, by name
 * @param tolerance largest accepted absolute difference per element (&gt; 0)
 */
public record GoldenPair(Map<String, FloatTensor> inputs, Map<String, FloatTensor> outputs, double tolerance) {

    public GoldenPair {
        inputs = Map.copyOf(Objects.requireNonNull(inputs, "inputs"));
        outputs = Map.copyOf(Objects.requireNonNull(outputs, "outputs"));
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new IllegalArgumentException("golden inputs and outputs must not be empty");
        }
        Checks.requirePositive(tolerance, "golden tolerance");
    }
}
