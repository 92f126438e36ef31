package io.ictal.api.detection;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One finding on a recording: a seizure event, a seizure type, an arrhythmia episode.
 *
 * @param id identifies the finding within one classifier run (a later report with the same id
 *     replaces the earlier one), e.g. {@code seizure-0003}
 * @param task the classifier task, e.g. {@code seizure-detection}, {@code ecg-arrhythmia}
 * @param label what was found, e.g. {@code seizure}, {@code GNSZ}, {@code AFIB}
 * @param onsetSeconds start in seconds from the recording start (&ge; 0)
 * @param durationSeconds length in seconds (&ge; 0)
 * @param channels channel labels involved (possibly empty: the whole recording)
 * @param confidence in [0, 1]
 * @param model the model that produced it
 * @param scores further per-label probabilities (e.g. every seizure type), possibly empty
 * @param explanation why the model said so (e.g. a class-activation map), or null
 */
public record Detection(
        String id,
        String task,
        String label,
        double onsetSeconds,
        double durationSeconds,
        List<String> channels,
        double confidence,
        ModelIdentity model,
        Map<String, Double> scores,
        Explanation explanation) {

    public Detection {
        requireText(id, "id");
        requireText(task, "task");
        requireText(label, "label");
        if (!Double.isFinite(onsetSeconds) || onsetSeconds < 0) {
            throw new IllegalArgumentException("onsetSeconds must be finite and >= 0, was " + onsetSeconds);
        }
        if (!Double.isFinite(durationSeconds) || durationSeconds < 0) {
            throw new IllegalArgumentException("durationSeconds must be finite and >= 0, was " + durationSeconds);
        }
        channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
        Objects.requireNonNull(model, "model");
        scores = Map.copyOf(Objects.requireNonNull(scores, "scores"));
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            if (!(e.getValue() >= 0 && e.getValue() <= 1)) {
                throw new IllegalArgumentException("score '" + e.getKey() + "' must be in [0, 1], was " + e.getValue());
            }
        }
    }

    /** End in seconds from the recording start. */
    public double offsetSeconds() {
        return onsetSeconds + durationSeconds;
    }

    static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
