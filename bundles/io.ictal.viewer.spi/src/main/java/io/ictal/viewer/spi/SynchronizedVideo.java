package io.ictal.viewer.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A video file recorded alongside the EEG.
 *
 * @param file the video file
 * @param offsetSeconds recording time (seconds from the EEG start) of the video's first frame;
 *     negative when the video started before the EEG
 */
public record SynchronizedVideo(Path file, double offsetSeconds) {

    public SynchronizedVideo {
        Objects.requireNonNull(file, "file");
        if (!Double.isFinite(offsetSeconds)) {
            throw new IllegalArgumentException("offsetSeconds must be finite, was " + offsetSeconds);
        }
    }
}
