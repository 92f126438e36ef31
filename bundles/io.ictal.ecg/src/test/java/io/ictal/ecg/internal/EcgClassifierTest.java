package io.ictal.ecg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.Classification;
import io.ictal.api.detection.ClassificationException;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.Trend;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelRegistry;
import io.ictal.api.recording.PatientInfo;
import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingInfo;
import io.ictal.api.recording.RecordingSpec;
import io.ictal.api.recording.RecordingWriter;
import io.ictal.api.recording.SignalSpec;
import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.edf.internal.EdfRecordingWriterService;
import io.ictal.inference.internal.ShippedEcgModels;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classifier end to end on an EDF+ file written with the real writer: two EEG channels and an
 * EKG channel (in microvolts) carrying sinus rhythm, a run of four premature ventricular beats and a
 * three-minute atrial-fibrillation episode (SyntheticEcg), read with the real reader, spectrograms by
 * the real service, the shipped models run by the inference runtime.
 */
class EcgClassifierTest {

    private static final int RATE = 256;
    private static final double SECONDS = 600;
    private static final double AF_START = 200;
    private static final double AF_END = 380;
    private static final double V_RUN = 100;

    @TempDir
    static Path dir;
    private static Path file;
    private static ModelRegistry models;

    @BeforeAll
    static void writeRecording() throws IOException {
        SyntheticEcg ecg = new SyntheticEcg(RATE, 3).sinus(V_RUN, 0.85).ventricular(4, 0.85).sinus(AF_START, 0.85)
                .fibrillation(AF_END, 0.75).sinus(SECONDS, 0.85);
        file = write(dir.resolve("ecg.edf"), "EKG", ecg.samples(SECONDS));
        models = ShippedEcgModels.registry();
    }

    static Path write(Path file, String ecgLabel, float[] millivolts) throws IOException {
        List<SignalSpec> signals = List.of(SignalSpec.edf("FP1-F7", "uV", -500, 500, RATE),
                SignalSpec.edf("F7-T7", "uV", -500, 500, RATE), SignalSpec.edf(ecgLabel, "uV", -5000, 5000, RATE));
        RecordingSpec spec = new RecordingSpec(RecordingFormat.EDF_PLUS_C, new PatientInfo("", "", "", "", ""),
                new RecordingInfo("", "", "", "", ""), LocalDateTime.of(2024, 1, 2, 3, 4, 5), 1, signals,
                RecordingSpec.DEFAULT_ANNOTATION_BYTES);
        Random noise = new Random(5);
        try (RecordingWriter writer = new EdfRecordingWriterService().create(file, spec)) {
            for (int second = 0; second < millivolts.length / RATE; second++) {
                float[][] chunk = new float[3][RATE];
                for (int i = 0; i < RATE; i++) {
                    chunk[0][i] = (float) (20 * noise.nextGaussian());
                    chunk[1][i] = (float) (20 * noise.nextGaussian());
                    chunk[2][i] = 1000 * millivolts[second * RATE + i];
                }
                writer.append(chunk);
            }
        }
        return file;
    }


    @Test
    void findsTheAfEpisodeAndTheVentricularRun() throws Exception {
        Recorder recorder = new Recorder(false);
        Classification result;
        try (Recording recording = new EdfRecordingReader().open(file, ReadMode.STRICT)) {
            EcgClassifier ecg = new EcgClassifier(models, TestServices.spectrograms(), EcgClassifier.Settings.defaults());
            assertTrue(ecg.appliesTo(recording.header()));
            result = ecg.classify(recording, recorder);
        }
        assertTrue(result.complete());
        assertEquals(ModelCard.TASK_ECG_ARRHYTHMIA, result.task());
        assertEquals(result.detections(), recorder.detections, "every detection was streamed");
        List<Detection> af = result.detections().stream().filter(d -> d.label().equals("AFIB")).toList();
        assertEquals(1, af.size(), () -> "one AF episode, got " + result.detections() + " AF probability " + java.util.Arrays.toString(recorder.series("ecg-af-probability")));
        Detection episode = af.get(0);
        assertEquals(AF_START, episode.onsetSeconds(), 15, "AF onset");
        assertEquals(AF_END, episode.offsetSeconds(), 15, "AF end");
        assertTrue(episode.confidence() >= 0.5, "confidence " + episode.confidence());
        assertEquals(List.of("EKG"), episode.channels());
        assertEquals("ictal-ecg-rhythm", episode.model().id());
        List<Detection> vRuns = result.detections().stream().filter(d -> d.label().equals("V-RUN")).toList();
        assertTrue(vRuns.stream().anyMatch(d -> d.onsetSeconds() < V_RUN + 3 && d.offsetSeconds() > V_RUN - 1),
                () -> "a V run at " + V_RUN + " s, got " + result.detections());
        assertTrue(vRuns.stream().allMatch(d -> d.model().id().equals("ictal-ecg-beat")));
        assertTrue(result.detections().stream().noneMatch(d -> d.label().equals("S-RUN")
                && d.onsetSeconds() < episode.offsetSeconds() && d.offsetSeconds() > episode.onsetSeconds()),
                () -> "no S run inside the AF episode: " + result.detections());
        double[] vPerHour = recorder.series("ecg-v-per-hour");
        assertTrue(vPerHour[0] >= 4 * 12, "the first 5 min hold the 4 V beats: " + vPerHour[0] + "/h");
        double[] heartRate = recorder.series("ecg-heart-rate");
        assertEquals(2, heartRate.length, "two 5-min bins");
        assertEquals(60 / 0.85, heartRate[0], 6, "sinus rate in the first bin");
        assertEquals(1.0, recorder.lastProgress, 1e-9);
    }

    @Test
    void stopsWhenCancelledAndSaysSo() throws Exception {
        Recorder recorder = new Recorder(true);
        try (Recording recording = new EdfRecordingReader().open(file, ReadMode.STRICT)) {
            Classification result = new EcgClassifier(models, TestServices.spectrograms(),
                    EcgClassifier.Settings.defaults()).classify(recording, recorder);
            assertFalse(result.complete());
        }
    }

    @Test
    void refusesARecordingWithoutEcgNamingItsSignals() throws Exception {
        Path eegOnly = write(dir.resolve("eeg.edf"), "T7-P7", new float[RATE * 20]);
        try (Recording recording = new EdfRecordingReader().open(eegOnly, ReadMode.STRICT)) {
            EcgClassifier ecg = new EcgClassifier(models, TestServices.spectrograms(), EcgClassifier.Settings.defaults());
            assertFalse(ecg.appliesTo(recording.header()));
            ClassificationException e = assertThrows(ClassificationException.class,
                    () -> ecg.classify(recording, ClassificationListener.ignoring()));
            assertTrue(e.getMessage().contains("eeg.edf") && e.getMessage().contains("T7-P7"), e.getMessage());
        }
    }

    /** Collects what the classifier streams; cancels after the first progress report when asked to. */
    private static final class Recorder implements ClassificationListener {
        final List<Detection> detections = new ArrayList<>();
        final List<Trend> trends = new ArrayList<>();
        final boolean cancel;
        double lastProgress = -1;

        Recorder(boolean cancel) {
            this.cancel = cancel;
        }

        @Override
        public void progress(double fraction, String message) {
            lastProgress = fraction;
        }

        @Override
        public void detected(List<Detection> found) {
            detections.addAll(found);
            detections.sort(java.util.Comparator.comparingDouble(Detection::onsetSeconds)
                    .thenComparing(Detection::id));
        }

        @Override
        public void retracted(List<String> detectionIds) {
        }

        @Override
        public void trend(Trend segment) {
            trends.add(segment);
        }

        @Override
        public boolean isCancelled() {
            return cancel && lastProgress >= 0;
        }

        double[] series(String id) {
            return trends.stream().filter(t -> t.seriesId().equals(id)).flatMapToDouble(t -> java.util.Arrays
                    .stream(t.values())).toArray();
        }
    }
}
