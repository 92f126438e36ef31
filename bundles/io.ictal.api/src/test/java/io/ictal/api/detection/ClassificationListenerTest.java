package io.ictal.api.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationListenerTest {

    @Test
    void trendsToHandsOnEachTrendSegmentAndIgnoresTheRest() {
        List<Trend> trends = new ArrayList<>();
        ClassificationListener listener = ClassificationListener.trendsTo(trends::add);
        Trend first = new Trend("seizure-probability", "Seizure probability", "", 2, 2, new double[] {0.1, 0.2});
        Trend second = new Trend("seizure-probability", "Seizure probability", "", 6, 2, new double[] {0.9});

        listener.progress(0.5, "half");
        listener.trend(first);
        listener.detected(List.of());
        listener.retracted(List.of("x"));
        listener.trend(second);

        assertEquals(List.of(first, second), trends);
        assertFalse(listener.isCancelled());
        assertThrows(NullPointerException.class, () -> ClassificationListener.trendsTo(null));
    }
}
