package io.ictal.viewer.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ictal.viewer.spi.Marker;
import io.ictal.viewer.spi.ModelRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordingViewTest {

    @Test
    void aSeizureTypeMarkerIsTiedToItsEventWithItsScoresHighestFirst() {
        RecordingView view = new RecordingView("ictal");
        ModelRef detector = new ModelRef("ictal-seizure-cnn", "1.0.0", "a".repeat(64));
        ModelRef types = new ModelRef("ictal-seizure-type", "1.0.0", "b".repeat(64));
        view.markersAdded(List.of(
                new Marker("seizure-detection/seizure-0001", 250, 60, List.of("F7-T7"), "seizure", 0.97, detector,
                        Map.of(Marker.TASK, "seizure-detection")),
                new Marker("seizure-type/seizure-0001", 250, 60, List.of("F7-T7"), "CPSZ", 0.7, types,
                        Map.of(Marker.TASK, "seizure-type", "event", "seizure-detection/seizure-0001",
                                "score.FNSZ", "0.2000", "score.CPSZ", "0.7000", "score.GNSZ", "0.1000",
                                "score.bad", "n/a"))));

        List<RecordingView.MarkerView> markers = view.snapshot(false).markers();

        assertNull(markers.get(0).event());
        assertEquals("seizure-detection/seizure-0001", markers.get(1).event());
        assertEquals(List.of("CPSZ", "FNSZ", "GNSZ"), List.copyOf(markers.get(1).scores().keySet()));
        assertEquals(0.7, markers.get(1).scores().get("CPSZ"), 1e-12);
    }
}
