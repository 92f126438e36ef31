package io.ictal.api.recording;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The header of a recording to write.
 *
 * @param format {@link RecordingFormat#EDF_PLUS_C}, {@link RecordingFormat#EDF_PLUS_D},
 *     {@link RecordingFormat#BDF_PLUS_C} or {@link RecordingFormat#BDF_PLUS_D}: the writer always
 *     writes EDF+/BDF+ so that annotations and sub-second start times have a place
 * @param patient written as the EDF+ subfields code, sex, birthdate, name ({@code raw} is ignored;
 *     empty subfields become {@code X})
 * @param recording written as the EDF+ subfields admin code, technician, equipment ({@code raw} and
 *     {@code startDate} are ignored: the start date comes from {@code start})
 * @param start start of the first sample; fractions of a second go into the first record's time-keeping TAL
 * @param recordDurationSeconds duration of one data record (&gt; 0), e.g. 1
 * @param signals the data signals
 * @param annotationBytesPerRecord room for TALs in each record (the time-keeping TAL takes ~15 bytes);
 *     annotations that do not fit in one record move on to the next
 */
public record RecordingSpec(
        RecordingFormat format,
        PatientInfo patient,
        RecordingInfo recording,
        LocalDateTime start,
        double recordDurationSeconds,
        List<SignalSpec> signals,
        int annotationBytesPerRecord) {

    /** Room for a few annotations per record: enough for detector markers at one per second. */
    public static final int DEFAULT_ANNOTATION_BYTES = 120;

    public RecordingSpec {
        Objects.requireNonNull(format, "format");
        if (format == RecordingFormat.EDF || format == RecordingFormat.BDF) {
            throw new IllegalArgumentException("the writer writes EDF+ or BDF+ (continuous or discontinuous), not "
                    + format);
        }
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(start, "start");
        if (start.getYear() < 1985 || start.getYear() > 2084) {
            throw new IllegalArgumentException("start year must be within 1985-2084, was " + start.getYear());
        }
        if (!Double.isFinite(recordDurationSeconds) || recordDurationSeconds <= 0) {
            throw new IllegalArgumentException("recordDurationSeconds must be finite and > 0, was "
                    + recordDurationSeconds);
        }
        signals = List.copyOf(Objects.requireNonNull(signals, "signals"));
        if (annotationBytesPerRecord < 32) {
            throw new IllegalArgumentException("annotationBytesPerRecord must be >= 32, was " + annotationBytesPerRecord);
        }
    }
}
