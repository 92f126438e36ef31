package io.ictal.api.detection;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a classifier run.
 *
 * @param task the classifier's task
 * @param model the model used
 * @param detections every detection, in onset order
 * @param complete false when the run was cancelled before the end of the recording
 */
public record Classification(String task, ModelIdentity model, List<Detection> detections, boolean complete) {

    public Classification {
        Detection.requireText(task, "task");
        Objects.requireNonNull(model, "model");
        detections = List.copyOf(Objects.requireNonNull(detections, "detections"));
    }
}
