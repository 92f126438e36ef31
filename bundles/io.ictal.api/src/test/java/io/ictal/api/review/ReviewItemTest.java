package io.ictal.api.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewItemTest {

    private static final Detection D = new Detection("sz-1", "seizure-detection", "seizure", 10, 20, List.of(), 0.9,
            new ModelIdentity("m", "1", "f".repeat(64)), Map.of(), null);

    @Test
    void decidedItemsNeedAReviewerAndATime() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReviewItem(1, "rec", D, ReviewState.CONFIRMED, null, Instant.now(), "", 1));
        assertThrows(IllegalArgumentException.class,
                () -> new ReviewItem(1, "rec", D, ReviewState.REJECTED, "alice", null, "", 1));
        ReviewItem pending = new ReviewItem(1, "rec", D, ReviewState.PENDING, null, null, "", 0);
        assertEquals(ReviewState.PENDING, pending.state());
        assertEquals(ReviewState.CONFIRMED,
                new ReviewItem(1, "rec", D, ReviewState.CONFIRMED, "alice", Instant.EPOCH, "ok", 1).state());
    }

    @Test
    void editedTimesReplaceTheDetectorsOnlyForEditedItems() {
        ReviewItem edited = new ReviewItem(1, "rec", D, ReviewState.EDITED, "alice", Instant.EPOCH, "", 1, 12, 25);
        assertEquals(12, edited.onsetSeconds());
        assertEquals(25, edited.offsetSeconds());
        assertTrue(edited.accepted());
        ReviewItem confirmed = new ReviewItem(1, "rec", D, ReviewState.CONFIRMED, "alice", Instant.EPOCH, "", 1);
        assertEquals(10, confirmed.onsetSeconds());
        assertEquals(30, confirmed.offsetSeconds());
        assertThrows(IllegalArgumentException.class,
                () -> new ReviewItem(1, "rec", D, ReviewState.CONFIRMED, "a", Instant.EPOCH, "", 1, 12, 25));
        assertThrows(IllegalArgumentException.class,
                () -> new ReviewItem(1, "rec", D, ReviewState.EDITED, "a", Instant.EPOCH, "", 1, 25, 12));
    }

    @Test
    void decisionsAreValidated() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReviewDecision(ReviewState.PENDING, "a", "", Double.NaN, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ReviewDecision.confirm(" ", ""));
        assertThrows(IllegalArgumentException.class, () -> ReviewDecision.edit("a", "", -1, 3));
        assertThrows(IllegalArgumentException.class, () -> ReviewDecision.edit("a", "", 5, Double.NaN));
        assertEquals(ReviewState.EDITED, ReviewDecision.edit("a", "", 5, 6).state());
    }

    @Test
    void filtersAndSelections() {
        ReviewItem pending = new ReviewItem(1, "rec", D, ReviewState.PENDING, null, null, "", 0);
        ReviewItem rejected = new ReviewItem(2, "rec", D, ReviewState.REJECTED, "a", Instant.EPOCH, "", 1);
        assertTrue(ReviewFilter.pending("rec").test(pending));
        assertFalse(ReviewFilter.pending("rec").test(rejected));
        assertFalse(ReviewFilter.pending("other").test(pending));
        assertTrue(ReviewFilter.all().withStates(Set.of(ReviewState.REJECTED)).withTask("seizure-detection").test(rejected));
        assertFalse(ReviewFilter.all().withLabel("GNSZ").test(rejected));
        assertFalse(ExportSelection.ACCEPTED.includes(rejected));
        assertTrue(ExportSelection.ALL.includes(rejected));
        assertThrows(IllegalArgumentException.class, () -> new ExportBatch(RecordingDescriptor.unknown("rec"),
                List.of(rejected), ExportSelection.ACCEPTED, false));
        assertThrows(IllegalArgumentException.class, () -> new ExportBatch(RecordingDescriptor.unknown("other"),
                List.of(rejected), ExportSelection.ALL, false));
    }

    @Test
    void aConflictSaysWhoDecidedAndWhatToDo() {
        ReviewItem current = new ReviewItem(7, "rec", D, ReviewState.REJECTED, "bob", Instant.EPOCH, "", 1);
        ReviewConflictException e = new ReviewConflictException(current, 0);
        assertEquals(current, e.current());
        assertTrue(e.getMessage().contains("item 7") && e.getMessage().contains("bob")
                && e.getMessage().contains("expected revision 0"), e.getMessage());
    }
}
