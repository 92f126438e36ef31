package io.ictal.detector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        for (double gain : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            String median = message(TestServices.config(2, 3, 10, 30, 32, 1, gain));
            assertEquals("io.ictal.detector: medianChannelGain must be finite and >= 0, was " + gain, median);
        }
    }

    @Test
    void generalisedDischargesRaiseTheRecordingThroughTheMedianChannel() {
        // One loud channel (an artifact): the top-2 mean, the median is low.
        double[] artifact = {0.95, 0.3, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05};
        assertEquals(0.625, SeizureDetector.recordingProbability(artifact, 2, 4), 1e-12);
        // Every channel a little raised (a tonic seizure): 4 x the median 0.2 beats the top-2 mean 0.4.
        double[] generalised = {0.45, 0.35, 0.3, 0.25, 0.2, 0.2, 0.15, 0.15, 0.1};
        assertEquals(0.8, SeizureDetector.recordingProbability(generalised, 2, 4), 1e-12);
        assertEquals(0.4, SeizureDetector.recordingProbability(generalised, 2, 0), 1e-12, "gain 0: top-2 alone");
        assertEquals(1.0, SeizureDetector.recordingProbability(new double[] {0.6, 0.5, 0.4, 0.4, 0.3, 0.3, 0.2, 0.2},
                2, 4), 1e-12, "capped at 1 (median 0.35 of an even count)");
        assertEquals(0.35, SeizureDetector.recordingProbability(new double[] {0.4, 0.3}, 2, 4), 1e-12,
                "two channels (a sleep montage): their mean, never 4 x it");
    }

    @Test
    void trainingScoresWithTheDetectorsAggregation() throws IOException {
        // training/detector/evaluate.py scores CHB-MIT windows with params.py's TOP_K and MEDIAN_CHANNEL_GAIN:
        // the card's real-data figures hold for the detector only while they equal these defaults.
        String params = Files.readString(Path.of("../../training/detector/params.py"));
        for (String[] pair : new String[][] {{"topChannels", "TOP_K"}, {"medianChannelGain", "MEDIAN_CHANNEL_GAIN"},
                {"smoothingWindows", "SMOOTH_WINDOWS"}}) {
            assertEquals(TestServices.defaultOf(pair[0]).doubleValue(), Double.parseDouble(constant(params, pair[1])),
                    pair[0] + " against params.py's " + pair[1]);
        }
        assertEquals(SeizureDetector.BREADTH_CHANNELS, Integer.parseInt(constant(params, "BREADTH_CHANNELS")));
    }

    private static String constant(String python, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " = ([0-9.]+)").matcher(python);
        assertTrue(m.find(), "params.py has no " + name);
        return m.group(1);
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
