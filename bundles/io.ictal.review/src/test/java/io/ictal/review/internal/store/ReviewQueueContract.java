package io.ictal.review.internal.store;

import static io.ictal.review.internal.store.Detections.MODEL;
import static io.ictal.review.internal.store.Detections.seizure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.Detection;
import io.ictal.api.detection.Explanation;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.review.RecordingDescriptor;
import io.ictal.api.review.ReviewConflictException;
import io.ictal.api.review.ReviewDecision;
import io.ictal.api.review.ReviewException;
import io.ictal.api.review.ReviewFilter;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every database must do; subclasses supply the database. */
abstract class ReviewQueueContract {

    static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    private final List<JdbcReviewQueue> opened = new ArrayList<>();

    /** A fresh, empty database (a new object on every call, the same data within one test). */
    abstract Database database();

    JdbcReviewQueue queue() {
        JdbcReviewQueue q = new JdbcReviewQueue(database(), Clock.fixed(NOW, ZoneOffset.UTC));
        opened.add(q);
        return q;
    }

    @AfterEach
    void closeQueues() {
        opened.forEach(JdbcReviewQueue::close);
    }

    @Test
    void reIngestingTheSameDetectionsAddsNothing() {
        JdbcReviewQueue q = queue();
        List<ReviewItem> first = q.ingest("rec-1", List.of(seizure("a", 10, 20, "F7-T7", "T7-P7"),
                seizure("b", 100, 30, "FP1-F7"), seizure("c", 200, 5)));
        assertEquals(3, first.size());
        // Re-run: another detection id and confidence, channels in another order: the same items.
        Detection again = new Detection("other-id", "seizure-detection", "seizure", 10, 20, List.of("T7-P7", "F7-T7"),
                0.7, MODEL, Map.of(), null);
        List<ReviewItem> second = q.ingest("rec-1", List.of(seizure("c", 200, 5), again));
        assertEquals(List.of(first.get(2).id(), first.get(0).id()), second.stream().map(ReviewItem::id).toList());
        assertEquals(3, q.items("rec-1").size());
        // A new model version, other channels, another recording or another offset are new items.
        q.ingest("rec-1", List.of(new Detection("a", "seizure-detection", "seizure", 10, 20, List.of("F7-T7", "T7-P7"),
                0.9, new ModelIdentity(MODEL.id(), "1.3.0", MODEL.sha256()), Map.of(), null)));
        q.ingest("rec-1", List.of(seizure("a", 10, 20, "F7-T7"), seizure("a", 10, 21, "F7-T7", "T7-P7")));
        q.ingest("rec-2", List.of(seizure("a", 10, 20, "F7-T7", "T7-P7")));
        assertEquals(6, q.items("rec-1").size());
        assertEquals(7, q.items((String) null).size());
    }

    @Test
    void duplicatesWithinOneCallBecomeOneItem() {
        JdbcReviewQueue q = queue();
        List<ReviewItem> items = q.ingest("rec", List.of(seizure("a", 1, 2), seizure("a", 1, 2)));
        assertEquals(items.get(0), items.get(1));
        assertEquals(1, q.items("rec").size());
    }

    @Test
    void itemsSurviveReopeningAndKeepEveryField() {
        Explanation cam = new Explanation("image/png", new byte[] {1, 2, 3}, "CAM over F7-T7");
        Detection d = new Detection("sz-7", "seizure-type", "GNSZ", 12.5, 30.25, List.of("F7-T7", "C3-P3"), 0.81,
                MODEL, Map.of("GNSZ", 0.81, "FNSZ", 0.1), cam);
        long id = queue().ingest("rec", List.of(d)).get(0).id();
        ReviewItem read = queue().item(id).orElseThrow();
        assertEquals(d, read.detection());
        assertArrayEquals(new byte[] {1, 2, 3}, read.detection().explanation().image());
        assertEquals(ReviewState.PENDING, read.state());
        assertEquals(0, read.revision());
        assertNull(read.reviewer());
    }

    @Test
    void aDecisionIsRecordedOnceAndAStaleOneIsAConflict() {
        JdbcReviewQueue q = queue();
        ReviewItem item = q.ingest("rec", List.of(seizure("a", 10, 20))).get(0);
        ReviewItem confirmed = q.decide(item.id(), 0, ReviewDecision.confirm("alice", "clear onset"));
        assertEquals(ReviewState.CONFIRMED, confirmed.state());
        assertEquals("alice", confirmed.reviewer());
        assertEquals(NOW, confirmed.decidedAt());
        assertEquals(1, confirmed.revision());

        ReviewConflictException conflict = assertThrows(ReviewConflictException.class,
                () -> q.decide(item.id(), 0, ReviewDecision.reject("bob", "artefact")));
        assertEquals(confirmed, conflict.current());
        assertEquals(confirmed, q.item(item.id()).orElseThrow());
        assertEquals(1, q.decisionCount(item.id()));

        // Bob, having seen alice's decision, may change it: a defined rule, recorded in the trail.
        ReviewItem edited = q.decide(item.id(), 1, ReviewDecision.edit("bob", "onset earlier", 8.5, 29));
        assertEquals(ReviewState.EDITED, edited.state());
        assertEquals(8.5, edited.onsetSeconds());
        assertEquals(29, edited.offsetSeconds());
        assertEquals(2, edited.revision());
        assertEquals(2, q.decisionCount(item.id()));
    }

    @Test
    void twoReviewersAtOnceOneWinsTheOtherIsTold() throws Exception {
        JdbcReviewQueue q = queue();
        List<ReviewItem> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(q.ingest("rec", List.of(seizure("a" + i, 10 * i, 5))).get(0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (ReviewItem item : items) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> outcomes = new ArrayList<>();
                for (String reviewer : List.of("alice", "bob")) {
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        try {
                            q.decide(item.id(), item.revision(), ReviewDecision.confirm(reviewer, ""));
                            return "won";
                        } catch (ReviewConflictException e) {
                            return "conflict";
                        }
                    }));
                }
                start.countDown();
                List<String> results = List.of(outcomes.get(0).get(), outcomes.get(1).get());
                assertTrue(results.contains("won") && results.contains("conflict"), results.toString());
                assertEquals(1, q.item(item.id()).orElseThrow().revision());
                assertEquals(1, q.decisionCount(item.id()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClusterDecisionIsAllOrNothing() {
        JdbcReviewQueue q = queue();
        List<ReviewItem> items = q.ingest("rec", List.of(seizure("a", 1, 2), seizure("b", 10, 2), seizure("c", 20, 2)));
        q.decide(items.get(1).id(), 0, ReviewDecision.reject("bob", ""));
        assertThrows(ReviewConflictException.class, () -> q.decideAll(items, ReviewDecision.confirm("alice", "")));
        assertEquals(List.of(ReviewState.PENDING, ReviewState.REJECTED, ReviewState.PENDING),
                q.items("rec").stream().map(ReviewItem::state).toList());

        List<ReviewItem> fresh = q.items(ReviewFilter.pending("rec"));
        List<ReviewItem> decided = q.decideAll(fresh, ReviewDecision.confirm("alice", "cluster 1"));
        assertEquals(2, decided.size());
        assertTrue(q.items(ReviewFilter.pending(null)).isEmpty());
    }

    @Test
    void filtersSelectByRecordingStateTaskAndLabel() {
        JdbcReviewQueue q = queue();
        q.ingest("rec-b", List.of(seizure("a", 50, 2), seizure("b", 5, 2)));
        Detection ecg = new Detection("e", "ecg-arrhythmia", "AFIB", 7, 3, List.of("EKG"), 0.6, MODEL, Map.of(), null);
        List<ReviewItem> a = q.ingest("rec-a", List.of(ecg));
        q.decide(a.get(0).id(), 0, ReviewDecision.reject("carol", "noise"));

        assertEquals(List.of("rec-a", "rec-b", "rec-b"), q.items((String) null).stream().map(ReviewItem::recordingId).toList());
        assertEquals(List.of(5.0, 50.0), q.items("rec-b").stream().map(i -> i.detection().onsetSeconds()).toList());
        assertEquals(1, q.items(ReviewFilter.all().withStates(Set.of(ReviewState.REJECTED))).size());
        assertEquals(2, q.items(ReviewFilter.pending(null)).size());
        assertEquals(1, q.items(ReviewFilter.all().withTask("ecg-arrhythmia")).size());
        assertEquals(2, q.items(ReviewFilter.all().withLabel("seizure")).size());
        assertEquals(0, q.items(ReviewFilter.pending("rec-a")).size());
    }

    @Test
    void recordingsAreDescribedAndRedescribed() {
        JdbcReviewQueue q = queue();
        assertEquals(RecordingDescriptor.unknown("rec"), q.recording("rec"));
        q.describe(new RecordingDescriptor("rec", "/data/rec.edf", LocalDateTime.of(2026, 3, 1, 22, 5, 1), 86400));
        q.describe(new RecordingDescriptor("rec", "/data/rec2.edf", LocalDateTime.of(2026, 3, 1, 22, 5, 1, 500_000_000),
                Double.NaN));
        RecordingDescriptor r = q.recording("rec");
        assertEquals("/data/rec2.edf", r.file());
        assertEquals(LocalDateTime.of(2026, 3, 1, 22, 5, 1, 500_000_000), r.start());
        assertTrue(Double.isNaN(r.durationSeconds()));
    }

    @Test
    void unknownItemsAreNamed() {
        JdbcReviewQueue q = queue();
        ReviewException e = assertThrows(ReviewException.class, () -> q.decide(424242, 0,
                ReviewDecision.confirm("alice", "")));
        assertTrue(e.getMessage().contains("no review item 424242"), e.getMessage());
        assertTrue(q.item(424242).isEmpty());
    }

    @Test
    void migrationsRunOnceAndRefuseANewerSchema() {
        Database db = database();
        try (db) {
            assertEquals(List.of(1), Migrations.migrate(db));
            assertEquals(List.of(), Migrations.migrate(db));
            db.transaction("faking a newer schema", c -> {
                c.createStatement().execute("INSERT INTO ictal_schema_version VALUES (99, 'from the future', 0)");
                return null;
            });
            ReviewException e = assertThrows(ReviewException.class, () -> new JdbcReviewQueue(db, Clock.systemUTC()));
            assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
        }
    }
}
