package io.ictal.shell.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.review.ReviewCluster;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewState;
import io.ictal.shell.internal.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClustersReportTest {

    private static ReviewItem item(long id) {
        return new ReviewItem(id, "rec", new Detection("d", "seizure-detection", "seizure", id, 10, List.of(), 0.7,
                new ModelIdentity("m", "1", "a".repeat(64)), Map.of(), null), ReviewState.PENDING, null, null, "", 0);
    }

    private static final List<ReviewCluster> CLUSTERS = List.of(
            new ReviewCluster("c3-3", List.of(item(5), item(3), item(9)), item(5), "spectrogram", 0.4321),
            new ReviewCluster("c4-1", List.of(item(4)), item(4), "detection-scores", 0));

    @Test
    void textListsMembersRepresentativeFirst() {
        List<String> lines = ClustersReport.of(CLUSTERS).toText().lines().toList();
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).startsWith("c3-3               3  spectrogram         0.43  seizure-detection"),
                lines.get(1));
        assertTrue(lines.get(1).endsWith("5 3 9"), lines.get(1));
        assertTrue(lines.get(3).startsWith("2 clusters of 4 pending items"), lines.get(3));
        assertEquals("No pending items to cluster.\n", ClustersReport.of(List.of()).toText());
    }

    @Test
    void jsonHasTheSchemaAndItemIds() {
        JsonObject json = JsonParser.parseString(Json.write(ClustersReport.of(CLUSTERS))).getAsJsonObject();
        assertEquals(ClustersReport.SCHEMA, json.get("schema").getAsString());
        JsonObject first = json.getAsJsonArray("clusters").get(0).getAsJsonObject();
        assertEquals(5, first.get("representative").getAsLong());
        assertEquals(3, first.getAsJsonArray("items").size());
    }
}
