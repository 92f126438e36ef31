package io.ictal.video.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * What cameras write, not only what jcodec's own encoder writes (Baseline): Main and High profile,
 * CABAC, 8x8 transforms and B-frames (frames stored out of display order), encoded by FFmpeg's x264.
 * Frame {@code i} has its own grey level, so a frame decoded out of order or twice stands out. Needs
 * the {@code ffmpeg} command (Debian package ffmpeg, installed by .ci/run); skipped, saying so, without it.
 */
class CameraProfilesTest {

    private static final int FRAMES = 90;

    @TempDir
    Path dir;

    private static int grey(int frame) {
        return 30 + frame * 37 % 200;
    }

    private static boolean ffmpegInstalled() {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Encodes {@link #FRAMES} uniform grey frames (128x96, 15 fps) with x264 and the given settings. */
    private Path encode(String name, String profile, String x264Params) throws IOException, InterruptedException {
        Path out = dir.resolve(name + ".mp4");
        Process p = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "gray",
                "-s", "128x96", "-r", "15", "-i", "-", "-c:v", "libx264", "-profile:v", profile, "-pix_fmt", "yuv420p",
                "-x264-params", x264Params, out.toString()).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            byte[] frame = new byte[128 * 96];
            for (int i = 0; i < FRAMES; i++) {
                java.util.Arrays.fill(frame, (byte) grey(i));
                in.write(frame);
            }
        }
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg failed: " + log);
        return out;
    }

    @ParameterizedTest
    @CsvSource({
        "main-cabac-bframes, main, cabac=1:bframes=2, Main",
        "high-8x8-bframes,   high, cabac=1:8x8dct=1:bframes=3:b-pyramid=normal, High",
        "high-cavlc,         high, cabac=0:8x8dct=1:bframes=0, High"})
    void decodesEveryFrameOnceInDisplayOrder(String name, String profile, String x264Params, String profileName)
            throws Exception {
        assumeTrue(ffmpegInstalled(), "ffmpeg is not installed: decoding of Main/High-profile H.264 not checked "
                + "(apt-get install ffmpeg)");
        Path file = encode(name, profile, x264Params);

        List<Integer> greys = new ArrayList<>();
        try (VideoFile video = VideoFile.open(file)) {
            assertTrue(video.description().startsWith("H.264 " + profileName + " profile"), video.description());
            assertEquals(FRAMES, video.frameCount());
            assertEquals(15.0, video.frameRate(), 1e-6);
            int n = video.stream(0, FRAMES, 15, 8, 8, (k, pixels) -> greys.add(Preprocess.grey(pixels[27])));
            assertEquals(FRAMES, n);
            // A seek into the middle (not at a key frame): frames 37.. in order.
            List<Integer> later = new ArrayList<>();
            video.stream(37 / 15.0, 20, 15, 8, 8, (k, pixels) -> later.add(Preprocess.grey(pixels[27])));
            assertEquals(greys.subList(37, 57), later, name + ": after a seek to frame 37");
        }
        // x264 stores luma in the limited range (16-235): fit decoded = a + b * grey, then every frame
        // must sit on that line. Neighbouring frames differ by >= 37 grey levels, so a frame shown out of
        // order or twice misses the line by far more than the tolerance.
        double mx = 0;
        double my = 0;
        for (int i = 0; i < FRAMES; i++) {
            mx += grey(i) / (double) FRAMES;
            my += greys.get(i) / (double) FRAMES;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < FRAMES; i++) {
            sxy += (grey(i) - mx) * (greys.get(i) - my);
            sxx += (grey(i) - mx) * (grey(i) - mx);
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        assertTrue(b > 0.8 && b < 1.2, "gain " + b);
        for (int i = 0; i < FRAMES; i++) {
            assertEquals(a + b * grey(i), greys.get(i), 6, name + ": frame " + i + " (decoded " + greys + ")");
        }
    }
}
