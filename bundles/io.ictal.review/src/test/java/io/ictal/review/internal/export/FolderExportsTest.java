package io.ictal.review.internal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.review.ExportSelection;
import io.ictal.api.review.RecordingDescriptor;
import io.ictal.api.review.ReviewDecision;
import io.ictal.api.review.ReviewException;
import io.ictal.api.review.ReviewExporter;
import io.ictal.api.review.ReviewFilter;
import io.ictal.api.review.ReviewItem;
import io.ictal.review.internal.store.Database;
import io.ictal.review.internal.store.JdbcReviewQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderExportsTest {

    private static final ModelIdentity MODEL = new ModelIdentity("m", "1", "c".repeat(64));

    @TempDir
    Path dir;
    private JdbcReviewQueue queue;
    private FolderExports exports;

    @BeforeEach
    void queue() {
        queue = new JdbcReviewQueue(Database.embeddedH2(dir.resolve("db")), Clock.systemUTC());
        exports = new FolderExports(queue, false);
        exports.addExporter(new BidsEventsExporter(), Map.of(ReviewExporter.FORMAT, "bids"));
        exports.addExporter(new CsvBiExporter(), Map.of(ReviewExporter.FORMAT, "csv_bi"));
    }

    @AfterEach
    void close() {
        queue.close();
    }

    private static Detection seizure(double onset) {
        return new Detection("d", "seizure-detection", "seizure", onset, 10, List.of(), 0.8, MODEL, Map.of(), null);
    }

    @Test
    void oneFilePerRecordingRejectedOnlyRecordingsSaySoAndNothingIsLeftHalfWritten() throws IOException {
        List<ReviewItem> a = queue.ingest("rec-a", List.of(seizure(10), seizure(50)));
        List<ReviewItem> b = queue.ingest("rec-b", List.of(seizure(5)));
        queue.describe(new RecordingDescriptor("rec-b", null, LocalDateTime.of(2026, 1, 1, 0, 0), 600));
        queue.decide(a.get(0).id(), 0, ReviewDecision.confirm("alice", ""));
        queue.decide(b.get(0).id(), 0, ReviewDecision.reject("alice", ""));

        Path out = dir.resolve("out");
        List<Path> files = exports.export("bids", ReviewFilter.all(), ExportSelection.ACCEPTED, out);
        assertEquals(List.of(out.resolve("rec-a_events.tsv"), out.resolve("rec-b_events.tsv")), files);
        assertEquals(2, Files.readAllLines(files.get(0)).size(), "header and the one confirmed event");
        assertTrue(Files.readString(files.get(1)).contains("\tbckg\t"), "rec-b: all rejected, background only");
        try (Stream<Path> listed = Files.list(out)) {
            assertEquals(2, listed.count(), "no temporary files left");
        }

        List<Path> all = exports.export("csv_bi", ReviewFilter.all().withRecording("rec-a"), ExportSelection.ALL, out);
        assertEquals(List.of(out.resolve("rec-a.csv_bi")), all);
        assertTrue(Files.readString(all.get(0)).contains("# pending: TERM,50.0000"));
    }

    @Test
    void unknownFormatsListTheRegisteredOnes() {
        ReviewException e = assertThrows(ReviewException.class,
                () -> exports.export("xml", ReviewFilter.all(), ExportSelection.ALL, dir));
        assertTrue(e.getMessage().contains("'xml'") && e.getMessage().contains("[bids, csv_bi]"), e.getMessage());
    }

    @Test
    void recordingIdsBecomeSafeDistinctFileNames() {
        assertEquals("rec-01.x_y", FolderExports.stem("rec-01.x_y"));
        String a = FolderExports.stem("/data/eeg/a b.edf");
        String b = FolderExports.stem("/data/eeg/a_b.edf");
        assertTrue(a.matches("_data_eeg_a_b\\.edf-[0-9a-f]{8}"), a);
        assertNotEquals(a, b);
        assertTrue(FolderExports.stem("..").startsWith("_"));
    }

    @Test
    void withoutAFolderNothingIsWatched() {
        queue.ingest("rec-a", List.of(seizure(10)));
        WatchedExportFolder idle = new WatchedExportFolder(queue, exports, null, List.of("bids"),
                ExportSelection.ACCEPTED);
        assertEquals(List.of(), idle.run());
        idle.stop();
    }

    @Test
    void theWatchedFolderFollowsNewItemsAndDecisions() throws IOException {
        Path watched = dir.resolve("watched");
        WatchedExportFolder watch = new WatchedExportFolder(queue, exports, watched, List.of("bids", "csv_bi"),
                ExportSelection.ACCEPTED);
        try {
            List<ReviewItem> a = queue.ingest("rec-a", List.of(seizure(10)));
            queue.ingest("rec-b", List.of(seizure(20)));
            assertEquals(List.of("rec-a", "rec-b"), watch.run());
            assertEquals(List.of(), watch.run(), "nothing changed");
            assertEquals(1, Files.readAllLines(watched.resolve("rec-a_events.tsv")).size());

            queue.decide(a.get(0).id(), 0, ReviewDecision.confirm("alice", ""));
            assertEquals(List.of("rec-a"), watch.run());
            assertEquals(2, Files.readAllLines(watched.resolve("rec-a_events.tsv")).size());
            assertTrue(Files.readString(watched.resolve("rec-a.csv_bi")).contains("TERM,10.0000,20.0000,seiz"));
        } finally {
            watch.stop();
        }
    }
}
