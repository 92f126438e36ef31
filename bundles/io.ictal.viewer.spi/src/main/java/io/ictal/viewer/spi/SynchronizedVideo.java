package io.ictal.viewer.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A video file recorded alongside the EEG.
 *
 * @param file the video file
 * @param offsetSeconds recording time (seconds from the EEG start) of the video's first frame;
 *     negative when the video started before the EEG; {@link Double#NaN} when the host does not know
 *     it, in which case the plugin aligns the video by the recording's EDF+ annotation that marks the
 *     video start (see {@link #alignedByAnnotation})
 */
public record SynchronizedVideo(Path file, double offsetSeconds) {

    public SynchronizedVideo {
        Objects.requireNonNull(file, "file");
        if (Double.isInfinite(offsetSeconds)) {
            throw new IllegalArgumentException("offsetSeconds must be finite (or NaN: not known), was " + offsetSeconds);
        }
    }

    /** A video whose offset the host does not know: the recording's video-start annotation gives it. */
    public static SynchronizedVideo alignedByAnnotation(Path file) {
        return new SynchronizedVideo(file, Double.NaN);
    }

    /** Whether the host gave the offset (false: aligned by the recording's annotation). */
    public boolean offsetKnown() {
        return !Double.isNaN(offsetSeconds);
    }
}
