package io.ictal.detector.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.ictal.api.detection.ClassificationException;
import io.ictal.api.model.InputContract;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.Normalisation;
import io.ictal.api.spectrogram.ImageParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recording's level reference equals the one training computed (fixture from
 * training/detector/make_fixtures.py), and the card decides whether it is used.
 */
class LevelReferenceTest {

    /** Decibels: float32 images in Java against float64 in numpy. */
    private static final double TOLERANCE_DB = 1e-3;

    @Test
    void medianDecibelsAndTheReferenceEqualTraining() throws Exception {
        JsonObject fixture = TestServices.fixture("level-reference.json");
        ModelCard card = TestServices.card();
        assertEquals(card.input().normalisation().method(), fixture.get("method").getAsString(),
                "the fixture was made for another method than the card's: rerun make_fixtures.py");
        ImageParameters image = SeizureDetector.inputOf(card).image();
        double rate = fixture.get("rateHz").getAsDouble();
        int window = (int) Math.round(image.imageSeconds() * rate);
        JsonArray starts = fixture.getAsJsonArray("windowStarts");
        JsonArray expected = fixture.getAsJsonArray("medianDecibels");
        double[] medians = new double[expected.size()];
        int i = 0;
        for (var channel : fixture.getAsJsonArray("channels")) {
            JsonArray values = channel.getAsJsonArray();
            for (var start : starts) {
                float[] samples = new float[window];
                for (int k = 0; k < window; k++) {
                    samples[k] = values.get(start.getAsInt() + k).getAsFloat();
                }
                medians[i] = LevelReference.medianDecibel(TestServices.SPECTROGRAM, samples, rate, image);
                assertEquals(expected.get(i).getAsDouble(), medians[i], TOLERANCE_DB, "window " + i);
                i++;
            }
        }
        assertEquals(expected.size(), i);
        assertEquals(fixture.get("referenceDb").getAsDouble(),
                LevelReference.percentile(medians, LevelReference.PERCENTILE), TOLERANCE_DB);
    }

    @Test
    void percentileInterpolatesBetweenOrderStatisticsAsNumpy() {
        double[] values = {4, 1, 3, 2};
        assertEquals(1.3, LevelReference.percentile(values, 10), 1e-12);   // numpy.percentile([1,2,3,4], 10)
        assertEquals(2.5, LevelReference.percentile(values, 50), 1e-12);
        assertEquals(4.0, LevelReference.percentile(values, 100), 1e-12);
        assertEquals(7.0, LevelReference.percentile(new double[] {7}, 10), 1e-12);
        assertArrayEquals(new double[] {4, 1, 3, 2}, values, "the input is left as it was");
        assertThrows(IllegalArgumentException.class, () -> LevelReference.percentile(new double[0], 10));
    }

    @Test
    void aLongRecordingIsSampledEvenlyFromFirstToLastWindow() {
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, LevelReference.sampled(5));
        assertArrayEquals(new long[0], LevelReference.sampled(0));
        long[] day = LevelReference.sampled(43_199);
        assertEquals(LevelReference.SAMPLED_WINDOWS, day.length);
        assertEquals(0, day[0]);
        assertEquals(43_198, day[day.length - 1]);
        for (int i = 1; i < day.length; i++) {
            long step = day[i] - day[i - 1];
            assertTrue(step == 169 || step == 170, "step " + step + " at " + i);
        }
    }

    @Test
    void theRangeMovesAboveTheReference() throws Exception {
        ImageParameters card = SeizureDetector.inputOf(TestServices.card()).image();
        ImageParameters moved = LevelReference.above(card, 12.5);
        assertEquals(card.minDb() + 12.5, moved.minDb(), 1e-12);
        assertEquals(card.maxDb() + 12.5, moved.maxDb(), 1e-12);
        assertEquals(card, LevelReference.above(moved, -12.5));
    }

    @Test
    void theShippedCardAsksForTheReferenceAndAnUnknownMethodIsRefusedNamingTheField() throws Exception {
        ModelCard card = TestServices.card();
        assertTrue(SeizureDetector.inputOf(card).levelReferenced());
        assertEquals(false, SeizureDetector.inputOf(withNormalisation(card, Normalisation.none())).levelReferenced(),
                "a card of absolute levels (1.x) is imaged as before");
        ClassificationException e = assertThrows(ClassificationException.class, () -> SeizureDetector.inputOf(
                withNormalisation(card, new Normalisation("zscore-per-window", List.of(), List.of()))));
        assertTrue(e.getMessage().contains("'input.normalisation.method'") && e.getMessage().contains(card.id())
                && e.getMessage().contains("zscore-per-window") && e.getMessage().contains(LevelReference.METHOD),
                e.getMessage());
    }

    private static ModelCard withNormalisation(ModelCard c, Normalisation normalisation) {
        InputContract i = c.input();
        return new ModelCard(c.id(), c.task(), c.version(), c.graph(), c.sha256(), new InputContract(i.tensors(),
                i.samplingRateHz(), i.windowSeconds(), i.hopSeconds(), i.spectrogram(), i.montage(), i.channels(),
                normalisation), c.outputs(), c.labels(), c.thresholds(), c.trainingData(), c.metrics(), c.golden());
    }
}
