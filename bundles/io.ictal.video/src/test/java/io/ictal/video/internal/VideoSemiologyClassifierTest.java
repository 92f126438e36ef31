package io.ictal.video.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.ClassificationException;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.EventContext;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.detection.RecordingVideo;
import io.ictal.api.detection.Trend;
import io.ictal.api.model.ModelRegistry;
import io.ictal.api.recording.Recording;
import io.ictal.inference.internal.ShippedVideoModel;
import io.ictal.video.internal.VideoSimulator.Episode;
import io.ictal.video.internal.VideoSimulator.Semiology;
import io.ictal.video.internal.VideoSimulator.Spec;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classifier end to end on generated videos with the shipped model (validated by the inference
 * runtime as in Karaf). The videos use patients 900-902: appearance seeds the model never saw (it was
 * trained on 0-11 and evaluated on 500-504).
 */
class VideoSemiologyClassifierTest {

    private static final double OFFSET = 100;
    private static final ModelIdentity DETECTOR = new ModelIdentity("detector", "1.0.0", "0".repeat(64));

    @TempDir
    static Path dir;
    static ModelRegistry registry;
    static Path fos;
    static Path tcs;

    @BeforeAll
    static void videos() throws Exception {
        registry = ShippedVideoModel.registry();
        fos = dir.resolve("fos.mp4");
        VideoSimulator.write(new Spec(900, 90001, 60, 128, 96, 15,
                List.of(new Episode(15, 30, Semiology.FOS_CLONIC, true)), true), fos);
        tcs = dir.resolve("tcs.mp4");
        VideoSimulator.write(new Spec(901, 90101, 75, 128, 96, 15,
                List.of(new Episode(10, 50, Semiology.TCS, false)), true), tcs);
    }

    static VideoSemiologyClassifier classifier(int batch) {
        return new VideoSemiologyClassifier(registry, new SemiologyConfig() {
            @Override
            public double marginBeforeSeconds() {
                return 5;
            }

            @Override
            public double marginAfterSeconds() {
                return 10;
            }

            @Override
            public int batchSnippets() {
                return batch;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return SemiologyConfig.class;
            }
        });
    }

    /** A seizure event as the detector would report it, in recording time. */
    static Detection event(String id, double onset, double duration) {
        return new Detection(id, "seizure-detection", "seizure", onset, duration, List.of(), 0.9, DETECTOR, Map.of(),
                null);
    }

    static class Recorder implements ClassificationListener {
        final List<Trend> trends = new ArrayList<>();
        final List<Double> progress = new ArrayList<>();

        @Override
        public void progress(double fraction, String message) {
            progress.add(fraction);
        }

        @Override
        public void detected(List<Detection> detections) {
            throw new AssertionError("an event classifier returns its detections");
        }

        @Override
        public void retracted(List<String> detectionIds) {
            throw new AssertionError("nothing to retract");
        }

        @Override
        public void trend(Trend segment) {
            trends.add(segment);
        }

        int values() {
            return trends.stream().mapToInt(t -> t.values().length).sum();
        }
    }

    private static Recording recording(List<io.ictal.api.recording.Annotation> annotations) {
        return TestVideos.recording(dir.resolve("eeg.edf"), annotations);
    }

    @Test
    void focalSeizureVideoIsFos() throws Exception {
        // The video's seizure is at 15-45 s of video time = 115-145 s of the recording; the detector
        // saw it a little late and short.
        Recorder listener = new Recorder();
        List<Detection> out = classifier(16).classify(new EventContext(recording(List.of()),
                event("seizure-0001", 117, 26), List.of(new RecordingVideo(fos, OFFSET))), listener);
        assertEquals(1, out.size());
        Detection d = out.get(0);
        assertEquals("seizure-0001", d.id());
        assertEquals("seizure-semiology", d.task());
        System.out.println("FOS video: " + d.label() + " " + d.scores());
        assertEquals("FOS", d.label(), "scores " + d.scores());
        assertEquals(1.0, d.scores().get("FOS") + d.scores().get("TCS"), 1e-4);
        assertEquals(d.scores().get("FOS"), d.confidence(), 1e-9);
        // 112-153 s (5 s before, 10 s after): 41 s = 76 whole snippets of 8 frames at 15 fps.
        assertEquals(112, d.onsetSeconds(), 1e-9);
        assertEquals(76 * 8 / 15.0, d.durationSeconds(), 1e-9);
        assertEquals("ictal-video-gestures-blstm", d.model().id());
        // Per-snippet TCS probability as a trend over exactly those snippets.
        assertEquals(76, listener.values());
        assertEquals(112, listener.trends.get(0).startSeconds(), 1e-9);
        assertEquals(8 / 15.0, listener.trends.get(0).stepSeconds(), 1e-9);
        assertEquals(112 + 16 * 8 / 15.0, listener.trends.get(1).startSeconds(), 1e-9, "second batch of 16");
        assertEquals(1.0, listener.progress.get(listener.progress.size() - 1), 1e-9);
    }

    @Test
    void tonicClonicSeizureVideoIsTcs() throws Exception {
        // Seizure at 10-60 s of the video; the video starts 30 s before the EEG (offset -30).
        Recorder listener = new Recorder();
        List<Detection> out = classifier(16).classify(new EventContext(recording(List.of()),
                event("seizure-0002", 0, 28), List.of(new RecordingVideo(tcs, -30))), listener);
        assertEquals(1, out.size());
        System.out.println("TCS video: " + out.get(0).label() + " " + out.get(0).scores());
        assertEquals("TCS", out.get(0).label(), "scores " + out.get(0).scores());
        assertEquals(0, out.get(0).onsetSeconds(), 1e-9, "the range is clamped to the recording start");
        double[] trend = listener.trends.stream().flatMapToDouble(t -> java.util.Arrays.stream(t.values())).toArray();
        double mean = java.util.Arrays.stream(trend).average().orElseThrow();
        assertTrue(mean > 0.3, "per-snippet TCS probability during a TCS should be high, mean " + mean);
    }

    @Test
    void offsetFromTheVideoStartAnnotationGivesTheSameResult() throws Exception {
        Detection event = event("seizure-0003", 117, 26);
        List<Detection> given = classifier(16).classify(new EventContext(recording(List.of()), event,
                List.of(new RecordingVideo(fos, OFFSET))), ClassificationListener.ignoring());
        List<Detection> annotated = classifier(7).classify(new EventContext(recording(List.of(
                new io.ictal.api.recording.Annotation(OFFSET, Double.NaN, "Video start fos.mp4", 0))), event,
                List.of(new RecordingVideo(fos, OptionalDouble.empty()))), ClassificationListener.ignoring());
        assertEquals(given.get(0).onsetSeconds(), annotated.get(0).onsetSeconds(), 1e-9);
        assertEquals(given.get(0).scores().get("TCS"), annotated.get(0).scores().get("TCS"), 1e-5,
                "another batch size, the same snippets");
    }

    @Test
    void nothingWhenTheVideoMissesTheEvent() throws Exception {
        assertEquals(List.of(), classifier(16).classify(new EventContext(recording(List.of()),
                event("seizure-0004", 500, 30), List.of(new RecordingVideo(fos, OFFSET))),
                ClassificationListener.ignoring()));
    }

    @Test
    void typedErrorsForMissingOffsetAndUnreadableVideo() throws Exception {
        ClassificationException noOffset = assertThrows(ClassificationException.class, () -> classifier(16).classify(
                new EventContext(recording(List.of()), event("seizure-0005", 117, 26),
                        List.of(new RecordingVideo(fos, OptionalDouble.empty()))), ClassificationListener.ignoring()));
        assertTrue(noOffset.getMessage().contains(fos.toString()), noOffset.getMessage());

        Path notVideo = dir.resolve("report.mp4");
        Files.writeString(notVideo, "not a video");
        IOException bad = assertThrows(VideoFormatException.class, () -> classifier(16).classify(new EventContext(
                recording(List.of()), event("seizure-0006", 117, 26), List.of(new RecordingVideo(notVideo, 0))),
                ClassificationListener.ignoring()));
        assertTrue(bad.getMessage().contains("report.mp4"), bad.getMessage());
    }

    @Test
    void appliesOnlyWithAVideo() {
        assertTrue(classifier(16).appliesTo(null, List.of(new RecordingVideo(fos, 0))));
        assertTrue(!classifier(16).appliesTo(null, List.of()));
    }

    @Test
    void tenMinutesOfVideoInBoundedMemory() throws Exception {
        // A 10-minute range (event 0-590 s plus the 10 s margin) on a 10-minute video: 9000 frames,
        // 1125 snippets. Whole, as model input,
        // they would take 9000 x 64 x 64 x 4 bytes = 147 MB (37 MB as bytes); the classifier may hold
        // one batch (2 MB).
        Path longVideo = dir.resolve("long.mp4");
        VideoSimulator.write(new Spec(902, 90201, 600, 64, 48, 15,
                List.of(new Episode(200, 60, Semiology.TCS, true)), false), longVideo);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long[] peak = {0};
        int[] calls = {0};
        Recorder listener = new Recorder() {
            @Override
            public void progress(double fraction, String message) {
                if (calls[0]++ % 10 == 5) {
                    System.gc();
                    peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory() - before);
                }
                super.progress(fraction, message);
            }
        };
        VideoSemiologyClassifier classifier = classifier(16);
        List<Detection> out = classifier.classify(new EventContext(recording(List.of()), event("seizure-0007", 0, 590),
                List.of(new RecordingVideo(longVideo, 0))), listener);
        System.out.println("10-min video: " + listener.values() + " snippets, at most " + classifier.peakFramesHeld()
                + " frames held, live heap growth at most " + (peak[0] >> 20) + " MB, " + out.get(0).label());
        assertEquals(1125, listener.values(), "every snippet of the 10 minutes was classified");
        assertEquals(600, out.get(0).durationSeconds(), 1e-9);
        assertTrue(classifier.peakFramesHeld() <= 17 * 8, "frames held " + classifier.peakFramesHeld());
        assertTrue(classifier.peakFramesHeld() >= 16 * 8, "a full batch was held: " + classifier.peakFramesHeld());
        assertTrue(peak[0] < 20L << 20, "live heap grew by " + (peak[0] >> 20) + " MB while streaming");
    }
}
