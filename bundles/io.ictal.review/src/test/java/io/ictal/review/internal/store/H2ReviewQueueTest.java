package io.ictal.review.internal.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.review.ReviewException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue on the embedded H2 file database (the default). */
class H2ReviewQueueTest extends ReviewQueueContract {

    @TempDir
    Path dir;

    @Override
    Database database() {
        return Database.embeddedH2(dir);
    }

    @Test
    void theDefaultDatabaseIsAFileUnderTheGivenFolder() {
        queue().ingest("rec", java.util.List.of(Detections.seizure("a", 1, 2)));
        assertTrue(dir.resolve("review.mv.db").toFile().isFile());
    }

    @Test
    void otherUrlsAreRefusedWithoutShowingThePassword() {
        ReviewException e = assertThrows(ReviewException.class,
                () -> new Database("jdbc:mysql://x/y?password=secret", "u", "p"));
        assertTrue(e.getMessage().contains("jdbc.url"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}
