package io.ictal.ecg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.ClassificationException;
import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelLease;
import io.ictal.api.model.ModelRegistry;
import io.ictal.api.model.ModelState;
import io.ictal.api.model.ModelStatus;
import io.ictal.inference.internal.ShippedEcgModels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The models of io.ictal.model.ecg pass the inference runtime's validation (hashes, tensors, golden
 * pair), reproduce their golden outputs when run again, and have the contract this classifier reads.
 */
class ShippedModelsTest {

    private static final ModelRegistry MODELS = ShippedEcgModels.registry();

    @Test
    void bothModelsAreValidAndActive() {
        List<ModelStatus> statuses = MODELS.models();
        assertEquals(2, statuses.size(), statuses::toString);
        for (ModelStatus s : statuses) {
            assertEquals(ModelState.ACTIVE, s.state(), () -> s.cardPath() + ": " + s.reason());
        }
        assertEquals("ictal-ecg-beat", MODELS.active(EcgClassifier.BEAT_TASK).orElseThrow().id());
        assertEquals("ictal-ecg-rhythm", MODELS.active(EcgClassifier.RHYTHM_TASK).orElseThrow().id());
    }

    @Test
    void goldenInputsGiveTheGoldenOutputs() {
        for (String task : List.of(EcgClassifier.BEAT_TASK, EcgClassifier.RHYTHM_TASK)) {
            try (ModelLease lease = MODELS.lease(task)) {
                ModelCard card = lease.model().card();
                Map<String, FloatTensor> out = lease.model().run(card.golden().inputs());
                for (Map.Entry<String, FloatTensor> expected : card.golden().outputs().entrySet()) {
                    double difference = expected.getValue().maxAbsDifference(out.get(expected.getKey()));
                    assertTrue(difference <= card.golden().tolerance(), task + " " + expected.getKey()
                            + " differs by " + difference);
                }
            }
        }
    }

    @Test
    void cardsMatchWhatTheClassifierBuilds() throws ClassificationException {
        HeadContract beat = HeadContract.of(MODELS.active(EcgClassifier.BEAT_TASK).orElseThrow(), RrFeatures.BEAT,
                List.of("N", "S", "V"));
        HeadContract rhythm = HeadContract.of(MODELS.active(EcgClassifier.RHYTHM_TASK).orElseThrow(),
                RrFeatures.RHYTHM, List.of("A"));
        assertEquals(List.of("N", "S", "V", "F"), beat.card().labels());
        assertEquals(2.0, beat.windowSeconds());
        assertEquals(10.0, rhythm.windowSeconds());
        assertEquals(128.0, beat.stft().resampleToHz());
        assertTrue(beat.usualBeat(), "beat model 3.0.0 takes the usual beat");
        assertEquals(BeatWaveform.samples(beat.stft().resampleToHz()), beat.waveSamples(),
                "beat model 3.0.0 takes the beat's waveform and its usual waveform");
        assertEquals(beat.stft(), rhythm.stft(), "one spectrogram definition for both heads (transfer learning)");
        assertTrue(beat.card().metrics().stream().anyMatch(m -> m.name().equals("S-sensitivity")));
        assertTrue(rhythm.card().metrics().stream().anyMatch(m -> m.name().equals("cinc-f1")));
    }
}
