package io.ictal.api.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionTest {

    static final ModelIdentity MODEL = new ModelIdentity("ictal-seizure-cnn", "1.0.0", "0".repeat(64));

    @Test
    void detectionValidatesTimesConfidenceAndScores() {
        Detection d = new Detection("seizure-detection", "seizure", 100, 45, List.of("T7-P7"), 0.97, MODEL,
                Map.of("GNSZ", 0.2));
        assertEquals(145, d.offsetSeconds(), 0);
        assertThrows(IllegalArgumentException.class, () -> new Detection("t", "l", -1, 1, List.of(), 0.5, MODEL, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new Detection("t", "l", 0, 1, List.of(), 1.5, MODEL, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Detection("t", "l", 0, 1, List.of(), 0.5, MODEL, Map.of("x", 2.0)));
        assertThrows(IllegalArgumentException.class, () -> new Detection(" ", "l", 0, 1, List.of(), 0.5, MODEL, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new ModelIdentity("m", "1", "xyz"));
    }
}
