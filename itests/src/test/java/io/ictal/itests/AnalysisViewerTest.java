package io.ictal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ictal.api.detection.Classification;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.detection.RecordingClassifier;
import io.ictal.api.detection.Trend;
import io.ictal.api.recording.PatientInfo;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.RecordingInfo;
import io.ictal.api.recording.RecordingSpec;
import io.ictal.api.recording.RecordingWriter;
import io.ictal.api.recording.RecordingWriterService;
import io.ictal.api.recording.SignalSpec;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewQueue;
import io.ictal.api.review.ReviewState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
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
import org.osgi.framework.ServiceRegistration;

/**
 * The booted assembly's one analysis path, end to end: a classifier service (registered here), a
 * recording written with the assembly's writer, {@code ictal:analyze --json}, then the reference viewer
 * over HTTP (on a free localhost port) opening the same file, streaming the markers and the CSA, listing
 * the review items and taking a reviewer's confirmation into the queue; {@code ictal:status} names the
 * viewer's URL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AnalysisViewerTest extends IctalKarafTestSupport {

    private static final String PORT_PROPERTY = "ictal.itest.http.port";

    @Inject
    private RecordingWriterService writer;

    @Inject
    private ReviewQueue queue;

    @Configuration
    public Option[] configuration() {
        String port = IctalKaraf.freePort();
        return IctalKaraf.options(
                // Only the HTTP port: ictal:status finds the viewer there (the viewer's URL is not configured).
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", port),
                systemProperty(PORT_PROPERTY).value(port));
    }

    /**
     * A small classifier: a 10-s window whose first EEG channel swings more than 400 uV peak to peak is a
     * seizure window (one detection per window); the probability trace is the swing over 800 uV, capped.
     */
    private static final class SwingClassifier implements RecordingClassifier {
        static final ModelIdentity MODEL = new ModelIdentity("itest-swing", "1.0.0", "e".repeat(64));

        @Override
        public String task() {
            return "seizure-detection";
        }

        @Override
        public boolean appliesTo(RecordingHeader header) {
            return !header.dataSignals().isEmpty();
        }

        @Override
        public Classification classify(Recording recording, ClassificationListener listener) throws IOException {
            int windows = (int) (recording.header().durationSeconds() / 10);
            String channel = recording.header().dataSignals().get(0).label();
            List<Detection> found = new ArrayList<>();
            for (int w = 0; w < windows && !listener.isCancelled(); w++) {
                float[] x = recording.read(recording.header().dataSignals().get(0).index(), w * 10.0, 10);
                float min = Float.MAX_VALUE;
                float max = -Float.MAX_VALUE;
                for (float v : x) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                double p = Math.min(1, (max - min) / 800.0);
                listener.trend(new Trend("seizure-probability", "Seizure probability", "probability", w * 10.0, 10,
                        new double[] {p}));
                if (max - min > 400) {
                    Detection d = new Detection("w" + w, task(), "seizure", w * 10.0, 10, List.of(channel), p, MODEL,
                            Map.of(), null);
                    found.add(d);
                    listener.detected(List.of(d));
                }
                listener.progress((w + 1.0) / windows, "window " + (w + 1));
            }
            return new Classification(task(), MODEL, found, !listener.isCancelled());
        }
    }

    /** 300 s of a 20 uV 10 Hz rhythm on two channels, with 200 uV 3 Hz from 120 s to 150 s. */
    private Path recording() throws IOException {
        Path file = Path.of(System.getProperty("karaf.base"), "recordings", "itest-burst.edf");
        Files.createDirectories(file.getParent());
        RecordingSpec spec = new RecordingSpec(RecordingFormat.EDF_PLUS_C, new PatientInfo("", "", "", "", ""),
                new RecordingInfo("", "", "", "", ""), LocalDateTime.of(2026, 3, 1, 9, 0), 1,
                List.of(SignalSpec.edf("EEG Fp1-REF", "uV", -1000, 1000, 256),
                        SignalSpec.edf("EEG F7-REF", "uV", -1000, 1000, 256)), RecordingSpec.DEFAULT_ANNOTATION_BYTES);
        try (RecordingWriter out = writer.create(file, spec)) {
            for (int s = 0; s < 300; s++) {
                float[][] chunk = new float[2][256];
                for (int i = 0; i < 256; i++) {
                    double t = s + i / 256.0;
                    double burst = t >= 120 && t < 150 ? 200 * Math.sin(2 * Math.PI * 3 * t) : 0;
                    chunk[0][i] = (float) (20 * Math.sin(2 * Math.PI * 10 * t) + burst);
                    chunk[1][i] = (float) (15 * Math.sin(2 * Math.PI * 10 * t) + burst / 2);
                }
                out.append(chunk);
            }
        }
        return file;
    }

    private static JsonElement http(String method, String url) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        request = method.equals("POST") ? request.POST(HttpRequest.BodyPublishers.noBody())
                .header("X-Requested-With", "ictal-viewer") : request.GET();
        return send(request.build());
    }

    private static JsonElement send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(request.uri() + ": " + response.body(), 200, response.statusCode());
        return JsonParser.parseString(response.body());
    }

    @Test
    public void analyzeThenViewAndConfirmThroughTheBootedAssembly() throws Exception {
        // Ranked above the assembly's own detector: the workflow runs one classifier per task, the highest ranked.
        ServiceRegistration<RecordingClassifier> registration = context.registerService(RecordingClassifier.class,
                new SwingClassifier(), new java.util.Hashtable<>(Map.of(RecordingClassifier.TASK, "seizure-detection",
                        org.osgi.framework.Constants.SERVICE_RANKING, 100)));
        try {
            Path file = recording();

            JsonObject report = JsonParser.parseString(IctalKaraf.execute(sessionFactory,
                    "ictal:analyze --json " + file)).getAsJsonObject();
            assertEquals(report.toString(), "completed", report.get("status").getAsString());
            // The three swing windows, and (the booted seizure-type classifier follows seizure detection) the
            // type of each, tied to it.
            List<JsonObject> events = new ArrayList<>();
            List<JsonObject> types = new ArrayList<>();
            report.getAsJsonArray("events").forEach(e -> (e.getAsJsonObject().get("task").getAsString()
                    .equals("seizure-type") ? types : events).add(e.getAsJsonObject()));
            assertEquals(report.toString(), 3, events.size());
            List<Double> onsets = new ArrayList<>();
            events.forEach(e -> onsets.add(e.get("onset").getAsDouble()));
            assertEquals(List.of(120.0, 130.0, 140.0), onsets);
            assertEquals("itest-swing", events.get(0).getAsJsonObject("model").get("id").getAsString());
            assertEquals(report.toString(), 3, types.size());
            for (int i = 0; i < 3; i++) {
                assertEquals(events.get(i).get("id").getAsString(),
                        types.get(i).getAsJsonObject("attributes").get("event").getAsString());
            }
            assertEquals(30, report.getAsJsonObject("probability").getAsJsonArray("values").size());
            assertEquals(6, queue.items(file.toString()).size());

            String base = "http://127.0.0.1:" + System.getProperty(PORT_PROPERTY) + "/ictal/";
            JsonObject status = JsonParser.parseString(IctalKaraf.execute(sessionFactory, "ictal:status --json"))
                    .getAsJsonObject();
            assertEquals(base, status.get("viewerUrl").getAsString());
            assertTrue(http("GET", base + "api/recordings").toString().contains("itest-burst.edf"));

            http("POST", base + "api/open?name=itest-burst.edf");
            JsonObject state = null;
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                state = http("GET", base + "api/state?name=itest-burst.edf&trends=1").getAsJsonArray().get(0)
                        .getAsJsonObject();
                if (!state.get("status").getAsString().equals("running")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertNotNull(state);
            assertEquals(state.toString(), "completed", state.get("status").getAsString());
            assertEquals(6, state.getAsJsonArray("markers").size());
            assertTrue(state.toString(), state.getAsJsonArray("trends").toString().contains("csa/alpha"));

            // The viewer's job ingested the same detections again: the queue kept one item each.
            JsonArray review = http("GET", base + "api/review?name=itest-burst.edf").getAsJsonArray();
            assertEquals(6, review.size());
            // Each seizure, then its type right under it.
            for (int i = 0; i < 6; i += 2) {
                JsonObject seizure = review.get(i).getAsJsonObject();
                JsonObject type = review.get(i + 1).getAsJsonObject();
                assertEquals(review.toString(), "seizure-detection", seizure.get("task").getAsString());
                assertFalse(review.toString(), seizure.get("follows").getAsBoolean());
                assertEquals(review.toString(), "seizure-type", type.get("task").getAsString());
                assertTrue(review.toString(), type.get("follows").getAsBoolean());
                assertEquals(seizure.get("onset").getAsDouble(), type.get("onset").getAsDouble(), 1e-9);
            }
            JsonObject first = review.get(0).getAsJsonObject();
            JsonObject decision = new JsonObject();
            decision.addProperty("id", first.get("id").getAsLong());
            decision.addProperty("revision", first.get("revision").getAsLong());
            decision.addProperty("action", "confirm");
            decision.addProperty("reviewer", "itest reviewer");
            decision.addProperty("comment", "");
            send(HttpRequest.newBuilder(URI.create(base + "api/decide"))
                    .header("Content-Type", "application/json").header("X-Requested-With", "ictal-viewer")
                    .POST(HttpRequest.BodyPublishers.ofString(decision.toString())).build());
            ReviewItem decided = queue.item(first.get("id").getAsLong()).orElseThrow();
            assertEquals(ReviewState.CONFIRMED, decided.state());
            assertEquals("itest reviewer", decided.reviewer());
        } finally {
            registration.unregister();
        }
    }
}
