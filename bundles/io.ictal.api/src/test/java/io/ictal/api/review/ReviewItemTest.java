package io.ictal.api.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
}
