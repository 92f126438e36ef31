package io.ictal.viewer.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsTest {

    private static final ModelRef MODEL = new ModelRef("ictal-seizure-cnn", "1.0.0", "a".repeat(64));

    private static Marker marker(double onset, double duration, double confidence) {
        return new Marker("m1", onset, duration, List.of("F7-T7"), "seizure", confidence, MODEL, Map.of());
    }

    @Test
    void markerKeepsItsValuesAndComputesOffset() {
        Marker m = marker(12.5, 30, 0.93);
        assertEquals(42.5, m.offsetSeconds(), 1e-12);
        assertEquals(List.of("F7-T7"), m.channels());
        assertEquals(MODEL, m.source());
    }

    @Test
    void markerRejectsImpossibleTimesAndConfidence() {
        assertThrows(IllegalArgumentException.class, () -> marker(-1, 10, 0.5));
        assertThrows(IllegalArgumentException.class, () -> marker(Double.NaN, 10, 0.5));
        assertThrows(IllegalArgumentException.class, () -> marker(0, -0.1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> marker(0, Double.POSITIVE_INFINITY, 0.5));
        assertThrows(IllegalArgumentException.class, () -> marker(0, 1, 1.01));
        assertThrows(IllegalArgumentException.class, () -> marker(0, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new Marker(" ", 0, 1, List.of(), "seizure", 0.5, MODEL, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Marker("m", 0, 1, List.of(), "", 0.5, MODEL, Map.of()));
    }

    @Test
    void markerCopiesItsCollections() {
        List<String> channels = new ArrayList<>(List.of("C3-P3"));
        Marker m = new Marker("m", 0, 1, channels, "seizure", 0.5, MODEL, Map.of("type", "GNSZ"));
        channels.add("C4-P4");
        assertEquals(List.of("C3-P3"), m.channels());
        assertThrows(UnsupportedOperationException.class, () -> m.channels().add("x"));
    }

    @Test
    void modelRefRequiresAFullLowerCaseSha256() {
        assertThrows(IllegalArgumentException.class, () -> new ModelRef("m", "1", "abc"));
        assertThrows(IllegalArgumentException.class, () -> new ModelRef("m", "1", "A".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> new ModelRef("m", " ", "a".repeat(64)));
    }

    @Test
    void trendSegmentIsImmutableAndValidated() {
        double[] values = {0.1, 0.9};
        TrendSegment t = new TrendSegment("seizure-probability", "Seizure probability", "probability", 0, 2, values);
        values[0] = 5;
        assertArrayEquals(new double[] {0.1, 0.9}, t.values());
        assertNotSame(t.values(), t.values());
        assertEquals(t, new TrendSegment("seizure-probability", "Seizure probability", "probability", 0, 2,
                new double[] {0.1, 0.9}));
        assertThrows(IllegalArgumentException.class, () -> new TrendSegment("s", "S", "", 0, 0, values));
        assertThrows(IllegalArgumentException.class, () -> new TrendSegment("s", "S", "", -1, 1, values));
    }

    @Test
    void explanationRejectsEmptyImagesAndCopies() {
        byte[] png = {1, 2, 3};
        Explanation e = new Explanation("m1", "image/png", png, "CAM over F7-T7");
        png[0] = 9;
        assertEquals(1, e.image()[0]);
        assertThrows(IllegalArgumentException.class, () -> new Explanation("m1", "image/png", new byte[0], ""));
        assertTrue(e.toString().contains("3 bytes"));
    }

    @Test
    void openedRecordingValidatesAndCopiesVideos() {
        OpenedRecording r = new OpenedRecording("rec-1", Path.of("/tmp/a.edf"));
        assertEquals(List.of(), r.videos());
        assertThrows(IllegalArgumentException.class, () -> new OpenedRecording("", Path.of("a.edf")));
        assertThrows(IllegalArgumentException.class,
                () -> new SynchronizedVideo(Path.of("v.mp4"), Double.POSITIVE_INFINITY));
        assertTrue(new SynchronizedVideo(Path.of("v.mp4"), 0).offsetKnown());
        assertFalse(SynchronizedVideo.alignedByAnnotation(Path.of("v.mp4")).offsetKnown());
        assertEquals(-2.5, new OpenedRecording("r", Path.of("a.edf"),
                List.of(new SynchronizedVideo(Path.of("v.mp4"), -2.5))).videos().get(0).offsetSeconds());
    }
}
