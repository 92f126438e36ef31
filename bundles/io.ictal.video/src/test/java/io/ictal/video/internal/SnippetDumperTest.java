package io.ictal.video.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training's data path: the same bytes the classifier feeds the model. */
class SnippetDumperTest {

    @TempDir
    Path dir;

    @Test
    void dumpsEveryWholeSnippetAsTheClassifierSeesIt() throws Exception {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        TestVideos.uniform(videos.resolve("a.mp4"), 15, 70, 64, 48, i -> 30 + i * 37 % 200);
        Files.writeString(videos.resolve("labels.csv"), "file,label,onset,offset\na.mp4,TCS,1.0,3.5\n");
        Path out = dir.resolve("out");
        SnippetDumper.dump(videos, out, 1);

        byte[] npy = Files.readAllBytes(out.resolve("a.npy"));
        String header = new String(npy, 10, 118, StandardCharsets.US_ASCII);
        // 70 frames = 8 whole snippets of 8 (the last 6 frames are dropped).
        assertTrue(header.contains("'shape': (8, 8, 64, 64)"), header);
        assertEquals(128 + 8 * 8 * 64 * 64, npy.length);
        byte[] expected = new byte[8 * 8 * 64 * 64];
        try (VideoFile video = VideoFile.open(videos.resolve("a.mp4"))) {
            SnippetPlan plan = SnippetPlan.of(0, video.durationSeconds(), 0, video.durationSeconds(), 8, 15)
                    .orElseThrow();
            SnippetStream.stream(video, plan, 64, 64, (i, frames) -> {
                System.arraycopy(frames, 0, expected, i * frames.length, frames.length);
                return true;
            });
        }
        assertArrayEquals(expected, Arrays.copyOfRange(npy, 128, npy.length));
        List<String> index = Files.readAllLines(out.resolve("index.csv"));
        assertEquals("a.mp4,a.npy,TCS,a.mp4,1.0,3.5,8,0.533333,4.666667", index.get(1));
    }

    @Test
    void badLabelsNameTheLineAndField() throws IOException {
        Files.writeString(dir.resolve("labels.csv"), "file,label,onset,offset\na.mp4,GTC,1,2\n");
        IOException e = assertThrows(IOException.class, () -> SnippetDumper.readLabels(dir.resolve("labels.csv")));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("'label'")
                && e.getMessage().contains("FOS or TCS"), e.getMessage());
        Files.writeString(dir.resolve("labels.csv"), "file,label,onset,offset\na.mp4,FOS,soon,2\n");
        e = assertThrows(IOException.class, () -> SnippetDumper.readLabels(dir.resolve("labels.csv")));
        assertTrue(e.getMessage().contains("'onset'"), e.getMessage());
        Files.writeString(dir.resolve("labels.csv"), "video,class\n");
        e = assertThrows(IOException.class, () -> SnippetDumper.readLabels(dir.resolve("labels.csv")));
        assertTrue(e.getMessage().contains("expected columns file and label"), e.getMessage());
    }
}
