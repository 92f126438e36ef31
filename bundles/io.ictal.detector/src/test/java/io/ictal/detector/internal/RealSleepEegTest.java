package io.ictal.detector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ictal.api.detection.Classification;
import io.ictal.api.recording.Recording;
import io.ictal.edf.internal.EdfRecordingReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Real EEG of a person the model never saw and without seizures: 5 minutes of Sleep-EDF SC4001
 * (Fpz-Cz and Pz-Oz at 100 Hz, edfio's {@code short_psg.edf} in ../shared/data/edf-corpus). Skipped,
 * saying so, when the shared data folder is absent.
 */
class RealSleepEegTest {

    @Test
    void noSeizureIsFoundAndNoWindowReachesTheStartThreshold() throws Exception {
        Path file = Path.of(System.getProperty("ictal.shared.data", "../../../shared/data"))
                .resolve("edf-corpus/edfio/short_psg.edf");
        assumeTrue(Files.isRegularFile(file), () -> "skipped: " + file.toAbsolutePath()
                + " is absent (set -Dictal.shared.data to the shared data folder)");
        CollectingListener streamed = new CollectingListener();
        Classification result;
        try (Recording r = new EdfRecordingReader().open(file)) {
            result = TestServices.detector(TestServices.registry()).classify(r, streamed);
        }

        double[] trace = streamed.trendValues();
        assertEquals((300 - 4) / 2 + 1, trace.length, "one value per 4-s window every 2 s over 300 s");
        assertTrue(result.complete());
        assertEquals(0, result.detections().size(), "detections on seizure-free sleep EEG: " + result.detections());
        double on = SeizureDetector.inputOf(TestServices.card()).on();
        double highest = Arrays.stream(trace).max().orElseThrow();
        assertTrue(highest < on, "highest seizure probability " + highest + " reaches the card's start threshold " + on);
    }
}
