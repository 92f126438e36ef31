package io.ictal.detector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.recording.Recording;
import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.edf.internal.EdfRecordingWriterService;
import io.ictal.simulator.SeizureType;
import io.ictal.simulator.SimulatedSeizure;
import io.ictal.simulator.SimulationSpec;
import io.ictal.simulator.internal.EegSimulatorComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brief tonic seizure (generalised low-voltage fast activity) raises most channels only moderately: the
 * median-channel path of the recording probability (on by default, {@code medianChannelGain} 6) finds it, as
 * one event over most of the montage; the mean of the top channels alone (gain 0) does not.
 */
class GeneralisedSeizureTest {

    private static final SimulatedSeizure TONIC = new SimulatedSeizure(300, 20, SeizureType.TONIC, "Cz", List.of());

    @Test
    void aTonicSeizureIsFoundOverMostChannelsOnlyByTheMedianChannelPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tonic.edf");
        SimulatedSeizure truth = new EegSimulatorComponent(new EdfRecordingWriterService())
                .write(SimulationSpec.of(4343, 600, 0).withSeizures(List.of(TONIC)), file).get(0);
        assertTrue(TestServices.DEFAULT_MEDIAN_CHANNEL_GAIN > 0, "the path ships on");
        List<Detection> shipped = classify(file, TestServices.detector(TestServices.registry()));
        assertEquals(1, shipped.size(), "one event: " + shipped);
        Detection d = shipped.get(0);
        assertTrue(d.onsetSeconds() < truth.offsetSeconds() && d.offsetSeconds() > truth.onsetSeconds() - 30,
                "event " + d.onsetSeconds() + " + " + d.durationSeconds() + " s for a seizure at 300-320 s");
        assertTrue(d.channels().size() >= 9, "a generalised event lists most of the 18 channels: " + d.channels());

        List<Detection> topChannelsOnly = classify(file, TestServices.detector(TestServices.registry(), 0));
        assertEquals(List.of(), topChannelsOnly, "without the path the tonic seizure is missed");
        Files.delete(file);
    }

    private static List<Detection> classify(Path file, SeizureDetector detector) throws Exception {
        try (Recording r = new EdfRecordingReader().open(file)) {
            return detector.classify(r, ClassificationListener.ignoring()).detections();
        } finally {
            detector.deactivate();
        }
    }
}
