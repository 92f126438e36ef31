package io.ictal.edf.internal;

import static io.ictal.edf.internal.Fixtures.annotation;
import static io.ictal.edf.internal.Fixtures.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.RecordingSpec;
import io.ictal.api.recording.RecordingWriter;
import io.ictal.api.recording.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Files written by the writer, read back by the reader: every header field, sample and annotation. */
class RoundTripTest {

    @TempDir
    Path dir;

    private final EdfRecordingWriterService writers = new EdfRecordingWriterService();
    private final EdfRecordingReader reader = new EdfRecordingReader();

    @ParameterizedTest
    @EnumSource(value = RecordingFormat.class, names = {"EDF_PLUS_C", "BDF_PLUS_C"})
    void continuousMultiRateRecordingRoundTrips(RecordingFormat format) throws Exception {
        Path file = dir.resolve("multi." + (format == RecordingFormat.BDF_PLUS_C ? "bdf" : "edf"));
        RecordingSpec spec = Fixtures.spec(format, Fixtures.START, 1, 256, 256, 128, 8, 1);
        try (RecordingWriter w = writers.create(file, spec)) {
            Fixtures.writeRecords(w, spec, 0, 10);
            w.annotate(annotation(1.5, 2, "seizure onset"));
            w.annotate(annotation(3, Double.NaN, "Ärger über Spikes ✓"));
        }
        try (Recording r = reader.open(file)) {
            RecordingHeader h = r.header();
            assertEquals(format, h.format());
            assertEquals(Fixtures.START, h.start());
            assertEquals(10, h.recordCount());
            assertEquals(1.0, h.recordDurationSeconds());
            assertEquals(6, h.signals().size());
            assertEquals(List.of("EEG Fp1-REF", "FP1-F7", "ECG", "Resp chest", "SpO2"),
                    h.dataSignals().stream().map(s -> s.label()).toList());
            assertEquals(List.of(ChannelType.EEG, ChannelType.EEG, ChannelType.ECG, ChannelType.RESPIRATION,
                    ChannelType.SPO2, ChannelType.ANNOTATION), h.signals().stream().map(s -> s.type()).toList());
            assertTrue(h.signals().get(1).derivation().bipolar());
            assertEquals("MCH-0234567", h.patient().code());
            assertEquals("F", h.patient().sex());
            assertEquals("02-MAY-1951", h.patient().birthdate());
            assertEquals("Haagse_Harry", h.patient().name());
            assertEquals("02-MAR-2002", h.recording().startDate());
            assertEquals("EMG561", h.recording().administrationCode());
            assertEquals("BK/JOP", h.recording().technician());
            assertEquals("Sony", h.recording().equipment());
            assertEquals(128.0, h.signals().get(2).samplingRateHz());
            assertEquals(List.of(new Segment(0, 10, 0, 10)), r.segments());
            assertEquals(List.of(annotation(1.5, 2, "seizure onset"), annotation(3, Double.NaN, "Ärger über Spikes ✓"))
                    .stream().map(Annotation::text).toList(), r.annotations().stream().map(Annotation::text).toList());
            assertEquals(1.5, r.annotations().get(0).onsetSeconds(), 1e-9);
            assertEquals(2.0, r.annotations().get(0).durationSeconds(), 1e-9);
            assertTrue(r.warnings().isEmpty());
            for (int s = 0; s < 5; s++) {
                float[] all = r.read(s, 0, 10);
                int spr = spec.signals().get(s).samplesPerRecord();
                assertEquals(10 * spr, all.length);
                for (int i = 0; i < all.length; i++) {
                    assertEquals(value(s, i), all[i], 0.0, "signal " + s + " sample " + i);
                }
            }
        }
    }

    @Test
    void readsTimeRangesChannelSubsetsAndCallerBuffers() throws Exception {
        Path file = dir.resolve("range.edf");
        RecordingSpec spec = Fixtures.spec(RecordingFormat.EDF_PLUS_C, Fixtures.START, 0.5, 128, 64);
        try (RecordingWriter w = writers.create(file, spec)) {
            Fixtures.writeRecords(w, spec, 0, 8);
        }
        try (Recording r = reader.open(file)) {
            assertEquals(0.5, r.header().recordDurationSeconds());
            assertEquals(256.0, r.header().signals().get(0).samplingRateHz());
            float[][] blocks = r.read(new int[] {1, 0}, 1.25, 1.5);
            assertEquals(192, blocks[0].length);
            assertEquals(384, blocks[1].length);
            assertEquals(value(1, 160), blocks[0][0]);
            assertEquals(value(0, 320 + 383), blocks[1][383]);
            float[] buffer = new float[600];
            r.read(0, 3.5, buffer, 10, 300);
            assertEquals(value(0, 896), buffer[10]);
            assertEquals(value(0, 1023), buffer[10 + 127]);
            assertTrue(Float.isNaN(buffer[10 + 128]), "after the end of the data");
            assertEquals(0f, buffer[9]);
            float[] before = r.read(0, -0.5, 1);
            assertTrue(Float.isNaN(before[127]));
            assertEquals(value(0, 0), before[128]);
            assertThrows(IllegalArgumentException.class, () -> r.read(2, 0, 1), "annotation signal");
            assertThrows(IllegalArgumentException.class, () -> r.read(0, Double.NaN, 1));
            assertThrows(IllegalArgumentException.class, () -> r.read(0, 0, buffer, 500, 200));
        }
    }

    @Test
    void discontinuousFileExposesGapsAndNeverConcatenates() throws Exception {
        Path file = dir.resolve("gaps.edf");
        RecordingSpec spec = Fixtures.spec(RecordingFormat.EDF_PLUS_D, Fixtures.START, 1, 100);
        try (RecordingWriter w = writers.create(file, spec)) {
            Fixtures.writeRecords(w, spec, 0, 3);
            w.startSegment(10.5);
            Fixtures.writeRecords(w, spec, 3, 2);
            assertThrows(IllegalArgumentException.class, () -> w.startSegment(5));
            assertEquals(12.5, w.writtenSeconds(), 1e-9);
        }
        try (Recording r = reader.open(file)) {
            assertEquals(RecordingFormat.EDF_PLUS_D, r.header().format());
            assertEquals(List.of(new Segment(0, 3, 0, 3), new Segment(10.5, 2, 3, 2)), r.segments());
            float[] x = r.read(0, 2, 10);
            assertEquals(1000, x.length);
            assertEquals(value(0, 200), x[0]);
            assertEquals(value(0, 299), x[99]);
            assertTrue(Float.isNaN(x[100]) && Float.isNaN(x[849]), "the gap is NaN");
            assertEquals(value(0, 300), x[850], "the second segment starts at 10.5 s");
        }
    }

    @Test
    void continuousWriterRefusesGaps() throws Exception {
        RecordingSpec spec = Fixtures.spec(RecordingFormat.EDF_PLUS_C, Fixtures.START, 1, 10);
        try (RecordingWriter w = writers.create(dir.resolve("c.edf"), spec)) {
            assertThrows(IllegalStateException.class, () -> w.startSegment(5));
        }
    }

    @Test
    void subsecondStartGoesIntoTheFirstTimeKeepingTal() throws Exception {
        Path file = dir.resolve("subsecond.bdf");
        LocalDateTime start = LocalDateTime.of(2084, 12, 31, 23, 59, 59, 250_000_000);
        RecordingSpec spec = Fixtures.spec(RecordingFormat.BDF_PLUS_C, start, 1, 16);
        try (RecordingWriter w = writers.create(file, spec)) {
            Fixtures.writeRecords(w, spec, 0, 2);
            w.annotate(annotation(0.75, Double.NaN, "event"));
        }
        try (Recording r = reader.open(file)) {
            assertEquals(start, r.header().start());
            assertEquals(0.75, r.annotations().get(0).onsetSeconds(), 1e-9);
            assertEquals(0, r.segments().get(0).startSeconds(), 1e-9);
        }
    }

    @Test
    void headerSaysMinusOneWhileWritingAndReaderCountsTheRecordsOnDisk() throws Exception {
        Path file = dir.resolve("growing.edf");
        RecordingSpec spec = Fixtures.spec(RecordingFormat.EDF_PLUS_C, Fixtures.START, 1, 32);
        try (RecordingWriter w = writers.create(file, spec)) {
            Fixtures.writeRecords(w, spec, 0, 4);
            w.append(0, new float[10], 0, 10);
            try (Recording r = reader.open(file)) {
                assertEquals(4, r.header().recordCount(), "complete records while the header says -1");
            }
        }
        try (Recording r = reader.open(file)) {
            assertEquals(5, r.header().recordCount(), "the partial record was padded on close");
            assertEquals(0f, r.read(0, 4, 1)[9]);
        }
    }

    @Test
    void annotationOnlyFileHasRecordDurationZero() throws Exception {
        Path file = dir.resolve("events.edf");
        List<Annotation> events = List.of(annotation(12.5, 30, "seizure (confirmed)"),
                annotation(100, Double.NaN, "artifact"), annotation(-1.5, 0.5, "before start"));
        writers.writeAnnotations(file, Fixtures.PATIENT, Fixtures.RECORDING, Fixtures.START, events);
        try (Recording r = reader.open(file)) {
            assertEquals(RecordingFormat.EDF_PLUS_C, r.header().format());
            assertEquals(0.0, r.header().recordDurationSeconds());
            assertEquals(List.of("before start", "seizure (confirmed)", "artifact"),
                    r.annotations().stream().map(Annotation::text).toList());
            assertEquals(-1.5, r.annotations().get(0).onsetSeconds(), 1e-9);
            assertEquals(30, r.annotations().get(1).durationSeconds(), 1e-9);
            assertTrue(r.header().dataSignals().isEmpty());
        }
    }

    @Test
    void annotatedCopyKeepsEveryByteAndAddsAnAnnotationSignal() throws Exception {
        Path source = dir.resolve("source.edf");
        RecordingSpec spec = Fixtures.spec(RecordingFormat.EDF_PLUS_C, Fixtures.START.withNano(500_000_000), 1, 64, 32);
        try (RecordingWriter w = writers.create(source, spec)) {
            Fixtures.writeRecords(w, spec, 0, 5);
            w.annotate(annotation(1, Double.NaN, "original"));
        }
        Path copy = dir.resolve("copy.edf");
        writers.copyWithAnnotations(source, copy, List.of(annotation(2.25, 10, "seizure"), annotation(0, 1, "eyes closed")));
        try (Recording a = reader.open(source); Recording b = reader.open(copy)) {
            assertEquals(a.header().signals().size() + 1, b.header().signals().size());
            assertEquals(a.header().start(), b.header().start());
            assertEquals(a.header().patient().raw(), b.header().patient().raw());
            assertEquals(List.of("eyes closed", "original", "seizure"),
                    b.annotations().stream().map(Annotation::text).toList());
            assertEquals(2.25, b.annotations().get(2).onsetSeconds(), 1e-9);
            for (int s = 0; s < 2; s++) {
                assertArrayEquals(a.read(s, 0, 5), b.read(s, 0, 5));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> writers.copyWithAnnotations(source, source, List.of()));
    }

    @Test
    void annotatedCopyOfPlainEdfBecomesEdfPlus() throws Exception {
        Path source = dir.resolve("plain.edf");
        RecordingSpec spec = Fixtures.spec(RecordingFormat.EDF_PLUS_C, Fixtures.START, 1, 10);
        try (RecordingWriter w = writers.create(source, spec)) {
            Fixtures.writeRecords(w, spec, 0, 3);
        }
        // Make it a legacy EDF: blank reserved field and free-text identification.
        Fixtures.patchField(source, 192, 44, "");
        Fixtures.patchField(source, 8, 80, "Legacy patient");
        Path copy = dir.resolve("plain+annotations.edf");
        writers.copyWithAnnotations(source, copy, List.of(annotation(1, Double.NaN, "marker")));
        try (Recording a = reader.open(source); Recording b = reader.open(copy)) {
            assertEquals(RecordingFormat.EDF, a.header().format());
            assertEquals(RecordingFormat.EDF_PLUS_C, b.header().format());
            assertEquals("Legacy_patient", b.header().patient().name());
            assertEquals(List.of("marker"), b.annotations().stream().map(Annotation::text).toList());
            assertEquals(List.of(new Segment(0, 3, 0, 3)), b.segments());
            assertArrayEquals(a.read(0, 0, 3), b.read(0, 0, 3));
        }
    }

    @Test
    void annotationsThatDoNotFitAreReportedNotDropped() throws Exception {
        Path file = dir.resolve("full.edf");
        RecordingSpec spec = Fixtures.spec(RecordingFormat.EDF_PLUS_C, Fixtures.START, 1, 10);
        RecordingWriter w = writers.create(file, spec);
        Fixtures.writeRecords(w, spec, 0, 1);
        for (int i = 0; i < 20; i++) {
            w.annotate(annotation(i, Double.NaN, "spike " + i));
        }
        IOException e = assertThrows(IOException.class, w::close);
        assertTrue(e.getMessage().contains("did not fit"), e.getMessage());
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void writerRefusesWhatTheFormatCannotHold() throws Exception {
        RecordingSpec spec = Fixtures.spec(RecordingFormat.EDF_PLUS_C, Fixtures.START, 1, 10);
        try (RecordingWriter w = writers.create(dir.resolve("x.edf"), spec)) {
            assertThrows(IllegalArgumentException.class, () -> w.annotate(annotation(0, Double.NaN, "a\u0014b")));
            assertThrows(IllegalArgumentException.class, () -> w.annotate(annotation(0, Double.NaN, "")));
            assertThrows(IllegalArgumentException.class, () -> w.append(new float[2][]));
            assertThrows(IllegalArgumentException.class, () -> w.append(0, new float[] {1, Float.NaN}, 0, 2));
        }
        RecordingSpec third = Fixtures.spec(RecordingFormat.EDF_PLUS_C, Fixtures.START, 1.0 / 3, 10);
        assertThrows(IllegalArgumentException.class, () -> writers.create(dir.resolve("y.edf"), third));
    }

    @Test
    void readerAndWriterAreSafeForConcurrentReads() throws Exception {
        Path file = dir.resolve("concurrent.edf");
        RecordingSpec spec = Fixtures.spec(RecordingFormat.EDF_PLUS_C, Fixtures.START, 1, 256, 256);
        try (RecordingWriter w = writers.create(file, spec)) {
            Fixtures.writeRecords(w, spec, 0, 60);
        }
        try (Recording r = reader.open(file, ReadMode.STRICT)) {
            List<Float> firsts = java.util.stream.IntStream.range(0, 64).parallel().mapToObj(i -> {
                try {
                    return r.read(i % 2, i % 60, 1)[0];
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            for (int i = 0; i < 64; i++) {
                assertEquals(value(i % 2, (i % 60) * 256L), firsts.get(i));
            }
        }
    }
}
