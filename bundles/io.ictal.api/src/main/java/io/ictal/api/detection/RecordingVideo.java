package io.ictal.api.detection;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A video recorded alongside the EEG.
 *
 * @param file the video file (e.g. MP4 with H.264)
 * @param offsetSeconds recording time (seconds from the EEG start) of the video's first frame,
 *     negative when the video started first; empty when the host did not say, in which case a
 *     classifier takes it from the recording's EDF+ annotation that marks the video start, and
 *     refuses the video when there is none
 */
public record RecordingVideo(Path file, OptionalDouble offsetSeconds) {

    public RecordingVideo {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(offsetSeconds, "offsetSeconds");
        if (offsetSeconds.isPresent() && !Double.isFinite(offsetSeconds.getAsDouble())) {
            throw new IllegalArgumentException("offsetSeconds must be finite, was " + offsetSeconds.getAsDouble());
        }
    }

    /** A video whose first frame is at {@code offsetSeconds} of the recording. */
    public RecordingVideo(Path file, double offsetSeconds) {
        this(file, OptionalDouble.of(offsetSeconds));
    }
}
