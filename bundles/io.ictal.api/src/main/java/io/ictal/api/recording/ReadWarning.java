package io.ictal.api.recording;

import java.util.Objects;

/**
 * A deviation a lenient read overlooked.
 *
 * @param field the header field or structure, e.g. {@code signal[3].digitalMax} or {@code data record 17}
 * @param byteOffset where in the file, or -1 when not tied to one place
 * @param message what was found and what was expected
 */
public record ReadWarning(String field, long byteOffset, String message) {

    public ReadWarning {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (byteOffset < -1) {
            throw new IllegalArgumentException("byteOffset must be >= -1, was " + byteOffset);
        }
    }

    @Override
    public String toString() {
        return field + (byteOffset >= 0 ? " @" + byteOffset : "") + ": " + message;
    }
}
