package io.ictal.video.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.ClassificationException;
import io.ictal.api.detection.RecordingVideo;
import io.ictal.api.recording.Annotation;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SnippetPlanTest {

    private static final double FPS = 15;

    @Test
    void rangeInsideTheVideo() {
        // Video starts 100 s into the recording; the range 130-146 s is video time 30-46 s.
        SnippetPlan plan = SnippetPlan.of(130, 146, 100, 600, 8, FPS).orElseThrow();
        assertEquals(30, plan.videoStartSeconds(), 1e-9);
        assertEquals(30, (int) Math.round(16 * FPS / 8), "16 s = 30 snippets of 8 frames");
        assertEquals(30, plan.snippets());
        assertEquals(130, plan.recordingStartSeconds(), 1e-9);
        assertEquals(130 + 8 / FPS, plan.snippetStartSeconds(1), 1e-9);
        assertEquals(240, plan.frames());
        // The first frame decoded is frame 450 of the video (30 s at 15 fps).
        assertEquals(450, (int) Math.round(plan.videoStartSeconds() * FPS));
    }

    @Test
    void negativeOffsetVideoStartedBeforeTheRecording() {
        SnippetPlan plan = SnippetPlan.of(10, 20, -60, 600, 8, FPS).orElseThrow();
        assertEquals(70, plan.videoStartSeconds(), 1e-9);
        assertEquals(18, plan.snippets(), "10 s = 18.75 snippets: whole ones only");
    }

    @Test
    void clippedToWhatTheVideoCovers() {
        // The video starts at 50 s and lasts 20 s: of 40-80 s only 50-70 s is on video.
        SnippetPlan plan = SnippetPlan.of(40, 80, 50, 20, 8, FPS).orElseThrow();
        assertEquals(0, plan.videoStartSeconds(), 1e-9);
        assertEquals(50, plan.recordingStartSeconds(), 1e-9);
        assertEquals(37, plan.snippets());
        assertTrue(plan.coveredSeconds() <= 20);
    }

    @Test
    void emptyWhenTheVideoMissesTheRange() {
        assertTrue(SnippetPlan.of(100, 130, 200, 600, 8, FPS).isEmpty());
        assertTrue(SnippetPlan.of(100, 130, 0, 90, 8, FPS).isEmpty());
        assertTrue(SnippetPlan.of(100, 130, 0, 100.3, 8, FPS).isEmpty(), "0.3 s is less than one snippet");
    }

    @Test
    void offsetFromTheHostOrTheVideoStartAnnotation() throws ClassificationException {
        Path file = Path.of("/videos/bed1.mp4");
        List<Annotation> annotations = List.of(new Annotation(3, Double.NaN, "Lights off", 0),
                new Annotation(12.5, Double.NaN, "Video start", 0),
                new Annotation(20.25, Double.NaN, "VIDEO START bed1.MP4", 0),
                new Annotation(30, Double.NaN, "Video start: bed2.mp4", 0));
        assertEquals(-4, VideoAlignment.offsetSeconds(new RecordingVideo(file, -4), annotations), 1e-9,
                "the host's offset wins");
        assertEquals(20.25, VideoAlignment.offsetSeconds(new RecordingVideo(file, OptionalDouble.empty()), annotations),
                1e-9, "the annotation naming the file wins over a plain one");
        assertEquals(30, VideoAlignment.offsetSeconds(new RecordingVideo(Path.of("bed2.mp4"), OptionalDouble.empty()),
                annotations), 1e-9);
        assertEquals(12.5, VideoAlignment.offsetSeconds(new RecordingVideo(Path.of("other.mp4"),
                OptionalDouble.empty()), annotations), 1e-9, "a plain 'Video start' applies to any video");

        ClassificationException e = assertThrows(ClassificationException.class, () -> VideoAlignment.offsetSeconds(
                new RecordingVideo(Path.of("/videos/other.mp4"), OptionalDouble.empty()),
                List.of(new Annotation(30, Double.NaN, "Video start bed2.mp4", 0))));
        assertTrue(e.getMessage().contains("/videos/other.mp4") && e.getMessage().contains("Video start"),
                e.getMessage());
    }
}
