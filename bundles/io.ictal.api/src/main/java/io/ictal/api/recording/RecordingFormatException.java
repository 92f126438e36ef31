package io.ictal.api.recording;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file that is not a valid (or, leniently, not a readable) EDF/EDF+/BDF/BDF+ file. The message
 * names the file, the field, the byte offset and what was expected, e.g.
 * {@code a.edf: signal[2].digitalMax at byte 1234: expected an integer greater than digitalMin (-32768), found "abc"}.
 */
public class RecordingFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String field;
    private final long byteOffset;
    private final String expected;
    private final String found;

    /**
     * @param file the file
     * @param field the field, e.g. {@code header.version} or {@code signal[2].digitalMax}
     * @param byteOffset byte offset of the field in the file, or -1
     * @param expected what the specification requires
     * @param found what the file holds (never patient-identifying content)
     */
    public RecordingFormatException(Path file, String field, long byteOffset, String expected, String found) {
        super(message(file, field, byteOffset, expected, found));
        this.file = Objects.requireNonNull(file, "file");
        this.field = Objects.requireNonNull(field, "field");
        this.byteOffset = byteOffset;
        this.expected = Objects.requireNonNull(expected, "expected");
        this.found = found;
    }

    private static String message(Path file, String field, long byteOffset, String expected, String found) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "?" : file.getFileName()).append(": ").append(field);
        if (byteOffset >= 0) {
            sb.append(" at byte ").append(byteOffset);
        }
        sb.append(": expected ").append(expected);
        if (found != null) {
            sb.append(", found ").append(found);
        }
        return sb.toString();
    }

    public Path file() {
        return file;
    }

    public String field() {
        return field;
    }

    /** Byte offset of the field, or -1. */
    public long byteOffset() {
        return byteOffset;
    }

    public String expected() {
        return expected;
    }

    /** What was found, or null. */
    public String found() {
        return found;
    }
}
