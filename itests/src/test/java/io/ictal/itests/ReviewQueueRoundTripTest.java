package io.ictal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.review.RecordingDescriptor;
import io.ictal.api.review.ReviewConflictException;
import io.ictal.api.review.ReviewDecision;
import io.ictal.api.review.ReviewExports;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewQueue;
import io.ictal.api.review.ReviewState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The booted assembly runs the review queue on its embedded H2 database under data/: ingest (twice,
 * idempotent), decide in the shell, a stale decision is a conflict, and every exporter (EDF+ through
 * the recording writer) writes its file through ictal:queue-export; clusters are listed and decided in
 * the shell.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReviewQueueRoundTripTest extends IctalKarafTestSupport {

    @Inject
    private ReviewQueue queue;

    @Inject
    private ReviewExports exports;

    @Configuration
    public Option[] configuration() {
        return IctalKaraf.options();
    }

    @Test
    public void ingestDecideAndExportInTheBootedAssembly() throws Exception {
        Bundle review = FrameworkUtil.getBundle(queue.getClass());
        assertEquals("io.ictal.review", review.getSymbolicName());
        assertEquals(Bundle.ACTIVE, review.getState());
        assertEquals(List.of("bids", "csv_bi", "edf", "json"), List.copyOf(exports.formats()));

        ModelIdentity model = new ModelIdentity("itest-model", "1.0.0", "0".repeat(64));
        List<Detection> detections = List.of(
                new Detection("sz-1", "seizure-detection", "seizure", 30, 25, List.of("F7-T7"), 0.9, model, Map.of(),
                        null),
                new Detection("sz-2", "seizure-detection", "seizure", 300, 40, List.of(), 0.6, model, Map.of(), null));
        List<ReviewItem> items = queue.ingest("itest-rec", detections);
        assertEquals(items, queue.ingest("itest-rec", detections));
        assertEquals(2, queue.items("itest-rec").size());
        queue.describe(new RecordingDescriptor("itest-rec", null, LocalDateTime.of(2026, 3, 1, 9, 0), 3600));
        Path database = Path.of(System.getProperty("karaf.data"), "ictal", "review.mv.db");
        assertTrue(database + " exists", Files.isRegularFile(database));

        String decided = IctalKaraf.execute(sessionFactory,
                "ictal:queue-decide --confirm --reviewer alice " + items.get(0).id());
        assertTrue(decided, decided.contains("CONFIRMED by alice (revision 1)"));
        try {
            queue.decide(items.get(0).id(), 0, ReviewDecision.reject("bob", "stale"));
            fail("a decision on revision 0 after alice's must conflict");
        } catch (ReviewConflictException expected) {
            assertEquals(ReviewState.CONFIRMED, expected.current().state());
        }

        JsonObject listed = JsonParser.parseString(IctalKaraf.execute(sessionFactory,
                "ictal:queue --json --recording itest-rec")).getAsJsonObject();
        JsonArray rows = listed.getAsJsonArray("items");
        assertEquals(2, rows.size());
        assertEquals("CONFIRMED", rows.get(0).getAsJsonObject().get("state").getAsString());
        assertEquals("PENDING", rows.get(1).getAsJsonObject().get("state").getAsString());

        Path out = Path.of(System.getProperty("karaf.data"), "itest-export");
        for (String format : List.of("bids", "csv_bi", "edf", "json")) {
            String printed = IctalKaraf.execute(sessionFactory, "ictal:queue-export --format " + format
                    + " --recording itest-rec --out " + out);
            assertTrue(printed, printed.contains("1 file(s) written"));
        }
        List<String> bids = Files.readAllLines(out.resolve("itest-rec_events.tsv"));
        assertEquals(List.of("onset\tduration\teventType\tconfidence\tchannels\tdateTime\trecordingDuration",
                "30.00\t25.00\tsz\t0.90\tF7-T7\t2026-03-01 09:00:00\t3600.00"), bids);
        byte[] edf = Files.readAllBytes(out.resolve("itest-rec_annotations.edf"));
        assertTrue("an EDF+ header", new String(edf, 192, 5, java.nio.charset.StandardCharsets.US_ASCII)
                .equals("EDF+C"));
        // The --option=value form, which bin/ictal passes through unchanged.
        String all = IctalKaraf.execute(sessionFactory, "ictal:queue-export --format=json --all --recording=itest-rec"
                + " --out=" + out.resolve("all"));
        assertTrue(all, all.contains("all items with their state"));
        assertTrue(Files.readString(out.resolve("all").resolve("itest-rec.review.json")).contains("\"PENDING\""));

        // Clustering-assisted review in the shell: list the clusters, decide all their items in one command.
        queue.ingest("itest-rec-2", List.of(
                new Detection("a", "seizure-detection", "seizure", 10, 20, List.of(), 0.7, model, Map.of(), null),
                new Detection("b", "seizure-detection", "seizure", 90, 22, List.of(), 0.72, model, Map.of(), null)));
        JsonArray clusters = JsonParser.parseString(IctalKaraf.execute(sessionFactory,
                "ictal:queue-clusters --json --recording itest-rec-2")).getAsJsonObject().getAsJsonArray("clusters");
        StringBuilder ids = new StringBuilder();
        int clustered = 0;
        for (var cluster : clusters) {
            for (var id : cluster.getAsJsonObject().getAsJsonArray("items")) {
                ids.append(' ').append(id.getAsLong());
                clustered++;
            }
        }
        assertEquals(2, clustered);
        String rejected = IctalKaraf.execute(sessionFactory, "ictal:queue-decide --reject --reviewer carol" + ids);
        assertTrue(rejected, rejected.contains("REJECTED by carol (revision 1)"));
        assertTrue(queue.items("itest-rec-2").stream().allMatch(i -> i.state() == ReviewState.REJECTED));
    }
}
