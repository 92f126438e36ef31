package io.ictal.api.recording;

import java.util.Objects;

/**
 * The local patient identification field. In EDF+ its subfields are parsed (an {@code X} for an
 * unknown subfield becomes the empty string).
 *
 * <p>Every field here may identify the patient: {@link #toString()} never prints them, and nothing
 * in Ictal logs or exports them unless configured to.
 *
 * @param raw the whole 80-character field, trimmed
 * @param code hospital patient code (EDF+), or empty
 * @param sex {@code F}, {@code M}, or empty
 * @param birthdate as written, e.g. {@code 02-MAY-1951}, or empty
 * @param name patient name (EDF+), or empty
 */
public record PatientInfo(String raw, String code, String sex, String birthdate, String name) {

    public PatientInfo {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(birthdate, "birthdate");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "PatientInfo[redacted]";
    }
}
