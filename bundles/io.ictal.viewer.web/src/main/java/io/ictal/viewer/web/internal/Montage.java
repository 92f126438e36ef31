package io.ictal.viewer.web.internal;

import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.Derivation;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.SignalInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How traces are derived from the recorded signals: as recorded, against the average of the EEG
 * channels, or the longitudinal bipolar "double banana" (from referential electrodes).
 */
enum Montage {
    RECORDED, AVERAGE, BIPOLAR;

    /** A trace: {@code plus} minus {@code minus} (-1: nothing) minus the EEG average when {@code average}. */
    record Trace(String label, int plus, int minus, boolean average) {
    }

    private static final String[][] DOUBLE_BANANA = {
        {"Fp1", "F7"}, {"F7", "T7"}, {"T7", "P7"}, {"P7", "O1"},
        {"Fp1", "F3"}, {"F3", "C3"}, {"C3", "P3"}, {"P3", "O1"},
        {"Fz", "Cz"}, {"Cz", "Pz"},
        {"Fp2", "F4"}, {"F4", "C4"}, {"C4", "P4"}, {"P4", "O2"},
        {"Fp2", "F8"}, {"F8", "T8"}, {"T8", "P8"}, {"P8", "O2"},
    };

    static Montage parse(String name) {
        try {
            return name == null || name.isBlank() ? RECORDED : valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("montage must be recorded, average or bipolar, was '" + name + "'");
        }
    }

    /** The traces of this montage; empty when the recording lacks what it needs (e.g. bipolar from bipolar data). */
    List<Trace> traces(RecordingHeader header) {
        List<SignalInfo> data = header.dataSignals();
        List<Trace> traces = new ArrayList<>();
        switch (this) {
            case RECORDED -> data.forEach(s -> traces.add(new Trace(s.label(), s.index(), -1, false)));
            case AVERAGE -> data.forEach(s -> traces.add(new Trace(
                    s.type() == ChannelType.EEG ? s.label() + "-AVG" : s.label(), s.index(), -1, s.type() == ChannelType.EEG)));
            case BIPOLAR -> {
                Map<String, Integer> referential = new HashMap<>();
                for (SignalInfo s : data) {
                    Derivation d = s.derivation();
                    if (s.type() == ChannelType.EEG && d.hasElectrode() && !d.bipolar()) {
                        referential.putIfAbsent(d.electrode(), s.index());
                    }
                }
                for (String[] pair : DOUBLE_BANANA) {
                    Integer plus = referential.get(pair[0]);
                    Integer minus = referential.get(pair[1]);
                    if (plus != null && minus != null) {
                        traces.add(new Trace(pair[0] + "-" + pair[1], plus, minus, false));
                    }
                }
            }
        }
        return traces;
    }

    /** The EEG signals an average reference is taken over. */
    static int[] eegSignals(RecordingHeader header) {
        return header.dataSignals().stream().filter(s -> s.type() == ChannelType.EEG).mapToInt(SignalInfo::index).toArray();
    }
}
