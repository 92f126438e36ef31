package io.ictal.review.internal.store;

import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import java.util.List;
import java.util.Map;

/** Detections for tests. */
public final class Detections {

    public static final ModelIdentity MODEL = new ModelIdentity("ictal-seizure-cnn", "1.2.0", "a".repeat(64));

    private Detections() {
    }

    public static Detection seizure(String id, double onset, double duration, String... channels) {
        return new Detection(id, "seizure-detection", "seizure", onset, duration, List.of(channels), 0.9, MODEL,
                Map.of("seizure", 0.9), null);
    }
}
