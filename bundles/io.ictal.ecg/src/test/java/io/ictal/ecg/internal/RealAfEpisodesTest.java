package io.ictal.ecg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AF episodes end to end on real ECG (MIT-BIH lead 0 written to EDF+ with the real writer): the reference
 * AF episodes of record 201 are found, and the RR gate is what removes the model's false AF episodes on
 * records 209 and 215 (sinus rhythm with ectopic beats, no AF). Skipped when ../shared/data is absent.
 */
class RealAfEpisodesTest {

    private static final int AFIB_RHYTHM_CODE = 28;

    @TempDir
    static Path dir;
    private static ModelRegistry models;

    @BeforeAll
    static void models() {
        models = ShippedEcgModels.registry();
    }

    @Test
    void findsTheReferenceAfEpisodesOfRecord201() throws Exception {
        Path header = SharedData.ecg().resolve("mitdb/201.hea");
        List<double[]> reference = afSpans(header, 1800);
        assertEquals(3, reference.size(), "record 201 holds three AF/AFL episodes");
        List<Detection> af = afEpisodes(header, EcgClassifier.Settings.defaults());
        for (double[] span : reference) {
            assertTrue(af.stream().anyMatch(d -> d.onsetSeconds() < span[1] && d.offsetSeconds() > span[0]),
                    () -> "reference AF " + span[0] + "-" + span[1] + " s not found in " + af);
        }
    }

    @Test
    void theRrGateRemovesFalseAfOnSinusRhythmWithEctopicBeats() throws Exception {
        for (String name : List.of("209", "215")) {
            Path header = SharedData.ecg().resolve("mitdb/" + name + ".hea");
            assertTrue(afSpans(header, 1800).isEmpty(), "no reference AF in " + name);
            EcgClassifier.Settings gated = EcgClassifier.Settings.defaults();
            EcgClassifier.Settings ungated = new EcgClassifier.Settings(gated.chunkSeconds(), gated.afMinSeconds(),
                    gated.afOffProbability(), gated.afMergeGapSeconds(), 0, gated.runMinBeats(), gated.batchSize(),
                    gated.trendStepSeconds());
            List<Detection> modelOnly = afEpisodes(header, ungated);
            assertTrue(!modelOnly.isEmpty(), () -> name + ": the model alone calls AF (what the gate is for)");
            List<Detection> reported = afEpisodes(header, gated);
            assertTrue(reported.isEmpty(), () -> name + ": false AF episodes with the RR gate: " + reported);
        }
    }

    private static List<Detection> afEpisodes(Path header, EcgClassifier.Settings settings) throws Exception {
        WfdbRecord record = WfdbRecord.read(header);
        Path file = dir.resolve(record.name() + ".edf");
        if (!file.toFile().exists()) {
            write(file, record);
        }
        try (Recording recording = new EdfRecordingReader().open(file, ReadMode.STRICT)) {
            return new EcgClassifier(models, TestServices.spectrograms(), settings)
                    .classify(recording, ClassificationListener.ignoring()).detections().stream()
                    .filter(d -> d.label().equals("AFIB")).toList();
        }
    }

    /** AF/AFL spans [start, end) in seconds from the rhythm annotations. */
    private static List<double[]> afSpans(Path header, double seconds) throws IOException {
        WfdbRecord record = WfdbRecord.read(header);
        List<double[]> spans = new ArrayList<>();
        double start = -1;
        for (WfdbRecord.Annotation a : WfdbRecord.annotations(header.resolveSibling(record.name() + ".atr"))) {
            if (a.code() != AFIB_RHYTHM_CODE || !a.aux().startsWith("(")) {
                continue;
            }
            double t = a.sample() / record.rateHz();
            boolean af = a.aux().startsWith("(AFIB") || a.aux().startsWith("(AFL");
            if (start >= 0 && !af) {
                spans.add(new double[] {start, t});
                start = -1;
            } else if (start < 0 && af) {
                start = t;
            }
        }
        if (start >= 0) {
            spans.add(new double[] {start, seconds});
        }
        return spans;
    }

    /** Lead 0 (millivolts) as the EDF+ signal "ECG", whole seconds. */
    static void write(Path file, WfdbRecord record) throws IOException {
        int rate = (int) Math.round(record.rateHz());
        List<SignalSpec> signals = List.of(SignalSpec.edf("ECG", "mV", -10, 10, rate));
        RecordingSpec spec = new RecordingSpec(RecordingFormat.EDF_PLUS_C, new PatientInfo("", "", "", "", ""),
                new RecordingInfo("", "", "", "", ""), LocalDateTime.of(2024, 1, 2, 3, 4, 5), 1, signals,
                RecordingSpec.DEFAULT_ANNOTATION_BYTES);
        float[] lead = record.signals()[0];
        try (RecordingWriter writer = new EdfRecordingWriterService().create(file, spec)) {
            for (int second = 0; second < lead.length / rate; second++) {
                float[][] chunk = new float[1][rate];
                System.arraycopy(lead, second * rate, chunk[0], 0, rate);
                writer.append(chunk);
            }
        }
    }
}
