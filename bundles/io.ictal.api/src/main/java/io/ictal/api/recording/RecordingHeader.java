package io.ictal.api.recording;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The parsed header of a recording.
 *
 * @param format the format variant
 * @param version the version field as written ({@code 0} for EDF, {@code \xFFBIOSEMI} shown as {@code BIOSEMI} for BDF)
 * @param patient patient identification (identifying: never logged)
 * @param recording recording identification
 * @param start start date and time, with the EDF+ sub-second offset of the first record's
 *     time-keeping TAL added; years follow the 1985-2084 rule
 * @param headerBytes size of the header in bytes
 * @param recordCount number of data records (derived from the file size when the header says -1)
 * @param recordDurationSeconds duration of one data record (0 for annotation-only files)
 * @param signals the signals, annotation signals included
 */
public record RecordingHeader(
        RecordingFormat format,
        String version,
        PatientInfo patient,
        RecordingInfo recording,
        LocalDateTime start,
        int headerBytes,
        long recordCount,
        double recordDurationSeconds,
        List<SignalInfo> signals) {

    public RecordingHeader {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(start, "start");
        if (headerBytes < 256) {
            throw new IllegalArgumentException("headerBytes must be >= 256, was " + headerBytes);
        }
        if (recordCount < 0) {
            throw new IllegalArgumentException("recordCount must be >= 0, was " + recordCount);
        }
        if (!Double.isFinite(recordDurationSeconds) || recordDurationSeconds < 0) {
            throw new IllegalArgumentException("recordDurationSeconds must be finite and >= 0, was "
                    + recordDurationSeconds);
        }
        signals = List.copyOf(Objects.requireNonNull(signals, "signals"));
    }

    /** Nominal duration: records times record duration (for EDF+D the span of the data, without gaps). */
    public double durationSeconds() {
        return recordCount * recordDurationSeconds;
    }

    /** The signals that carry samples (annotation signals excluded). */
    public List<SignalInfo> dataSignals() {
        return signals.stream().filter(s -> !s.isAnnotation()).toList();
    }

    /** The first signal with this label (case-insensitive, trimmed), or -1. */
    public int indexOf(String label) {
        String wanted = label.trim();
        for (SignalInfo s : signals) {
            if (s.label().equalsIgnoreCase(wanted)) {
                return s.index();
            }
        }
        return -1;
    }
}
