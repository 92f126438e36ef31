package io.ictal.review.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.review.ReviewDecision;
import io.ictal.api.review.ReviewFilter;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Kills a forked JVM with SIGKILL while it ingests and while it decides: afterwards nothing it
 * acknowledged is lost, nothing is duplicated, a write in flight is all there or not at all, and
 * re-running the work completes it exactly. Subclasses supply the database.
 */
abstract class KillDuringWritesContract {

    private static final int ACKS_BEFORE_KILL = 20;

    /** JDBC URL, user and password of an empty database. */
    abstract String[] connection();

    @Test
    void killedDuringIngestion() throws Exception {
        List<String> acks = runAndKill("ingest");
        int lastAcked = Integer.parseInt(acks.get(acks.size() - 1));

        try (JdbcReviewQueue queue = reopen()) {
            List<ReviewItem> items = queue.items((String) null);
            assertNoDuplicates(items);
            Map<String, Long> perRecording = items.stream()
                    .collect(Collectors.groupingBy(ReviewItem::recordingId, Collectors.counting()));
            for (int b = 0; b <= lastAcked; b++) {
                assertEquals(KilledWriter.BATCH, perRecording.getOrDefault(KilledWriter.recording(b), 0L),
                        "acknowledged batch " + b + " lost items");
            }
            // The batch in flight when the process died: one transaction, so all or nothing.
            long inFlight = perRecording.getOrDefault(KilledWriter.recording(lastAcked + 1), 0L);
            assertTrue(inFlight == 0 || inFlight == KilledWriter.BATCH, "half a batch survived: " + inFlight);
            assertEquals(items.size(), (lastAcked + 1) * KilledWriter.BATCH + inFlight);

            // Restart: the analysis runs again over every recording; nothing is added twice.
            for (int b = 0; b <= lastAcked + 1; b++) {
                queue.ingest(KilledWriter.recording(b), KilledWriter.batch(b));
            }
            List<ReviewItem> after = queue.items((String) null);
            assertNoDuplicates(after);
            assertEquals((lastAcked + 2) * KilledWriter.BATCH, after.size());
        }
    }

    @Test
    void killedDuringDecisions() throws Exception {
        int total;
        try (JdbcReviewQueue queue = reopen()) {
            for (int b = 0; b < 6; b++) {
                queue.ingest(KilledWriter.recording(b), KilledWriter.batch(b));
            }
            total = queue.items((String) null).size();
        }
        List<String> acks = runAndKill("decide");
        Set<Long> acknowledged = acks.stream().flatMap(a -> Arrays.stream(a.split(","))).map(Long::valueOf)
                .collect(Collectors.toSet());

        try (JdbcReviewQueue queue = reopen()) {
            List<ReviewItem> items = queue.items((String) null);
            assertEquals(total, items.size(), "items lost");
            assertNoDuplicates(items);
            int decidedUnacknowledged = 0;
            for (ReviewItem item : items) {
                if (acknowledged.contains(item.id())) {
                    assertEquals(ReviewState.CONFIRMED, item.state(), "acknowledged decision lost on " + item.id());
                    assertEquals(1, item.revision());
                } else if (item.state() != ReviewState.PENDING) {
                    decidedUnacknowledged++;
                }
                assertEquals(item.revision(), queue.decisionCount(item.id()), "audit trail of item " + item.id());
            }
            // Only the write in flight (one item or a group of five) may be there unacknowledged.
            assertTrue(decidedUnacknowledged == 0 || decidedUnacknowledged == 1 || decidedUnacknowledged == 5,
                    decidedUnacknowledged + " decisions were applied but never acknowledged");

            // Restart: the reviewers decide what is still pending; every item ends decided exactly once.
            for (ReviewItem item : queue.items(ReviewFilter.pending(null))) {
                queue.decide(item.id(), item.revision(), ReviewDecision.confirm("after-restart", ""));
            }
            for (ReviewItem item : queue.items((String) null)) {
                assertEquals(ReviewState.CONFIRMED, item.state());
                assertEquals(1, item.revision());
                assertEquals(1, queue.decisionCount(item.id()));
            }
        }
    }

    private JdbcReviewQueue reopen() {
        String[] c = connection();
        return new JdbcReviewQueue(new Database(c[0], c[1], c[2]), Clock.systemUTC());
    }

    /** Starts {@link KilledWriter}, waits for its acknowledgements, kills it with SIGKILL. */
    private List<String> runAndKill(String mode) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] c = connection();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledWriter.class.getName(), mode, c[0], c[1], c[2])
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> acks = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (acks.size() < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acks.add(line.substring(4));
                }
            }
            assertEquals(ACKS_BEFORE_KILL, acks.size(), "the writer stopped before it was killed");
            // Process.destroyForcibly is SIGKILL on Linux; kill(1) says so explicitly.
            new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).inheritIO().start().waitFor();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
            // Acknowledgements already written before the signal are the child's promises too.
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acks.add(line.substring(4));
                }
            }
        } finally {
            child.destroyForcibly();
        }
        assertEquals(128 + 9, child.exitValue(), "the writer was not killed by SIGKILL");
        return acks;
    }

    private static void assertNoDuplicates(List<ReviewItem> items) {
        Function<ReviewItem, List<Object>> key = i -> List.of(i.recordingId(), i.detection().model(),
                i.detection().onsetSeconds(), i.detection().offsetSeconds(), new HashSet<>(i.detection().channels()));
        assertEquals(items.size(), items.stream().map(key).distinct().count(), "duplicated items");
        assertEquals(items.size(), items.stream().map(ReviewItem::id).distinct().count(), "duplicated ids");
    }
}
