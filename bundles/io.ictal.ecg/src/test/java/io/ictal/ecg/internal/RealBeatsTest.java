package io.ictal.ecg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.Classification;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.Trend;
import io.ictal.api.model.ModelRegistry;
import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.Recording;
import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.inference.internal.ShippedEcgModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beats end to end on real ECG (MIT-BIH record 119, ventricular bigeminy, lead 0 written to EDF+): the
 * streamed inputs (RR features 150 s ahead, the usual beat over the 64 beats around) give the same
 * beat labels whatever the chunk size, and the ventricular beats counted are near the reference's.
 * Record 119 is one of the beat model's training records: a check of the wiring, not of the model.
 * Skipped when ../shared/data is absent.
 */
class RealBeatsTest {

    private static final int PVC = 5;
    private static final int VENTRICULAR_ESCAPE = 10;

    @TempDir
    static Path dir;
    private static ModelRegistry models;

    @BeforeAll
    static void models() {
        models = ShippedEcgModels.registry();
    }

    private record Result(List<Detection> runs, double[] vPerHour, double[] sPerHour, double seconds) {
    }

    private static Result classify(WfdbRecord record, double chunkSeconds) throws Exception {
        Path file = dir.resolve(record.name() + ".edf");
        if (!file.toFile().exists()) {
            RealAfEpisodesTest.write(file, record);
        }
        EcgClassifier.Settings d = EcgClassifier.Settings.defaults();
        // one trend bin over the whole record: its value times the record's hours is the beat count
        EcgClassifier.Settings settings = new EcgClassifier.Settings(chunkSeconds, d.afMinSeconds(),
                d.afOffProbability(), d.afMergeGapSeconds(), d.afMinRrIrregularity(), d.runMinBeats(), d.batchSize(),
                1e6);
        List<Trend> trends = new ArrayList<>();
        ClassificationListener listener = ClassificationListener.trendsTo(trends::add);
        try (Recording recording = new EdfRecordingReader().open(file, ReadMode.STRICT)) {
            Classification c = new EcgClassifier(models, TestServices.spectrograms(), settings)
                    .classify(recording, listener);
            assertTrue(c.complete());
            double seconds = recording.header().durationSeconds();
            return new Result(c.detections().stream().filter(x -> x.label().endsWith("-RUN")).toList(),
                    series(trends, "ecg-v-per-hour"), series(trends, "ecg-s-per-hour"), seconds);
        }
    }

    private static double[] series(List<Trend> trends, String id) {
        return trends.stream().filter(t -> t.seriesId().equals(id)).flatMapToDouble(t -> java.util.Arrays.stream(
                t.values())).toArray();
    }

    @Test
    void beatLabelsDoNotDependOnTheChunkSize() throws Exception {
        WfdbRecord record = WfdbRecord.read(SharedData.ecg().resolve("mitdb/119.hea"));
        Result whole = classify(record, 2000);
        Result chunked = classify(record, 200);
        assertEquals(1, whole.vPerHour().length);
        assertEquals(whole.vPerHour()[0], chunked.vPerHour()[0], 1e-9, "V beats per hour");
        assertEquals(whole.sPerHour()[0], chunked.sPerHour()[0], 1e-9, "S beats per hour");
        assertEquals(whole.runs().size(), chunked.runs().size(), "ectopic runs");
        for (int k = 0; k < whole.runs().size(); k++) {
            Detection a = whole.runs().get(k);
            Detection b = chunked.runs().get(k);
            assertEquals(a.label(), b.label());
            assertEquals(a.onsetSeconds(), b.onsetSeconds(), 1e-9);
            assertEquals(a.offsetSeconds(), b.offsetSeconds(), 1e-9);
        }
    }

    @Test
    void countsTheVentricularBeatsOfRecord119() throws Exception {
        Path header = SharedData.ecg().resolve("mitdb/119.hea");
        WfdbRecord record = WfdbRecord.read(header);
        long reference = WfdbRecord.annotations(header.resolveSibling("119.atr")).stream()
                .filter(a -> a.code() == PVC || a.code() == VENTRICULAR_ESCAPE).count();
        Result r = classify(record, EcgClassifier.Settings.defaults().chunkSeconds());
        double counted = r.vPerHour()[0] * r.seconds() / 3600;
        assertTrue(reference > 400, "record 119 holds " + reference + " ventricular beats");
        assertTrue(Math.abs(counted - reference) < 0.2 * reference,
                () -> "V beats counted " + counted + ", reference " + reference);
    }
}
