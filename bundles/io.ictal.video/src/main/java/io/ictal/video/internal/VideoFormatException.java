package io.ictal.video.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A video this bundle cannot read: not an MP4, no video track, a codec or H.264 feature the decoder
 * lacks, or a damaged frame. The message names the file, what was found and what was expected.
 */
public class VideoFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public VideoFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public VideoFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The video file. */
    public Path file() {
        return file;
    }
}
