package io.ictal.edf.internal;

import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.SignalInfo;

/**
 * The parsed header plus where each signal's bytes lie inside a data record.
 *
 * @param header the header as the API shows it (record count already corrected)
 * @param signalOffsets byte offset of each signal's samples inside a data record
 * @param recordBytes bytes per data record
 * @param annotationSignals indices of the annotation signals (the first one carries the time-keeping TALs)
 * @param plus whether the file is EDF+/BDF+ (time-keeping TALs are then required)
 */
record Layout(RecordingHeader header, int[] signalOffsets, long recordBytes, int[] annotationSignals, boolean plus) {

    int bytesPerSample() {
        return header.format().bytesPerSample();
    }

    long dataOffset() {
        return header.headerBytes();
    }

    long recordCount() {
        return header.recordCount();
    }

    SignalInfo signal(int index) {
        return header.signals().get(index);
    }

    /** Bytes of one signal inside a record. */
    int signalBytes(int index) {
        return signal(index).samplesPerRecord() * bytesPerSample();
    }
}
