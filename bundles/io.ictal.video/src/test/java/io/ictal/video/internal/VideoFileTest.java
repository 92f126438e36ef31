package io.ictal.video.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.video.internal.VideoSimulator.Episode;
import io.ictal.video.internal.VideoSimulator.Semiology;
import io.ictal.video.internal.VideoSimulator.Spec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoFileTest {

    @TempDir
    Path dir;

    @Test
    void decodesFrameCountTimestampsAndGreyLevels() throws IOException {
        Path file = dir.resolve("ramp.mp4");
        // Frame i has its own grey level (neighbours >= 37 apart): which frame arrives tells its time.
        // jcodec's encoder converts RGB to YUV with a slight gain (grey 222 decodes as ~210), so the
        // levels are compared within 8 % + 2, far less than the distance to any other frame's level.
        TestVideos.uniform(file, 15, 150, 128, 96, VideoFileTest::grey);
        try (VideoFile video = VideoFile.open(file)) {
            assertEquals(150, video.frameCount());
            assertEquals(10.0, video.durationSeconds(), 1e-6);
            assertEquals(15.0, video.frameRate(), 1e-6);
            assertEquals(128, video.codedWidth());
            assertTrue(video.description().startsWith("H.264 Baseline profile ('avc1'), 4:2:0, 8 bit"),
                    video.description());
            List<Integer> greys = new ArrayList<>();
            int n = video.stream(0, 1000, 15, 8, 8, (k, pixels) -> greys.add(Preprocess.grey(pixels[27])));
            assertEquals(150, n, "the stream ends with the video");
            for (int i = 0; i < 150; i++) {
                assertEquals(grey(i), greys.get(i), tolerance(grey(i)), "frame " + i);
            }
            // From 4 s on a 30 fps grid: every frame twice, starting at frame 60.
            greys.clear();
            video.stream(4.0, 10, 30, 8, 8, (k, pixels) -> greys.add(Preprocess.grey(pixels[0])));
            for (int k = 0; k < 10; k++) {
                assertEquals(grey(60 + k / 2), greys.get(k), tolerance(grey(60 + k / 2)), "grid frame " + k);
            }
            // 5 fps grid: every third frame.
            greys.clear();
            video.stream(1.0, 5, 5, 8, 8, (k, pixels) -> greys.add(Preprocess.grey(pixels[0])));
            for (int k = 0; k < 5; k++) {
                assertEquals(grey(15 + 3 * k), greys.get(k), tolerance(grey(15 + 3 * k)), "grid frame " + k);
            }
        }
    }

    private static double tolerance(int grey) {
        return 2 + 0.08 * grey;
    }

    private static int grey(int frame) {
        return 30 + frame * 37 % 200;
    }

    @Test
    void decodedFiguresMatchTheRenderedFrames() throws IOException {
        Spec spec = new Spec(3, 4, 4, 128, 96, 15, List.of(new Episode(1, 2.5, Semiology.TCS, true)), false);
        Path file = dir.resolve("figure.mp4");
        VideoSimulator.write(spec, file);
        VideoSimulator.Renderer renderer = new VideoSimulator.Renderer(spec);
        byte[] rendered = new byte[128 * 96];
        byte[] expected = new byte[64 * 64];
        double[] worst = {0};
        try (VideoFile video = VideoFile.open(file)) {
            assertEquals(60, video.stream(0, 60, 15, 64, 64, (k, pixels) -> {
                renderer.render(k, rendered);
                byte[] signed = new byte[rendered.length];
                for (int i = 0; i < signed.length; i++) {
                    signed[i] = (byte) ((rendered[i] & 0xFF) - 128);
                }
                Preprocess.downsample(signed, 128, 0, 0, 128, 96, 64, 64, expected);
                double sum = 0;
                for (int i = 0; i < expected.length; i++) {
                    sum += Math.abs(Preprocess.grey(expected[i]) - Preprocess.grey(pixels[i]));
                }
                worst[0] = Math.max(worst[0], sum / expected.length);
                return true;
            }));
        }
        // H.264 is lossy and jcodec's RGB to YUV conversion has a slight gain: a few grey levels on
        // average, not the tens a shifted, rescaled or wrong frame gives.
        assertTrue(worst[0] < 8, "mean absolute difference per frame up to " + worst[0]);
    }

    @Test
    void refusesWhatItCannotDecodeNamingFileAndCodec() throws IOException {
        Path missing = dir.resolve("missing.mp4");
        assertThrows(NoSuchFileException.class, () -> VideoFile.open(missing));

        Path text = dir.resolve("notes.mp4");
        Files.writeString(text, "this is not a video at all", StandardCharsets.US_ASCII);
        VideoFormatException e = assertThrows(VideoFormatException.class, () -> VideoFile.open(text));
        assertTrue(e.getMessage().contains("notes.mp4") && e.getMessage().contains("not an MP4"), e.getMessage());

        Path good = dir.resolve("good.mp4");
        TestVideos.uniform(good, 15, 30, 64, 48, i -> 100);
        byte[] bytes = Files.readAllBytes(good);

        // The same file claiming HEVC: what many recent cameras write.
        Path hevc = dir.resolve("camera-hevc.mp4");
        Files.write(hevc, replace(bytes, "avc1", "hev1"));
        e = assertThrows(VideoFormatException.class, () -> VideoFile.open(hevc));
        assertTrue(e.getMessage().contains("camera-hevc.mp4") && e.getMessage().contains("H.265/HEVC"), e.getMessage());

        // Cut in the middle: the index (moov, written last by this muxer) is gone.
        Path truncated = dir.resolve("truncated.mp4");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        e = assertThrows(VideoFormatException.class, () -> VideoFile.open(truncated));
        assertTrue(e.getMessage().contains("truncated.mp4"), e.getMessage());

        // Frame data overwritten with garbage: the index is intact, decoding fails or gives garbage,
        // but never an unchecked exception.
        Path garbage = dir.resolve("garbage.mp4");
        byte[] damaged = bytes.clone();
        java.util.Random r = new java.util.Random(1);
        for (int i = 64; i < damaged.length / 2; i++) {
            damaged[i] = (byte) r.nextInt();
        }
        Files.write(garbage, damaged);
        try (VideoFile video = VideoFile.open(garbage)) {
            video.stream(0, 30, 15, 8, 8, (k, pixels) -> true);
        } catch (VideoFormatException expected) {
            assertTrue(expected.getMessage().contains("garbage.mp4"), expected.getMessage());
        }
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] out = bytes.clone();
        int replaced = 0;
        for (int i = 0; i + f.length <= out.length; i++) {
            if (java.util.Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, out, i, f.length);
                replaced++;
            }
        }
        assertTrue(replaced > 0, "no '" + from + "' in the file");
        return out;
    }
}
