package io.ictal.api.recording;

/** The file format variant, from the version field and the reserved field. */
public enum RecordingFormat {
    EDF, EDF_PLUS_C, EDF_PLUS_D, BDF, BDF_PLUS_C, BDF_PLUS_D;

    /** Whether the format may have gaps between data records. */
    public boolean discontinuous() {
        return this == EDF_PLUS_D || this == BDF_PLUS_D;
    }

    /** Bytes per sample: 2 for EDF, 3 for BDF. */
    public int bytesPerSample() {
        return switch (this) {
            case EDF, EDF_PLUS_C, EDF_PLUS_D -> 2;
            case BDF, BDF_PLUS_C, BDF_PLUS_D -> 3;
        };
    }
}
