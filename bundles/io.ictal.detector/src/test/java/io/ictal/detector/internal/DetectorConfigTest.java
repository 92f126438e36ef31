package io.ictal.detector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A bad etc/io.ictal.detector.cfg is refused naming the PID, the field and what was expected. */
class DetectorConfigTest {

    @Test
    void refusesSettingsThatCannotWork() {
        String top = message(TestServices.config(0, 3, 10, 30, 32, 1));
        assertTrue(top.equals("io.ictal.detector: topChannels must be >= 1, was 0"), top);
        String smoothing = message(TestServices.config(2, 4, 10, 30, 32, 1));
        assertTrue(smoothing.contains("smoothingWindows must be odd and >= 1, was 4"), smoothing);
        String batch = message(TestServices.config(2, 3, 10, 30, 0, 1));
        assertTrue(batch.contains("batchWindows must be >= 1, was 0"), batch);
    }

    @Test
    void meanOfTheMostSeizureLikeChannels() {
        assertEquals(0.85, SeizureDetector.topMean(new double[] {0.1, 0.9, 0.2, 0.8}, 2), 1e-12);
        assertEquals(0.5, SeizureDetector.topMean(new double[] {0.5}, 2), 1e-12, "fewer channels than k");
    }

    private static String message(DetectorConfig config) {
        return assertThrows(IllegalArgumentException.class,
                () -> new SeizureDetector(null, TestServices.SPECTROGRAM, config)).getMessage();
    }
}
