package io.ictal.viewer.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A recording the user opened in the host viewer.
 *
 * @param recordingId the host's identifier for the recording (opaque to plugins, stable)
 * @param file the EDF/EDF+/BDF file
 * @param videos videos synchronised with the recording, possibly none
 */
public record OpenedRecording(String recordingId, Path file, List<SynchronizedVideo> videos) {

    public OpenedRecording {
        Objects.requireNonNull(recordingId, "recordingId");
        if (recordingId.isBlank()) {
            throw new IllegalArgumentException("recordingId must not be blank");
        }
        Objects.requireNonNull(file, "file");
        videos = List.copyOf(Objects.requireNonNull(videos, "videos"));
    }

    /** A recording without video. */
    public OpenedRecording(String recordingId, Path file) {
        this(recordingId, file, List.of());
    }
}
