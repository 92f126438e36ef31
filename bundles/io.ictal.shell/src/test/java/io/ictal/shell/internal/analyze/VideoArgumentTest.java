package io.ictal.shell.internal.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.shell.internal.CommandFailure;
import io.ictal.viewer.spi.SynchronizedVideo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoArgumentTest {

    @TempDir
    Path dir;

    @Test
    void anOffsetAfterTheLastAtSignIsTheRecordingTimeOfTheFirstFrame() throws IOException {
        Path file = Files.createFile(dir.resolve("bed@ward-3.mp4"));

        SynchronizedVideo later = VideoArgument.parse(file + "@12.5");
        SynchronizedVideo earlier = VideoArgument.parse(file + "@-3");

        assertEquals(file, later.file());
        assertEquals(12.5, later.offsetSeconds());
        assertEquals(-3, earlier.offsetSeconds());
    }

    @Test
    void withoutAnOffsetTheVideoIsAlignedByTheRecordingsAnnotation() throws IOException {
        Path file = Files.createFile(dir.resolve("bed@ward-3.mp4"));

        SynchronizedVideo video = VideoArgument.parse(file.toString());

        assertEquals(file, video.file());
        assertFalse(video.offsetKnown());
    }

    @Test
    void aMissingFileIsRefusedNamingItAndTheExpectedForm() {
        CommandFailure e = assertThrows(CommandFailure.class,
                () -> VideoArgument.parse(dir.resolve("none.mp4") + "@4"));
        assertTrue(e.getMessage().contains("none.mp4") && e.getMessage().contains("FILE@OFFSET"), e.getMessage());
    }
}
