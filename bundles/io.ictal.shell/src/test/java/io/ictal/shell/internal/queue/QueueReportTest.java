package io.ictal.shell.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewState;
import io.ictal.shell.internal.CommandFailure;
import io.ictal.shell.internal.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueReportTest {

    private static final Detection D = new Detection("sz-1", "seizure-detection", "seizure", 10, 20,
            List.of("F7-T7"), 0.875, new ModelIdentity("ictal-seizure-cnn", "1.2.0", "e".repeat(64)), Map.of(), null);
    private static final List<ReviewItem> ITEMS = List.of(
            new ReviewItem(1, "rec-01", D, ReviewState.PENDING, null, null, "", 0),
            new ReviewItem(2, "/data/eeg/patients/2026/very-long-recording-name.edf", D, ReviewState.EDITED, "alice",
                    Instant.parse("2026-03-02T08:00:00Z"), "earlier", 1, 8, 31));

    @Test
    void textHasOneLinePerItemAndACount() {
        List<String> lines = QueueReport.of(ITEMS).toText().lines().toList();
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("    ID  RECORDING"), lines.get(0));
        assertTrue(lines.get(1).contains("rec-01") && lines.get(1).contains("PENDING") && lines.get(1).endsWith("-"),
                lines.get(1));
        assertTrue(lines.get(2).contains("...ng-recording-name.edf ") && lines.get(2).contains("8.00")
                && lines.get(2).contains("31.00") && lines.get(2).endsWith("alice"), lines.get(2));
        assertEquals("2 items, 1 pending", lines.get(3));
        assertTrue(QueueReport.of(List.of()).toText().startsWith("The review queue has no items"));
    }

    @Test
    void jsonHasTheSchemaAndNullsWhilePending() {
        JsonObject json = JsonParser.parseString(Json.write(QueueReport.of(ITEMS))).getAsJsonObject();
        assertEquals(QueueReport.SCHEMA, json.get("schema").getAsString());
        JsonArray items = json.getAsJsonArray("items");
        assertTrue(items.get(0).getAsJsonObject().get("reviewer").isJsonNull());
        JsonObject edited = items.get(1).getAsJsonObject();
        assertEquals("EDITED", edited.get("state").getAsString());
        assertEquals(8, edited.get("onsetSeconds").getAsDouble());
        assertEquals("2026-03-02T08:00:00Z", edited.get("decidedAt").getAsString());
        assertEquals("1.2.0", edited.get("modelVersion").getAsString());
    }

    @Test
    void statesAreParsedOrRefusedByName() {
        assertEquals(Set.of(ReviewState.PENDING, ReviewState.EDITED), QueueCommand.states(List.of("pending", "EDITED")));
        assertEquals(Set.of(), QueueCommand.states(null));
        CommandFailure e = assertThrows(CommandFailure.class, () -> QueueCommand.states(List.of("done")));
        assertTrue(e.getMessage().contains("'done'"), e.getMessage());
    }
}
