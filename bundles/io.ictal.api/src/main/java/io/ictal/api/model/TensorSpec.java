package io.ictal.api.model;

import java.util.List;
import java.util.Objects;

/**
 * One named input or output of a model graph.
 *
 * @param name tensor name in the graph
 * @param shape dimensions; {@value #DYNAMIC} marks a dynamic axis. The first axis is the batch axis
 *     and must be dynamic so that one model serves a single window and a batch alike
 * @param type element type
 */
public record TensorSpec(String name, List<Long> shape, TensorType type) {

    /** Marks a dimension whose size the caller chooses. */
    public static final long DYNAMIC = -1;

    public TensorSpec {
        Checks.requireText(name, "tensor name");
        shape = List.copyOf(Objects.requireNonNull(shape, "shape"));
        Objects.requireNonNull(type, "type");
        if (shape.isEmpty() || shape.get(0) != DYNAMIC) {
            throw new IllegalArgumentException("tensor '" + name + "': shape must start with the dynamic batch axis "
                    + DYNAMIC + ", was " + shape);
        }
        for (long d : shape) {
            if (d != DYNAMIC && d < 1) {
                throw new IllegalArgumentException("tensor '" + name + "': dimensions must be >= 1 or " + DYNAMIC
                        + ", was " + shape);
            }
        }
    }

    /**
     * Whether {@code actual} (a concrete tensor's shape) fits: same rank and every fixed dimension equal.
     */
    public boolean accepts(long[] actual) {
        if (actual.length != shape.size()) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            long expected = shape.get(i);
            if (expected != DYNAMIC && expected != actual[i]) {
                return false;
            }
        }
        return true;
    }
}
