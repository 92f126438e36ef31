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
        Detection d = new Detection("sz-1", "seizure-detection", "seizure", 100, 45, List.of("T7-P7"), 0.97, MODEL,
                Map.of("GNSZ", 0.2), new Explanation("image/png", new byte[] {1}, "CAM"));
        assertEquals(145, d.offsetSeconds(), 0);
        assertThrows(IllegalArgumentException.class, () -> new Detection("d", "t", "l", -1, 1, List.of(), 0.5, MODEL, Map.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new Detection("d", "t", "l", 0, 1, List.of(), 1.5, MODEL, Map.of(), null));
        assertThrows(IllegalArgumentException.class,
                () -> new Detection("d", "t", "l", 0, 1, List.of(), 0.5, MODEL, Map.of("x", 2.0), null));
        assertThrows(IllegalArgumentException.class, () -> new Detection("d", " ", "l", 0, 1, List.of(), 0.5, MODEL, Map.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new ModelIdentity("m", "1", "xyz"));
        assertThrows(IllegalArgumentException.class,
                () -> new Detection("", "t", "l", 0, 1, List.of(), 0.5, MODEL, Map.of(), null));
        assertEquals("CAM", d.explanation().caption());
    }

    @Test
    void explanationAndTrendCopyTheirArrays() {
        byte[] png = {1, 2};
        Explanation e = new Explanation("image/png", png, "CAM");
        png[0] = 7;
        assertEquals(1, e.image()[0]);
        assertThrows(IllegalArgumentException.class, () -> new Explanation("image/png", new byte[0], ""));
        double[] p = {0.1, 0.2};
        Trend t = new Trend("seizure-probability", "Seizure probability", "probability", 0, 2, p);
        p[0] = 9;
        assertEquals(0.1, t.values()[0], 0);
        assertThrows(IllegalArgumentException.class, () -> new Trend("s", "S", "", 0, 0, p));
    }
}
