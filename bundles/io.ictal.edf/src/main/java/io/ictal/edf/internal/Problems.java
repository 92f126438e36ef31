package io.ictal.edf.internal;

import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.ReadWarning;
import io.ictal.api.recording.RecordingFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where strict and lenient reading differ: a deviation is an exception in strict mode and a warning
 * (after which the caller takes its fallback) in lenient mode. Some problems leave nothing to read
 * and are fatal in both modes.
 */
final class Problems {

    /** A lenient read of a badly broken file must not collect millions of warnings. */
    private static final int MAX_WARNINGS = 1000;

    private final Path file;
    private final ReadMode mode;
    private final List<ReadWarning> warnings = new ArrayList<>();
    private int suppressed;

    Problems(Path file, ReadMode mode) {
        this.file = file;
        this.mode = mode;
    }

    Path file() {
        return file;
    }

    boolean lenient() {
        return mode == ReadMode.LENIENT;
    }

    /** A problem no mode can read past. */
    RecordingFormatException fatal(String field, long offset, String expected, String found) {
        return new RecordingFormatException(file, field, offset, expected, found);
    }

    /** A deviation: thrown when strict, recorded when lenient (the caller then uses its fallback). */
    void deviation(String field, long offset, String expected, String found) throws RecordingFormatException {
        if (!lenient()) {
            throw fatal(field, offset, expected, found);
        }
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(new ReadWarning(field, offset, "expected " + expected + (found == null ? "" : ", found " + found)));
        } else {
            suppressed++;
        }
    }

    List<ReadWarning> warnings() {
        List<ReadWarning> all = new ArrayList<>(warnings);
        if (suppressed > 0) {
            all.add(new ReadWarning("file", -1, suppressed + " further warnings were not listed"));
        }
        return List.copyOf(all);
    }

    /** Quotes a short header value for a message; long or odd values are cut. */
    static String quote(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "\"" + v + "\"";
    }
}
