package io.ictal.video.internal;

import io.ictal.api.detection.ClassificationException;
import io.ictal.api.detection.RecordingVideo;
import io.ictal.api.recording.Annotation;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a video sits on the recording's time axis. The host's offset wins; without one, the EDF+
 * annotation that marks the video start: {@code Video start} (any video) or
 * {@code Video start <file name>} (that video only, e.g. {@code VIDEO START bed1.mp4}),
 * case-insensitive, with an optional ':' or '-' after "start". Its onset is the recording time of the
 * video's first frame. A file-specific annotation wins over a plain one; among equals, the first.
 */
final class VideoAlignment {

    private static final Pattern VIDEO_START = Pattern.compile("\\s*video[ _-]?start\\s*[:\\-]?\\s*(.*?)\\s*",
            Pattern.CASE_INSENSITIVE);

    private VideoAlignment() {
    }

    /**
     * @return the recording time (s) of the video's first frame
     * @throws ClassificationException naming the video when neither an offset nor an annotation says
     */
    static double offsetSeconds(RecordingVideo video, List<Annotation> annotations) throws ClassificationException {
        if (video.offsetSeconds().isPresent()) {
            return video.offsetSeconds().getAsDouble();
        }
        OptionalDouble fromAnnotation = fromAnnotations(video.file().getFileName().toString(), annotations);
        if (fromAnnotation.isEmpty()) {
            throw new ClassificationException("video " + video.file() + ": no offset given and the recording has no "
                    + "'Video start' annotation (expected the host's offset, or an EDF+ annotation 'Video start' or "
                    + "'Video start " + video.file().getFileName() + "' at the video's first frame)");
        }
        return fromAnnotation.getAsDouble();
    }

    static OptionalDouble fromAnnotations(String fileName, List<Annotation> annotations) {
        OptionalDouble plain = OptionalDouble.empty();
        for (Annotation a : annotations) {
            Matcher m = VIDEO_START.matcher(a.text());
            if (!m.matches()) {
                continue;
            }
            String named = m.group(1);
            if (named.isEmpty()) {
                if (plain.isEmpty()) {
                    plain = OptionalDouble.of(a.onsetSeconds());
                }
            } else if (named.toLowerCase(Locale.ROOT).equals(fileName.toLowerCase(Locale.ROOT))) {
                return OptionalDouble.of(a.onsetSeconds());
            }
        }
        return plain;
    }
}
