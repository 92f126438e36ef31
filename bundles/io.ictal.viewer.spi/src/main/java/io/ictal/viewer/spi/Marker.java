package io.ictal.viewer.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An annotation a plugin proposes on the recording's time line.
 *
 * @param id unique within the job; re-adding the same id replaces the marker
 * @param onsetSeconds start, in seconds from the recording start (&ge; 0)
 * @param durationSeconds length in seconds (&ge; 0; 0 for an instant such as an ectopic beat)
 * @param channels channel labels involved, as in the recording (may be empty: whole recording)
 * @param label what the marker says, e.g. {@code seizure}, {@code seizure/GNSZ}, {@code AFIB}
 * @param confidence in [0, 1]
 * @param source the model that produced it
 * @param attributes further key/value details (e.g. type probabilities), possibly empty
 */
public record Marker(
        String id,
        double onsetSeconds,
        double durationSeconds,
        List<String> channels,
        String label,
        double confidence,
        ModelRef source,
        Map<String, String> attributes) {

    /** Attribute naming the kind of analysis that produced the marker, e.g. {@code seizure-detection}. */
    public static final String TASK = "task";

    public Marker {
        ModelRef.requireText(id, "id");
        if (!Double.isFinite(onsetSeconds) || onsetSeconds < 0) {
            throw new IllegalArgumentException("onsetSeconds must be finite and >= 0, was " + onsetSeconds);
        }
        if (!Double.isFinite(durationSeconds) || durationSeconds < 0) {
            throw new IllegalArgumentException("durationSeconds must be finite and >= 0, was " + durationSeconds);
        }
        channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
        ModelRef.requireText(label, "label");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
        Objects.requireNonNull(source, "source");
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
    }

    /** End of the marker in seconds from the recording start. */
    public double offsetSeconds() {
        return onsetSeconds + durationSeconds;
    }
}
