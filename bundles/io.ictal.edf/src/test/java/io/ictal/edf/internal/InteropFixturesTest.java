package io.ictal.edf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingSpec;
import io.ictal.api.recording.RecordingWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Writes one file of each kind the writer makes into target/interop/, where
 * src/test/interop/check.sh has MNE and EDFlib (the library behind EDFbrowser) read them; here the
 * project's reader reads them back.
 */
class InteropFixturesTest {

    static final Path DIR = Path.of("target", "interop");

    @Test
    void writesOneFileOfEachKind() throws Exception {
        Files.createDirectories(DIR);
        EdfRecordingWriterService writers = new EdfRecordingWriterService();
        EdfRecordingReader reader = new EdfRecordingReader();
        LocalDateTime start = LocalDateTime.of(2024, 5, 1, 20, 0, 0, 250_000_000);

        RecordingSpec edf = Fixtures.spec(RecordingFormat.EDF_PLUS_C, start, 1, 256, 256, 128);
        try (RecordingWriter w = writers.create(DIR.resolve("edfplus_c.edf"), edf)) {
            Fixtures.writeRecords(w, edf, 0, 30);
            w.annotate(Fixtures.annotation(5, 10, "seizure"));
            w.annotate(Fixtures.annotation(20.5, Double.NaN, "Ärger ✓"));
        }
        RecordingSpec bdf = Fixtures.spec(RecordingFormat.BDF_PLUS_D, start.withNano(0), 1, 256, 64);
        try (RecordingWriter w = writers.create(DIR.resolve("bdfplus_d.bdf"), bdf)) {
            Fixtures.writeRecords(w, bdf, 0, 10);
            w.startSegment(20);
            Fixtures.writeRecords(w, bdf, 10, 10);
            w.annotate(Fixtures.annotation(25, 1, "after the gap"));
        }
        List<Annotation> events = List.of(Fixtures.annotation(5, 10, "seizure (confirmed)"),
                Fixtures.annotation(60, Double.NaN, "artifact"));
        writers.writeAnnotations(DIR.resolve("annotations_only.edf"), Fixtures.PATIENT, Fixtures.RECORDING, start,
                events);
        writers.copyWithAnnotations(DIR.resolve("edfplus_c.edf"), DIR.resolve("edfplus_c_reviewed.edf"), events);

        try (Recording r = reader.open(DIR.resolve("edfplus_c_reviewed.edf"))) {
            assertEquals(4, r.annotations().size());
            assertEquals(start, r.header().start());
        }
        try (Recording r = reader.open(DIR.resolve("bdfplus_d.bdf"))) {
            assertEquals(2, r.segments().size());
        }
        try (Recording r = reader.open(DIR.resolve("annotations_only.edf"))) {
            assertEquals(2, r.annotations().size());
        }
    }
}
