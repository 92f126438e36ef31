package io.ictal.api.recording;

import java.util.Objects;

/**
 * The local recording identification field; in EDF+ its subfields are parsed ({@code X} becomes empty).
 *
 * @param raw the whole 80-character field, trimmed
 * @param startDate EDF+ start date subfield as written (e.g. {@code 02-MAR-2002}), or empty
 * @param administrationCode hospital administration code, or empty
 * @param technician technician, or empty
 * @param equipment equipment, or empty
 */
public record RecordingInfo(String raw, String startDate, String administrationCode, String technician, String equipment) {

    public RecordingInfo {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(administrationCode, "administrationCode");
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(equipment, "equipment");
    }

    /** The raw field and the admin code can hold identifying data, so they are not printed. */
    @Override
    public String toString() {
        return "RecordingInfo[startDate=" + startDate + ", equipment=" + equipment + "]";
    }
}
