package io.ictal.api.recording;

/** What a signal measures, inferred from its label (and transducer where the label is silent). */
public enum ChannelType {
    EEG, ECG, EMG, EOG, RESPIRATION, SPO2, TRIGGER, ANNOTATION, OTHER
}
