package io.ictal.api.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LabelParsingTest {

    @ParameterizedTest
    @CsvSource({
            "FP1-F7, Fp1, F7, true",
            "T8-P8-0, T8, P8, true",
            "T8-P8-1, T8, P8, true",
            "EEG Fp1-REF, Fp1, REF, false",
            "EEG C3-A2, C3, A2, true",
            "eeg o2, O2, '', false",
            "Cz, Cz, '', false",
            "EEG T3-LE, T3, LE, false",
            "ECG, '', '', false",
            "EDF Annotations, '', '', false",
            "Resp oro-nasal, '', '', false",
    })
    void parsesElectrodesReferencesAndBipolarPairs(String label, String electrode, String reference, boolean bipolar) {
        Derivation d = Derivation.parse(label);
        assertEquals(electrode, d.electrode());
        assertEquals(reference, d.reference());
        assertEquals(bipolar, d.bipolar());
    }

    @ParameterizedTest
    @CsvSource({
            "EDF Annotations, '', ANNOTATION",
            "BDF Annotations, '', ANNOTATION",
            "EEG Fpz-Cz, '', EEG",
            "FP1-F7, '', EEG",
            "ECG, '', ECG",
            "EKG1, '', ECG",
            "EMG submental, '', EMG",
            "EOG horizontal, '', EOG",
            "Resp oro-nasal, '', RESPIRATION",
            "SpO2, '', SPO2",
            "Status, '', TRIGGER",
            "Event marker, '', TRIGGER",
            "Temp rectal, Rectal thermistor, OTHER",
            "Ch1, EEG electrode, EEG",
    })
    void infersChannelTypeFromLabelThenTransducer(String label, String transducer, ChannelType expected) {
        assertEquals(expected, ChannelType.infer(label, transducer));
    }

    @Test
    void signalInfoExposesItsDerivation() {
        SignalInfo s = RecordingRecordsTest.eeg(0, "F7-T7");
        assertTrue(s.derivation().bipolar());
        assertFalse(Derivation.NONE.hasElectrode());
        assertThrows(IllegalArgumentException.class, () -> new Derivation("Fp1", "", true));
    }

    @Test
    void writerSpecsRefuseWhatCannotBeWritten() {
        SignalSpec eeg = SignalSpec.edf("EEG Fp1", "uV", -3200, 3200, 256);
        PatientInfo p = new PatientInfo("", "", "", "", "");
        RecordingInfo r = new RecordingInfo("", "", "", "", "");
        java.time.LocalDateTime t = java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5);
        assertThrows(IllegalArgumentException.class, () -> new RecordingSpec(RecordingFormat.EDF, p, r, t, 1,
                java.util.List.of(eeg), 120));
        assertThrows(IllegalArgumentException.class, () -> new RecordingSpec(RecordingFormat.EDF_PLUS_C, p, r,
                t.withYear(2085), 1, java.util.List.of(eeg), 120));
        assertThrows(IllegalArgumentException.class, () -> new RecordingSpec(RecordingFormat.EDF_PLUS_C, p, r, t, 0,
                java.util.List.of(eeg), 120));
        assertThrows(IllegalArgumentException.class, () -> SignalSpec.edf("EEG", "uV", 1, 1, 256));
        assertEquals(256, new RecordingSpec(RecordingFormat.BDF_PLUS_D, p, r, t, 1, java.util.List.of(eeg), 32)
                .signals().get(0).samplesPerRecord());
    }
}
