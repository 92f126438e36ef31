package io.ictal.shell.internal.analyze;

import io.ictal.shell.internal.CommandFailure;
import io.ictal.viewer.spi.SynchronizedVideo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of {@code ictal:analyze --video}: {@code FILE@OFFSET}, the offset being the recording
 * time in seconds of the video's first frame (negative when the video started first), or
 * {@code FILE} alone, aligned by the recording's video-start annotation.
 */
final class VideoArgument {

    /** A trailing {@code @seconds}; a file name may itself contain {@code @}. */
    private static final Pattern WITH_OFFSET = Pattern.compile("(.+)@([-+]?\\d+(?:\\.\\d+)?)");

    private VideoArgument() {
    }

    static SynchronizedVideo parse(String value) {
        Matcher m = WITH_OFFSET.matcher(value);
        Path file = Path.of(m.matches() ? m.group(1) : value);
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure("--video " + value + ": no such file " + file
                    + " (expected FILE or FILE@OFFSET, OFFSET in seconds of the recording at the video's first frame)");
        }
        return m.matches() ? new SynchronizedVideo(file, Double.parseDouble(m.group(2)))
                : SynchronizedVideo.alignedByAnnotation(file);
    }
}
