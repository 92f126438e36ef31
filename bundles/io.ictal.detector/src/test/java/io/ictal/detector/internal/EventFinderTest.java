package io.ictal.detector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventFinderTest {

    private final List<double[]> reported = new ArrayList<>(); // number, onset, offset, peak

    private EventFinder finder(int smoothing, double minDuration, double mergeGap) {
        return new EventFinder(0.5, 0.3, smoothing, minDuration, mergeGap, 2,
                e -> reported.add(new double[] {e.number, e.onset, e.offset, e.peak}));
    }

    /** Windows every 2 s, centres at 2, 4, 6, ... */
    private static void feed(EventFinder f, double... probabilities) {
        for (int i = 0; i < probabilities.length; i++) {
            f.add(2 + 2 * i, probabilities[i], new double[] {probabilities[i], 0}, null);
        }
    }

    @Test
    void hysteresisStartsAtOnAndEndsAtOff() {
        EventFinder f = finder(1, 0, 0);
        // 0.45 alone never starts an event; once started, 0.4 keeps it going; 0.2 ends it.
        feed(f, 0.1, 0.45, 0.1, 0.6, 0.9, 0.4, 0.35, 0.2, 0.1);
        f.finish();
        assertEquals(1, reported.size());
        double[] e = reported.get(0);
        assertEquals(8 - 1, e[1], 1e-9, "onset half a hop before the first window above on (centre 8)");
        assertEquals(14 + 1, e[2], 1e-9, "offset half a hop after the last window above off (centre 14)");
        assertEquals(0.9, e[3], 1e-9);
    }

    @Test
    void smoothingRemovesASingleWindowSpike() {
        EventFinder f = finder(3, 0, 0);
        feed(f, 0.1, 0.1, 0.95, 0.1, 0.1, 0.1);
        f.finish();
        assertTrue(reported.isEmpty(), "a 0.95 between two 0.1s averages to 0.38: no event");
    }

    @Test
    void closeEventsMergeIntoOneAndShortOnesAreDropped() {
        EventFinder f = finder(1, 10, 10);
        // event A: centres 4-12 (offset 13), gap to event B at centre 20 (onset 19): 6 s <= 10 s -> merged.
        feed(f, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.9, 0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1,
                0.1, 0.9, 0.1);
        f.finish();
        // A (10 s) is reported when it closes, then again with the same number once B merges into it;
        // the last one (centre 42, 2 s long) stays below the minimum duration and is dropped.
        assertEquals(2, reported.size());
        assertEquals(reported.get(0)[0], reported.get(1)[0]);
        assertEquals(3, reported.get(1)[1], 1e-9);
        assertEquals(23, reported.get(1)[2], 1e-9);
    }

    @Test
    void aGapEndsAnOpenEvent() {
        EventFinder f = finder(1, 0, 0);
        feed(f, 0.9, 0.9);
        f.add(6, Double.NaN, null, null);
        assertEquals(1, reported.size());
        assertEquals(5, reported.get(0)[2], 1e-9);
    }

    @Test
    void refusesThresholdsThatCannotEnd() {
        assertThrows(IllegalArgumentException.class, () -> new EventFinder(0.5, 0.5, 1, 0, 0, 2, e -> { }));
        assertThrows(IllegalArgumentException.class, () -> new EventFinder(0.5, 0.3, 2, 0, 0, 2, e -> { }));
    }
}
