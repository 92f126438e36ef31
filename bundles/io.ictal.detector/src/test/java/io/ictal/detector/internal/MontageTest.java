package io.ictal.detector.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.PatientInfo;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.RecordingInfo;
import io.ictal.api.recording.SignalInfo;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MontageTest {

    static RecordingHeader header(double rate, String... labels) {
        List<SignalInfo> signals = new ArrayList<>();
        for (String label : labels) {
            double r = label.endsWith("@128") ? 128 : rate;
            String l = label.replace("@128", "");
            signals.add(new SignalInfo(signals.size(), l, ChannelType.infer(l, ""), "", "uV", -3000, 3000, -32768,
                    32767, "", (int) r, r));
        }
        return new RecordingHeader(RecordingFormat.EDF_PLUS_C, "0", new PatientInfo("", "", "", "", ""),
                new RecordingInfo("", "", "", "", ""), LocalDateTime.of(2020, 1, 1, 0, 0), 256, 10, 1, signals);
    }

    @Test
    void referentialElectrodesBecomeTheDoubleBananaOldNamesIncluded() {
        RecordingHeader h = header(256, "EEG Fp1-REF", "EEG F7-REF", "EEG T3-REF", "EEG T5-REF", "EEG O1-REF",
                "EEG Cz-REF", "ECG", "EEG Pz-REF");
        Montage m = Montage.of(h);
        assertEquals(List.of("Fp1-F7", "F7-T7", "T7-P7", "P7-O1", "Cz-Pz"),
                m.channels().stream().map(Montage.Channel::label).toList());
        assertEquals(new Montage.Channel("F7-T7", 1, 2), m.channels().get(1));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 7}, m.signals());
        assertEquals(256, m.rateHz());
    }

    @Test
    void bipolarRecordingsAreUsedAsTheyAre() {
        Montage m = Montage.of(header(256, "FP1-F7", "F7-T7", "T7-P7", "ECG"));
        assertEquals(List.of("Fp1-F7", "F7-T7", "T7-P7"), m.channels().stream().map(Montage.Channel::label).toList());
        assertEquals(-1, m.channels().get(0).minus());
    }

    @Test
    void derivesDifferences() {
        Montage m = Montage.of(header(256, "EEG Fp1-REF", "EEG F7-REF"));
        float[][] d = m.derive(m.signals(), new float[][] {{5, 1}, {2, 3}});
        assertArrayEquals(new float[] {3, -2}, d[0]);
    }

    @Test
    void noEegNoChannelsAndMixedRatesAreNamed() {
        assertTrue(Montage.of(header(256, "ECG", "Resp")).channels().isEmpty());
        RecordingHeader mixed = header(256, "EEG Fp1-REF", "EEG F7-REF@128");
        String problem = Montage.mixedRates(mixed, Montage.of(mixed));
        assertNotNull(problem);
        assertTrue(problem.contains("EEG F7-REF is sampled at 128.0 Hz"), problem);
        RecordingHeader same = header(256, "EEG Fp1-REF", "EEG F7-REF");
        assertNull(Montage.mixedRates(same, Montage.of(same)));
    }
}
