package io.ictal.simulator;

import java.util.List;
import java.util.Objects;

/**
 * A seizure in a simulated recording: the ground truth.
 *
 * @param onsetSeconds start at the focus, seconds from the recording start (&ge; 0)
 * @param durationSeconds length at the focus (&gt; 0)
 * @param type the pattern
 * @param focus the electrode where it starts, e.g. {@code T7}
 * @param channels the electrodes it reaches (focus first), in the order they join
 */
public record SimulatedSeizure(double onsetSeconds, double durationSeconds, SeizureType type, String focus,
        List<String> channels) {

    public SimulatedSeizure {
        if (!Double.isFinite(onsetSeconds) || onsetSeconds < 0) {
            throw new IllegalArgumentException("onsetSeconds must be finite and >= 0, was " + onsetSeconds);
        }
        if (!Double.isFinite(durationSeconds) || durationSeconds <= 0) {
            throw new IllegalArgumentException("durationSeconds must be finite and > 0, was " + durationSeconds);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(focus, "focus");
        channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
    }

    /** End at the focus, seconds from the recording start. */
    public double offsetSeconds() {
        return onsetSeconds + durationSeconds;
    }
}
