package io.ictal.api.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingRecordsTest {

    static SignalInfo eeg(int index, String label) {
        return new SignalInfo(index, label, ChannelType.EEG, "AgAgCl electrode", "uV", -3200, 3200, -32768, 32767,
                "HP:0.1Hz LP:75Hz", 256, 256);
    }

    @Test
    void gainAndOffsetMapDigitalExtremesToPhysicalExtremes() {
        SignalInfo s = new SignalInfo(0, "EEG Fp1", ChannelType.EEG, "", "uV", -500, 1500, -2048, 2047, "", 100, 100);
        assertEquals(-500, -2048 * s.gain() + s.offset(), 1e-9);
        assertEquals(1500, 2047 * s.gain() + s.offset(), 1e-9);
    }

    @Test
    void signalRejectsDigitalMinNotBelowMax() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SignalInfo(0, "C3", ChannelType.EEG, "", "uV", -1, 1, 5, 5, "", 1, 1));
        assertTrue(e.getMessage().contains("digitalMin (5) must be < digitalMax (5)"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new SignalInfo(0, "C3", ChannelType.EEG, "", "uV", -1, 1, 0, 5, "", 0, 1));
    }

    @Test
    void headerFindsSignalsAndSeparatesAnnotations() {
        SignalInfo annotations = new SignalInfo(2, "EDF Annotations", ChannelType.ANNOTATION, "", "", -1, 1,
                -32768, 32767, "", 60, 60);
        RecordingHeader h = new RecordingHeader(RecordingFormat.EDF_PLUS_C, "0",
                new PatientInfo("MCH-0234567 F 02-MAY-1951 Haagse_Harry", "MCH-0234567", "F", "02-MAY-1951",
                        "Haagse_Harry"),
                new RecordingInfo("Startdate 02-MAR-2002 EMG561 BK/JOP Sony", "02-MAR-2002", "EMG561", "BK/JOP", "Sony"),
                LocalDateTime.of(2002, 3, 2, 10, 0), 1024, 3600, 1.0,
                List.of(eeg(0, "FP1-F7"), eeg(1, "F7-T7"), annotations));
        assertEquals(3600, h.durationSeconds(), 0);
        assertEquals(2, h.dataSignals().size());
        assertEquals(1, h.indexOf(" f7-t7 "));
        assertEquals(-1, h.indexOf("O2"));
        assertTrue(h.signals().get(2).isAnnotation());
    }

    @Test
    void patientFieldsNeverAppearInToString() {
        PatientInfo p = new PatientInfo("MCH-0234567 F 02-MAY-1951 Haagse_Harry", "MCH-0234567", "F", "02-MAY-1951",
                "Haagse_Harry");
        assertFalse(p.toString().contains("Harry"));
        assertFalse(p.toString().contains("0234567"));
        RecordingInfo r = new RecordingInfo("Startdate 02-MAR-2002 ADM-991 BK Sony", "02-MAR-2002", "ADM-991", "BK", "Sony");
        assertFalse(r.toString().contains("ADM-991"));
    }

    @Test
    void formatExceptionNamesFileFieldOffsetAndExpectation() {
        RecordingFormatException e = new RecordingFormatException(Path.of("/data/night.edf"), "signal[2].digitalMax",
                1234, "an integer greater than digitalMin (-32768)", "\"abc\"");
        assertEquals("night.edf: signal[2].digitalMax at byte 1234: expected an integer greater than digitalMin "
                + "(-32768), found \"abc\"", e.getMessage());
        assertEquals(1234, e.byteOffset());
    }

    @Test
    void formatKnowsSampleWidthAndContinuity() {
        assertEquals(2, RecordingFormat.EDF_PLUS_D.bytesPerSample());
        assertEquals(3, RecordingFormat.BDF.bytesPerSample());
        assertTrue(RecordingFormat.BDF_PLUS_D.discontinuous());
        assertFalse(RecordingFormat.EDF_PLUS_C.discontinuous());
    }

    @Test
    void annotationAndSegmentValidate() {
        Annotation a = new Annotation(-0.5, Double.NaN, "Recording starts", 3);
        assertFalse(a.hasDuration());
        assertThrows(IllegalArgumentException.class, () -> new Annotation(0, -1, "x", 0));
        assertThrows(IllegalArgumentException.class, () -> new Annotation(Double.NaN, 1, "x", 0));
        assertEquals(15, new Segment(10, 5, 10, 5).endSeconds(), 0);
        assertThrows(IllegalArgumentException.class, () -> new Segment(-1, 5, 0, 5));
    }
}
