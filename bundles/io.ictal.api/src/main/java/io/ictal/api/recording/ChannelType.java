package io.ictal.api.recording;

import java.util.Locale;

/** What a signal measures, inferred from its label (and transducer where the label is silent). */
public enum ChannelType {
    EEG, ECG, EMG, EOG, RESPIRATION, SPO2, TRIGGER, ANNOTATION, OTHER;

    /**
     * Infers the type the way clinical files label their signals: {@code EDF Annotations},
     * {@code EEG Fp1-REF}, {@code ECG}/{@code EKG}, {@code EMG submental}, {@code EOG horizontal},
     * {@code Resp oro-nasal}, {@code SpO2}, {@code Status}/{@code Trigger}/{@code Event marker}, and a
     * bare 10-20 electrode or bipolar pair ({@code FP1-F7}) as EEG. Shared so that every reader and
     * writer agrees.
     *
     * @param label the signal label
     * @param transducer the transducer field, consulted only when the label is silent
     */
    public static ChannelType infer(String label, String transducer) {
        String l = label.trim().toUpperCase(Locale.ROOT);
        if (l.equals("EDF ANNOTATIONS") || l.equals("BDF ANNOTATIONS")) {
            return ANNOTATION;
        }
        if (l.startsWith("ECG") || l.startsWith("EKG")) {
            return ECG;
        }
        if (l.startsWith("EMG")) {
            return EMG;
        }
        if (l.startsWith("EOG") || l.startsWith("LOC") || l.startsWith("ROC")) {
            return EOG;
        }
        if (l.startsWith("RESP") || l.contains("THOR") || l.contains("ABDO") || l.contains("AIRFLOW")) {
            return RESPIRATION;
        }
        if (l.startsWith("SPO2") || l.startsWith("SAO2") || l.startsWith("OXY")) {
            return SPO2;
        }
        if (l.startsWith("STATUS") || l.startsWith("TRIG") || l.startsWith("EVENT") || l.startsWith("STI")
                || l.startsWith("MARK")) {
            return TRIGGER;
        }
        if (l.startsWith("EEG") || Derivation.parse(label).hasElectrode()) {
            return EEG;
        }
        String t = transducer.trim().toUpperCase(Locale.ROOT);
        if (t.contains("EEG")) {
            return EEG;
        }
        if (t.contains("ECG") || t.contains("EKG")) {
            return ECG;
        }
        return OTHER;
    }
}
