package io.ictal.detector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelLease;
import io.ictal.api.spectrogram.ImageParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped model bundle, served by the inference runtime as in Karaf, gives its golden outputs. */
class ShippedModelTest {

    @Test
    void goldenInputGivesTheGoldenOutputsASeizureAndABackgroundImage() throws Exception {
        ModelCard card = TestServices.card();
        assertEquals("ictal-seizure-cnn", card.id());
        try (ModelLease lease = TestServices.registry().lease(ModelCard.TASK_SEIZURE_DETECTION)) {
            Map<String, FloatTensor> out = lease.model().run(card.golden().inputs());
            for (Map.Entry<String, FloatTensor> expected : card.golden().outputs().entrySet()) {
                double difference = out.get(expected.getKey()).maxAbsDifference(expected.getValue());
                assertTrue(difference <= card.golden().tolerance(), expected.getKey() + " differs by " + difference);
            }
            FloatTensor p = out.get("probabilities");
            // The golden pair is one training window of each class (train.py): the model must tell them apart.
            assertTrue(p.get(1) > 0.5, "golden seizure image: p(seizure) = " + p.get(1));
            assertTrue(p.get(3) < 0.5, "golden background image: p(seizure) = " + p.get(3));
            assertEquals(3, out.get("cam").rank(), "second output: one class-activation map per image");
        }
    }

    @Test
    void theCardDescribesWhatTheDetectorFeedsIt() throws Exception {
        SeizureDetector.Input input = SeizureDetector.inputOf(TestServices.card());
        ImageParameters image = input.image();
        assertEquals(4, input.windowSeconds());
        assertTrue(input.hopSeconds() < input.windowSeconds(), "windows overlap");
        assertTrue(input.off() < input.on(), "hysteresis from the card's thresholds");
        assertEquals("cam", input.camOutput());
        assertEquals(256, image.stft().resampleToHz(), "every recording is resampled to the training rate");
    }
}
