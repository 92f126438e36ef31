package io.ictal.shell.internal.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.PatientInfo;
import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.ReadWarning;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingFormatException;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.RecordingInfo;
import io.ictal.api.recording.RecordingReader;
import io.ictal.api.recording.Segment;
import io.ictal.api.recording.SignalInfo;
import io.ictal.shell.internal.CommandFailure;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfoReportTest {

    private static final Path FILE = Path.of("/data/chb01_03.edf");

    /** A recording as a reader would return it: two EEG derivations, an annotation signal, a gap, a warning. */
    private static final class FakeRecording implements Recording {
        @Override
        public Path file() {
            return FILE;
        }

        @Override
        public RecordingHeader header() {
            SignalInfo fp1 = new SignalInfo(0, "FP1-F7", ChannelType.EEG, "AgAgCl", "uV", -3200, 3200, -32768, 32767,
                    "HP:0.1Hz", 256, 256);
            SignalInfo c3 = new SignalInfo(1, "EEG C3-REF", ChannelType.EEG, "", "uV", -3200, 3200, -32768, 32767, "",
                    256, 256);
            SignalInfo ann = new SignalInfo(2, "EDF Annotations", ChannelType.ANNOTATION, "", "", -1, 1, -32768, 32767,
                    "", 60, 60);
            return new RecordingHeader(RecordingFormat.EDF_PLUS_D, "0",
                    new PatientInfo("MCH-0234567 F 02-MAY-1951 Haagse_Harry", "MCH-0234567", "F", "02-MAY-1951",
                            "Haagse_Harry"),
                    new RecordingInfo("Startdate 02-MAR-2002 ADM-991 BK Sony", "02-MAR-2002", "ADM-991", "BK", "Sony"),
                    LocalDateTime.of(2002, 3, 2, 10, 0, 0, 500_000_000), 1024, 20, 1, List.of(fp1, c3, ann));
        }

        @Override
        public List<Annotation> annotations() {
            return List.of(new Annotation(2.5, 10, "seizure", 2), new Annotation(15, Double.NaN, "Ärger", 2));
        }

        @Override
        public List<ReadWarning> warnings() {
            return List.of(new ReadWarning("header.startDate", 168, "expected dd.mm.yy, found \"02/03/02\""));
        }

        @Override
        public List<Segment> segments() {
            return List.of(new Segment(0, 10, 0, 10), new Segment(30, 10, 10, 10));
        }

        @Override
        public float[] read(int signalIndex, double startSeconds, double durationSeconds) {
            throw new UnsupportedOperationException("info reads no samples");
        }

        @Override
        public void close() {
        }
    }

    private static final RecordingReader READER = (file, mode) -> new FakeRecording();

    @Test
    void jsonFollowsTheDocumentedSchemaAndHidesThePatient() {
        String json = InfoCommand.render(READER, FILE, ReadMode.LENIENT, true, false);
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        assertEquals("ictal.info/1", o.get("schema").getAsString());
        assertEquals("chb01_03.edf", o.get("file").getAsString());
        assertEquals("LENIENT", o.get("mode").getAsString());
        assertEquals("EDF_PLUS_D", o.get("format").getAsString());
        assertEquals("2002-03-02T10:00:00.500", o.get("start").getAsString());
        assertEquals(20, o.get("recordCount").getAsLong());
        assertTrue(o.get("patient").isJsonNull());
        assertTrue(o.getAsJsonObject("recording").get("administrationCode").isJsonNull());
        JsonObject fp1 = o.getAsJsonArray("signals").get(0).getAsJsonObject();
        assertEquals("Fp1", fp1.get("electrode").getAsString());
        assertEquals("F7", fp1.get("reference").getAsString());
        assertTrue(fp1.get("bipolar").getAsBoolean());
        assertEquals(256.0, fp1.get("samplingRateHz").getAsDouble());
        assertEquals(30.0, o.getAsJsonArray("segments").get(1).getAsJsonObject().get("startSeconds").getAsDouble());
        assertTrue(o.getAsJsonArray("annotations").get(1).getAsJsonObject().get("durationSeconds").isJsonNull());
        assertEquals("Ärger", o.getAsJsonArray("annotations").get(1).getAsJsonObject().get("text").getAsString());
        assertEquals(168, o.getAsJsonArray("warnings").get(0).getAsJsonObject().get("byteOffset").getAsLong());
        for (String identifying : List.of("Harry", "0234567", "1951", "ADM-991")) {
            assertFalse(json.contains(identifying), identifying);
        }
    }

    @Test
    void showPatientPrintsTheIdentifyingFields() {
        JsonObject o = JsonParser.parseString(InfoCommand.render(READER, FILE, ReadMode.STRICT, true, true))
                .getAsJsonObject();
        assertEquals("Haagse_Harry", o.getAsJsonObject("patient").get("name").getAsString());
        assertEquals("ADM-991", o.getAsJsonObject("recording").get("administrationCode").getAsString());
        assertTrue(InfoCommand.render(READER, FILE, ReadMode.STRICT, false, true).contains("Haagse_Harry"));
    }

    @Test
    void textShowsHeaderSignalsSegmentsAnnotationsAndWarnings() {
        String text = InfoCommand.render(READER, FILE, ReadMode.LENIENT, false, false);
        List<String> lines = text.lines().toList();
        assertEquals("File:      chb01_03.edf  (EDF_PLUS_D, read lenient)", lines.get(0));
        assertTrue(text.contains("Records:   20 x 1 s = 20 s"), text);
        assertTrue(text.contains("(not shown; --show-patient shows it)"), text);
        assertTrue(lines.stream().anyMatch(l -> l.contains("FP1-F7") && l.contains("Fp1 - F7")), text);
        assertTrue(lines.stream().anyMatch(l -> l.contains("EEG C3-REF") && l.contains("C3 vs REF")), text);
        assertTrue(text.contains("  30 s + 10 s (records 10..19)"), text);
        assertTrue(lines.stream().anyMatch(l -> l.matches(" +2\\.5 +10  seizure")), text);
        assertTrue(text.contains("header.startDate at byte 168: expected dd.mm.yy"), text);
        assertFalse(text.contains("Harry") || text.contains("ADM-991"), text);
    }

    @Test
    void typedErrorBecomesAOneLineFailure() {
        RecordingReader broken = (file, mode) -> {
            throw new RecordingFormatException(file, "header.version", 0, "\"0\" (EDF) or 0xFF \"BIOSEMI\" (BDF)",
                    "\"GDF\"");
        };
        CommandFailure f = assertThrows(CommandFailure.class,
                () -> InfoCommand.render(broken, Path.of("x.gdf"), ReadMode.STRICT, false, false));
        assertEquals("x.gdf: header.version at byte 0: expected \"0\" (EDF) or 0xFF \"BIOSEMI\" (BDF), found \"GDF\""
                + " (--lenient reads what it can)", f.getMessage());
        assertEquals(0, f.getStackTrace().length, "no stack trace");
        assertThrows(CommandFailure.class, () -> InfoCommand.render(null, FILE, ReadMode.STRICT, false, false));
    }
}
