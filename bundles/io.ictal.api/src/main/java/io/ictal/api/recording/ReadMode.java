package io.ictal.api.recording;

/** How a reader treats deviations from the EDF/BDF specifications. */
public enum ReadMode {
    /** Any deviation is a {@link RecordingFormatException} (the default, for validation). */
    STRICT,
    /** Read what can be read; deviations become {@link ReadWarning}s (clinical files in the wild). */
    LENIENT
}
