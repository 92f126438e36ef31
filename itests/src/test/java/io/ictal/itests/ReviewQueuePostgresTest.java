package io.ictal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.review.ReviewDecision;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewQueue;
import io.ictal.api.review.ReviewState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The booted assembly configured for PostgreSQL (etc/io.ictal.review.cfg) stores the queue there:
 * the driver bundle works inside OSGi. The server is the one .ci/run starts
 * ({@code ICTAL_REVIEW_PG_URL/_USER/_PASSWORD}); without one it prints why it did not run and returns
 * (Pax Exam reports an assumption failed inside Karaf as a pass, so the console line is the signal),
 * except under CI ({@code CI=true}), where it fails.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReviewQueuePostgresTest extends IctalKarafTestSupport {

    private static final String URL = env("ICTAL_REVIEW_PG_URL", "jdbc:postgresql://127.0.0.1:5432/ictal_review");
    private static final String UNREACHABLE = "ictal.itest.postgres.unreachable";

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Configuration
    public Option[] configuration() {
        String problem = reachable();
        if (problem != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(problem);
            }
            // Boot on the default database; the test says why it did not run.
            return IctalKaraf.options(systemProperty(UNREACHABLE).value(problem));
        }
        return IctalKaraf.options(
                editConfigurationFilePut("etc/io.ictal.review.cfg", "jdbc.url", URL),
                editConfigurationFilePut("etc/io.ictal.review.cfg", "jdbc.user", env("ICTAL_REVIEW_PG_USER", "ictal")),
                editConfigurationFilePut("etc/io.ictal.review.cfg", "jdbc.password",
                        env("ICTAL_REVIEW_PG_PASSWORD", "ictal")));
    }

    /** Null when a server listens where the URL says, else why not. */
    private static String reachable() {
        URI uri = URI.create(URL.substring("jdbc:".length()));
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 2000);
            return null;
        } catch (IOException e) {
            return "No PostgreSQL server reachable at " + URL + " (" + e.getMessage() + "): the PostgreSQL itest"
                    + " did not run. .ci/run starts one; set ICTAL_REVIEW_PG_URL/_USER/_PASSWORD to use another.";
        }
    }

    @Test
    public void theQueueRunsOnPostgresqlInTheBootedAssembly() throws Exception {
        String problem = System.getProperty(UNREACHABLE);
        if (problem != null) {
            System.out.println("SKIPPED: " + problem);
        }
        // Only outside CI, with no PostgreSQL server reachable (under CI=true configuration() fails instead).
        Assume.assumeTrue(problem, problem == null);

        ServiceTracker<ReviewQueue, ReviewQueue> tracker = new ServiceTracker<>(context, ReviewQueue.class, null);
        tracker.open();
        try {
            ReviewQueue queue = tracker.waitForService(TimeUnit.SECONDS.toMillis(60));
            assertNotNull("no ReviewQueue service on PostgreSQL within 60 s", queue);
            String recording = "itest-pg-" + System.nanoTime();
            ModelIdentity model = new ModelIdentity("itest-model", "1.0.0", "1".repeat(64));
            List<Detection> detections = List.of(new Detection("sz", "seizure-detection", "seizure", 12, 30,
                    List.of("T7-P7"), 0.8, model, Map.of(), null));
            ReviewItem item = queue.ingest(recording, detections).get(0);
            assertEquals(List.of(item), queue.ingest(recording, detections));
            ReviewItem decided = queue.decide(item.id(), 0, ReviewDecision.confirm("alice", "on PostgreSQL"));
            assertEquals(ReviewState.CONFIRMED, queue.items(recording).get(0).state());
            assertEquals(decided, queue.items(recording).get(0));
            try {
                queue.decide(item.id(), 0, ReviewDecision.reject("bob", "stale"));
                fail("a stale decision must conflict on PostgreSQL too");
            } catch (io.ictal.api.review.ReviewConflictException expected) {
                assertEquals("alice", expected.current().reviewer());
            }
            Path h2 = Path.of(System.getProperty("karaf.data"), "ictal", "review.mv.db");
            assertFalse("configured for PostgreSQL, yet " + h2 + " exists", Files.exists(h2));
        } finally {
            tracker.close();
        }
    }
}
