package io.ictal.review.internal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.PatientInfo;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingInfo;
import io.ictal.api.recording.RecordingSpec;
import io.ictal.api.recording.RecordingWriter;
import io.ictal.api.recording.SignalSpec;
import io.ictal.api.review.ExportBatch;
import io.ictal.api.review.ExportSelection;
import io.ictal.api.review.RecordingDescriptor;
import io.ictal.api.review.ReviewExporter;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewState;
import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.edf.internal.EdfRecordingWriterService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportersTest {

    private static final ModelIdentity MODEL = new ModelIdentity("ictal-seizure-cnn", "1.2.0", "b".repeat(64));
    private static final RecordingDescriptor RECORDING = new RecordingDescriptor("rec-01", null,
            LocalDateTime.of(2026, 3, 1, 22, 5, 1), 3600);
    private static final Instant DECIDED = Instant.parse("2026-03-02T08:00:00Z");

    /** Confirmed, edited (onset 95 -> 92.5, offset 125 -> 131), rejected, pending. */
    static final List<ReviewItem> ITEMS = List.of(
            new ReviewItem(1, "rec-01", detection("seizure", 10.123, 20, 0.93, "F7-T7", "T7-P7"), ReviewState.CONFIRMED,
                    "alice", DECIDED, "", 1),
            new ReviewItem(2, "rec-01", detection("GNSZ", 95, 30, 0.71), ReviewState.EDITED, "alice", DECIDED,
                    "onset earlier", 2, 92.5, 131),
            new ReviewItem(3, "rec-01", detection("seizure", 400, 12, 0.55, "FP1-F7"), ReviewState.REJECTED, "bob",
                    DECIDED, "chewing", 1),
            new ReviewItem(4, "rec-01", detection("seizure", 900, 15, 0.6), ReviewState.PENDING, null, null, "", 0));

    @TempDir
    Path dir;

    static Detection detection(String label, double onset, double duration, double confidence, String... channels) {
        return new Detection("d-" + onset, "seizure-detection", label, onset, duration, List.of(channels), confidence,
                MODEL, Map.of(), null);
    }

    static ExportBatch batch(RecordingDescriptor recording, ExportSelection selection, boolean patient) {
        return new ExportBatch(recording, ITEMS.stream().filter(selection::includes).toList(), selection, patient);
    }

    static String text(ReviewExporter exporter, ExportBatch batch) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(batch, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void bidsEventsHaveSzcoresColumnsAndTheReviewersTimes() throws IOException {
        assertEquals("""
                onset\tduration\teventType\tconfidence\tchannels\tdateTime\trecordingDuration
                10.12\t20.00\tsz\t0.93\tF7-T7,T7-P7\t2026-03-01 22:05:01\t3600.00
                92.50\t38.50\tsz_gen\t0.71\tn/a\t2026-03-01 22:05:01\t3600.00
                """, text(new BidsEventsExporter(), batch(RECORDING, ExportSelection.ACCEPTED, false)));
    }

    @Test
    void bidsEverythingAddsTheStateAndNoEventsIsBackground() throws IOException {
        String all = text(new BidsEventsExporter(), batch(RECORDING, ExportSelection.ALL, false));
        List<String> lines = all.lines().toList();
        assertEquals(5, lines.size());
        assertTrue(lines.get(0).endsWith("\trecordingDuration\treviewState"), lines.get(0));
        assertEquals("400.00\t12.00\tsz\t0.55\tFP1-F7\t2026-03-01 22:05:01\t3600.00\trejected", lines.get(3));
        assertTrue(lines.get(4).endsWith("\tpending"), lines.get(4));

        String none = text(new BidsEventsExporter(), new ExportBatch(RecordingDescriptor.unknown("rec-02"), List.of(),
                ExportSelection.ACCEPTED, false));
        assertEquals("onset\tduration\teventType\tconfidence\tchannels\tdateTime\trecordingDuration\n", none,
                "no duration known: no background row can be written");
        String background = text(new BidsEventsExporter(), new ExportBatch(RECORDING, List.of(),
                ExportSelection.ACCEPTED, false));
        assertTrue(background.endsWith("0.00\t3600.00\tbckg\tn/a\tn/a\t2026-03-01 22:05:01\t3600.00\n"), background);
    }

    @Test
    void csvBiIsTheTuhBinaryFormatCoveringTheRecording() throws IOException {
        assertEquals("""
                # version = csv_v1.0.0
                # bname = rec-01
                # duration = 3600.00 secs
                #
                channel,start_time,stop_time,label,confidence
                TERM,0.0000,10.1230,bckg,1.0000
                TERM,10.1230,30.1230,seiz,0.9300
                TERM,30.1230,92.5000,bckg,1.0000
                TERM,92.5000,131.0000,seiz,0.7100
                TERM,131.0000,3600.0000,bckg,1.0000
                """, text(new CsvBiExporter(), batch(RECORDING, ExportSelection.ACCEPTED, false)));
        String all = text(new CsvBiExporter(), batch(RECORDING, ExportSelection.ALL, false));
        assertTrue(all.contains("TERM,131.0000,3600.0000,bckg,1.0000\n# rejected: TERM,400.0000,412.0000,seiz,0.5500\n"),
                all);
        assertTrue(all.endsWith("# pending: TERM,900.0000,915.0000,seiz,0.6000\n"), all);
        String none = text(new CsvBiExporter(), new ExportBatch(RECORDING, List.of(), ExportSelection.ACCEPTED, false));
        assertTrue(none.endsWith("channel,start_time,stop_time,label,confidence\nTERM,0.0000,3600.0000,bckg,1.0000\n"),
                none);
    }

    @Test
    void csvBiMergesOverlappingEventsAndLeavesAnUnknownTailOut() throws IOException {
        List<ReviewItem> overlapping = List.of(
                new ReviewItem(1, "rec-x", detection("seizure", 10, 20, 0.6), ReviewState.CONFIRMED, "a", DECIDED, "", 1),
                new ReviewItem(2, "rec-x", detection("GNSZ", 25, 15, 0.8), ReviewState.CONFIRMED, "a", DECIDED, "", 1));
        String text = text(new CsvBiExporter(), new ExportBatch(RecordingDescriptor.unknown("rec-x"), overlapping,
                ExportSelection.ACCEPTED, false));
        assertTrue(text.endsWith("confidence\nTERM,0.0000,10.0000,bckg,1.0000\nTERM,10.0000,40.0000,seiz,0.8000\n"),
                text);
        assertTrue(!text.contains("# duration"), text);
    }

    @Test
    void jsonHasEveryItemWithItsState() throws IOException {
        JsonObject json = JsonParser.parseString(text(new JsonExporter(), batch(RECORDING, ExportSelection.ALL, false)))
                .getAsJsonObject();
        assertEquals(JsonExporter.SCHEMA, json.get("schema").getAsString());
        assertEquals("2026-03-01T22:05:01", json.getAsJsonObject("recording").get("start").getAsString());
        assertEquals("all", json.get("selection").getAsString());
        var items = json.getAsJsonArray("items");
        assertEquals(4, items.size());
        JsonObject edited = items.get(1).getAsJsonObject();
        assertEquals("EDITED", edited.get("state").getAsString());
        assertEquals(92.5, edited.get("onsetSeconds").getAsDouble());
        assertEquals(95, edited.getAsJsonObject("detection").get("onsetSeconds").getAsDouble());
        assertEquals("1.2.0", edited.getAsJsonObject("detection").getAsJsonObject("model").get("version").getAsString());
        assertTrue(items.get(3).getAsJsonObject().get("reviewer").isJsonNull());
    }

    @Test
    void edfAnnotationsAreReadBackByTheReaderWithoutPatientFields() throws Exception {
        Path source = recordingWithPatient();
        RecordingDescriptor described = new RecordingDescriptor("rec-01", source.toString(), RECORDING.start(), 3600);
        EdfAnnotationsExporter exporter = new EdfAnnotationsExporter(new EdfRecordingWriterService(),
                new EdfRecordingReader());

        Path plain = dir.resolve("plain.edf");
        Files.write(plain, bytes(exporter, batch(described, ExportSelection.ALL, false)));
        String header = new String(Files.readAllBytes(plain), 0, 256, StandardCharsets.US_ASCII);
        assertFalse(header.contains("Doe"), header);
        assertFalse(header.contains("MRN"), header);
        try (Recording read = new EdfRecordingReader().open(plain)) {
            assertEquals(RecordingFormat.EDF_PLUS_C, read.header().format());
            assertEquals(RECORDING.start(), read.header().start());
            assertEquals("", read.header().patient().name());
            List<Annotation> annotations = read.annotations();
            assertEquals(List.of("seizure [confirmed]", "GNSZ [edited]", "seizure [rejected]", "seizure [pending]"),
                    annotations.stream().map(Annotation::text).toList());
            assertEquals(92.5, annotations.get(1).onsetSeconds(), 1e-6);
            assertEquals(38.5, annotations.get(1).durationSeconds(), 1e-6);
        }

        // Configured to export patient fields: the recording's own identification is copied.
        Path identified = dir.resolve("identified.edf");
        Files.write(identified, bytes(exporter, batch(described, ExportSelection.ACCEPTED, true)));
        try (Recording read = new EdfRecordingReader().open(identified)) {
            assertEquals("Jane_Doe", read.header().patient().name().replace(' ', '_'));
            assertEquals(List.of("seizure", "GNSZ"), read.annotations().stream().map(Annotation::text).toList());
        }
    }

    private static byte[] bytes(ReviewExporter exporter, ExportBatch batch) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(batch, out);
        return out.toByteArray();
    }

    /** A small EDF+ recording whose header names a patient. */
    private Path recordingWithPatient() throws IOException {
        Path file = dir.resolve("source.edf");
        RecordingSpec spec = new RecordingSpec(RecordingFormat.EDF_PLUS_C,
                new PatientInfo("", "MRN-0042", "F", "02-MAY-1951", "Jane Doe"),
                new RecordingInfo("", "", "ADM-7", "tech", "amp"), RECORDING.start(), 1,
                List.of(SignalSpec.edf("EEG Fp1-REF", "uV", -500, 500, 8)), RecordingSpec.DEFAULT_ANNOTATION_BYTES);
        try (RecordingWriter w = new EdfRecordingWriterService().create(file, spec)) {
            w.append(new float[][] {new float[16]});
        }
        return file;
    }
}
