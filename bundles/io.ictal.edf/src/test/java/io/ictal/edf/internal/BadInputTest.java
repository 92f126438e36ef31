package io.ictal.edf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.ReadWarning;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingFormatException;
import io.ictal.api.recording.RecordingSpec;
import io.ictal.api.recording.RecordingWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input: a typed error naming file, field and offset when strict; warnings when lenient. */
class BadInputTest {

    /** Two data signals of 100 samples, one annotation signal: header 1024 bytes. */
    private static final int NS = 3;

    @TempDir
    Path dir;

    private final EdfRecordingReader reader = new EdfRecordingReader();
    private Path file;
    private long recordBytes;

    @BeforeEach
    void writeValidFile() throws Exception {
        file = dir.resolve("patient.edf");
        RecordingSpec spec = Fixtures.spec(RecordingFormat.EDF_PLUS_C, Fixtures.START, 1, 100, 100);
        try (RecordingWriter w = new EdfRecordingWriterService().create(file, spec)) {
            Fixtures.writeRecords(w, spec, 0, 5);
            w.annotate(Fixtures.annotation(1, Double.NaN, "event"));
        }
        recordBytes = (Files.size(file) - 1024) / 5;
    }

    /** Strict read fails with the field and offset; lenient read succeeds with a matching warning. */
    private RecordingFormatException strictFailsLenientWarns(String field, long offset) throws Exception {
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> reader.open(file).close());
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(offset, e.byteOffset(), e.getMessage());
        assertTrue(e.getMessage().startsWith("patient.edf: " + field + " at byte " + offset + ": expected "),
                e.getMessage());
        try (Recording r = reader.open(file, ReadMode.LENIENT)) {
            assertTrue(r.warnings().stream().anyMatch(w -> w.field().equals(field) && w.byteOffset() == offset),
                    r.warnings().toString());
        }
        return e;
    }

    @Test
    void truncatedFileIsRefusedStrictlyAndReadToTheLastCompleteRecordLeniently() throws Exception {
        Fixtures.truncate(file, 1024 + 3 * recordBytes + 17);
        RecordingFormatException e = strictFailsLenientWarns("header.recordCount", 236);
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        try (Recording r = reader.open(file, ReadMode.LENIENT)) {
            assertEquals(3, r.header().recordCount());
            assertEquals(Fixtures.value(0, 299), r.read(0, 2, 1)[99]);
        }
    }

    @Test
    void headerCountThatDisagreesWithTheFileSize() throws Exception {
        Fixtures.patchField(file, 236, 8, "4");
        RecordingFormatException e = strictFailsLenientWarns("header.recordCount", 236);
        assertTrue(e.getMessage().contains("beyond the last record"), e.getMessage());
        Fixtures.patchField(file, 236, 8, "5");
        Fixtures.patchField(file, 184, 8, "768");
        strictFailsLenientWarns("header.headerBytes", 184);
    }

    @Test
    void nonAsciiByteInAnAsciiFieldNamesTheByteNotThePatient() throws Exception {
        Fixtures.patch(file, 8 + 14, new byte[] {(byte) 0xC3, (byte) 0xA9});
        RecordingFormatException e = strictFailsLenientWarns("header.patient", 22);
        assertTrue(e.getMessage().contains("byte 0xC3"), e.getMessage());
        assertFalse(e.getMessage().contains("Harry"), "no patient data in messages");
    }

    @Test
    void numberThatDoesNotParse() throws Exception {
        long physicalMax1 = 256 + 112 * NS + 8;
        Fixtures.patchField(file, physicalMax1, 8, "3,2767");
        RecordingFormatException e = strictFailsLenientWarns("signal[1].physicalMax", physicalMax1);
        assertEquals("\"3,2767\"", e.found());
        try (Recording r = reader.open(file, ReadMode.LENIENT)) {
            assertEquals(3.2767, r.header().signals().get(1).physicalMax(), 1e-12, "the comma read as a decimal point");
        }
    }

    @Test
    void digitalMinNotBelowDigitalMax() throws Exception {
        long digitalMax0 = 256 + 128 * NS;
        Fixtures.patchField(file, digitalMax0, 8, "-32768");
        RecordingFormatException e = strictFailsLenientWarns("signal[0].digitalMax", digitalMax0);
        assertTrue(e.getMessage().contains("greater than digitalMin (-32768)"), e.getMessage());
    }

    @Test
    void unparsableSampleCountIsFatalInBothModes() throws Exception {
        long spr0 = 256 + 216 * NS;
        Fixtures.patchField(file, spr0, 8, "many");
        for (ReadMode mode : ReadMode.values()) {
            RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> reader.open(file, mode));
            assertEquals("signal[0].samplesPerRecord", e.field());
            assertEquals(spr0, e.byteOffset());
        }
    }

    @Test
    void brokenTalIsLocatedInTheRecord() throws Exception {
        long annotations0 = 1024 + 400;
        Fixtures.patch(file, annotations0, new byte[] {'0'});
        RecordingFormatException e = strictFailsLenientWarns("record[0].signal[2] (annotations)", annotations0);
        assertTrue(e.getMessage().contains("+ or -"), e.getMessage());
    }

    @Test
    void gapInAContinuousFile() throws Exception {
        long annotations3 = 1024 + 3 * recordBytes + 400;
        Fixtures.patch(file, annotations3, "+9".getBytes());
        strictFailsLenientWarns("record[3].signal[2] (annotations)", annotations3);
        try (Recording r = reader.open(file, ReadMode.LENIENT)) {
            assertEquals(2, r.segments().size(), "the gap is exposed, not concatenated");
            assertEquals(9, r.segments().get(1).startSeconds(), 1e-9);
        }
    }

    @Test
    void gdfAndRandomFilesAreNotEdf() throws Exception {
        Path gdf = dir.resolve("x.gdf");
        byte[] header = new byte[512];
        System.arraycopy("GDF 2.10".getBytes(), 0, header, 0, 8);
        Files.write(gdf, header);
        RecordingFormatException e = assertThrows(RecordingFormatException.class,
                () -> reader.open(gdf, ReadMode.LENIENT));
        assertEquals("header.version", e.field());
        assertTrue(e.getMessage().contains("GDF"), e.getMessage());

        Path random = dir.resolve("random.bin");
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        Files.write(random, noise);
        assertEquals("header.version",
                assertThrows(RecordingFormatException.class, () -> reader.open(random)).field());

        Path tiny = dir.resolve("tiny.edf");
        Files.write(tiny, "0       ".getBytes());
        assertEquals("header", assertThrows(RecordingFormatException.class, () -> reader.open(tiny)).field());
    }

    @Test
    void signalHeaderCutShortIsFatal() throws Exception {
        Fixtures.truncate(file, 700);
        RecordingFormatException e = assertThrows(RecordingFormatException.class,
                () -> reader.open(file, ReadMode.LENIENT));
        assertEquals("header", e.field());
        assertTrue(e.getMessage().contains("1024 header bytes for 3 signals"), e.getMessage());
    }

    @Test
    void warningsSayWhatWasExpected() throws Exception {
        Fixtures.patchField(file, 168, 8, "02/03/02");
        try (Recording r = reader.open(file, ReadMode.LENIENT)) {
            ReadWarning w = r.warnings().get(0);
            assertEquals("header.startDate", w.field());
            assertTrue(w.message().contains("dd.mm.yy"), w.message());
            assertEquals(Fixtures.START, r.header().start());
        }
    }

    @Test
    void decimalFormsThatAreValidAreReadStrictly() throws Exception {
        Fixtures.patchField(file, 244, 8, "1.000000");
        Fixtures.patchField(file, 236, 8, "-1");
        try (Recording r = reader.open(file)) {
            assertEquals(1.0, r.header().recordDurationSeconds());
            assertEquals(5, r.header().recordCount(), "-1: counted from the file size");
            assertTrue(r.warnings().isEmpty());
        }
    }
}
