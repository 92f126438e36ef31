package io.ictal.api.review;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What the queue knows about a recording beyond its id: where its file is (for clustering on
 * spectrogram features and for copying patient fields when that is configured) and when it started
 * and how long it lasts (exported as BIDS {@code dateTime} and {@code recordingDuration}, the
 * EDF+ annotation file's start). No patient-identifying field is kept here.
 *
 * @param recordingId the id the detections were ingested under
 * @param file the recording's file (absolute path), or null when unknown
 * @param start start of the recording, or null when unknown
 * @param durationSeconds length of the recording, or NaN when unknown
 */
public record RecordingDescriptor(String recordingId, String file, LocalDateTime start, double durationSeconds) {

    public RecordingDescriptor {
        Objects.requireNonNull(recordingId, "recordingId");
        if (recordingId.isBlank()) {
            throw new IllegalArgumentException("recordingId must not be blank");
        }
        if (!Double.isNaN(durationSeconds) && (!Double.isFinite(durationSeconds) || durationSeconds < 0)) {
            throw new IllegalArgumentException("durationSeconds must be NaN (unknown) or finite and >= 0, was "
                    + durationSeconds);
        }
    }

    /** A recording the queue knows nothing more about. */
    public static RecordingDescriptor unknown(String recordingId) {
        return new RecordingDescriptor(recordingId, null, null, Double.NaN);
    }
}
