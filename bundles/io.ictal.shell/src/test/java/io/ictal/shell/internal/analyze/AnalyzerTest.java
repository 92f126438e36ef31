package io.ictal.shell.internal.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ictal.shell.internal.Json;
import io.ictal.viewer.spi.AnalysisJob;
import io.ictal.viewer.spi.Marker;
import io.ictal.viewer.spi.MarkerProvider;
import io.ictal.viewer.spi.MarkerSink;
import io.ictal.viewer.spi.ModelRef;
import io.ictal.viewer.spi.OpenedRecording;
import io.ictal.viewer.spi.SynchronizedVideo;
import io.ictal.viewer.spi.TrendSegment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

    private static final ModelRef MODEL = new ModelRef("ictal-seizure-cnn", "1.2.0", "c".repeat(64));

    private static Marker marker(String id, double onset, double duration, double confidence) {
        return new Marker(id, onset, duration, List.of("F7-T7", "T7-P7"), "seizure", confidence, MODEL,
                Map.of(Marker.TASK, "seizure-detection"));
    }

    /** A provider that plays a script on its own thread, as the workflow does. */
    private static MarkerProvider scripted(BiConsumer<OpenedRecording, MarkerSink> script) {
        return (recording, sink) -> {
            Thread t = new Thread(() -> script.accept(recording, sink));
            t.start();
            return new AnalysisJob() {
                public OpenedRecording recording() {
                    return recording;
                }

                public void attach(MarkerSink s) {
                }

                public void detach(MarkerSink s) {
                }

                public void cancel() {
                }

                public boolean isDone() {
                    return !t.isAlive();
                }
            };
        };
    }

    @Test
    void theReportHoldsTheStandingEventsInOnsetOrderAndTheProbabilityTrace() throws Exception {
        MarkerProvider provider = scripted((recording, sink) -> {
            sink.progress(0.1, "seizure-detection: 0:10:00 of 1:40:00");
            sink.trendAppended(new TrendSegment("seizure-probability", "Seizure probability", "probability", 0, 2,
                    new double[] {0.1, 0.2}));
            sink.markersAdded(List.of(marker("b", 300, 40, 0.9), marker("gone", 10, 5, 0.6)));
            sink.trendAppended(new TrendSegment("seizure-probability", "Seizure probability", "probability", 6, 2,
                    new double[] {0.95, Double.NaN}));
            sink.markersAdded(List.of(marker("a", 120.5, 30, 0.8)));
            sink.markersRetracted(List.of("gone"));
            sink.completed("2 markers");
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        AnalyzeReport report = new Analyzer(provider, out, true, 0).analyze(Path.of("demo.edf"));

        assertEquals("completed", report.status());
        assertEquals(List.of("a", "b"), report.events().stream().map(AnalyzeReport.Event::id).toList());
        JsonObject json = JsonParser.parseString(Json.write(report)).getAsJsonObject();
        assertEquals("ictal.analyze/1", json.get("schema").getAsString());
        JsonObject first = json.getAsJsonArray("events").get(0).getAsJsonObject();
        assertEquals(120.5, first.get("onset").getAsDouble());
        assertEquals(30, first.get("duration").getAsDouble());
        assertEquals("seizure", first.get("label").getAsString());
        assertEquals(0.8, first.get("confidence").getAsDouble());
        assertEquals("F7-T7", first.getAsJsonArray("channels").get(0).getAsString());
        assertEquals("ictal-seizure-cnn", first.getAsJsonObject("model").get("id").getAsString());
        assertEquals("1.2.0", first.getAsJsonObject("model").get("version").getAsString());
        assertEquals("c".repeat(64), first.getAsJsonObject("model").get("sha256").getAsString());
        JsonObject probability = json.getAsJsonObject("probability");
        assertEquals(2, probability.get("step").getAsDouble());
        // Segments joined, the hole at 4 s and the NaN at 8 s are nulls.
        assertEquals("[0.1,0.2,null,0.95,null]", probability.getAsJsonArray("values").toString());
        assertTrue(json.get("file").getAsString().endsWith("demo.edf"));

        String text = bytes.toString(StandardCharsets.UTF_8);
        // Events are printed as they come (the retracted one too: it was found, then withdrawn).
        assertTrue(text.contains("event  0:05:00.0    40.0 s  seizure          0.90  F7-T7,T7-P7  (ictal-seizure-cnn 1.2.0)"),
                text);
        assertTrue(text.indexOf("0:05:00.0") < text.indexOf("0:02:00.5"), "printed in the order found");
    }

    @Test
    void aFailedJobIsReportedWithItsMessageAndNoTrace() throws Exception {
        MarkerProvider provider = scripted((recording, sink) -> sink.failed(recording.file() + ": not an EDF file"));

        AnalyzeReport report = new Analyzer(provider, new PrintStream(new ByteArrayOutputStream()), false, 0)
                .analyze(Path.of("x.edf"));

        assertEquals("failed", report.status());
        assertTrue(report.summary().endsWith("x.edf: not an EDF file"));
        assertNull(report.probability());
        assertEquals(List.of(), report.events());
    }

    @Test
    void theProgressBarFillsWithTheFractionAndFitsTheTerminal() {
        Analyzer analyzer = new Analyzer(scripted((r, s) -> { }), System.out, true, 60);
        String bar = analyzer.bar(0.6, "seizure-detection: " + "x".repeat(100));
        assertTrue(bar.startsWith("[#########------]  60 %  seizure-detection: "), bar);
        assertEquals(59, bar.length());
    }

    @Test
    void videosReachTheWorkflowAndEventClassifierMarkersAreNamedByTheirTask() throws Exception {
        List<OpenedRecording> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        MarkerProvider provider = scripted((recording, sink) -> {
            opened.add(recording);
            sink.markersAdded(List.of(marker("seizure-detection/seizure-0001", 300, 40, 0.9)));
            sink.markersAdded(List.of(new Marker("seizure-type/seizure-0001", 300, 40, List.of("F7-T7"), "GNSZ", 0.83,
                    new ModelRef("ictal-seizure-type", "1.0.0", "d".repeat(64)),
                    Map.of(Marker.TASK, "seizure-type", "event", "seizure-detection/seizure-0001", "score.GNSZ", "0.8300"))));
            sink.completed("2 markers");
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SynchronizedVideo video = new SynchronizedVideo(Path.of("bed.mp4"), -2);

        AnalyzeReport report = new Analyzer(provider, new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 0)
                .analyze(Path.of("demo.edf"), List.of(video));

        assertEquals(List.of(video), opened.get(0).videos());
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("seizure-type  0:05:00.0    40.0 s  GNSZ             0.83  F7-T7  (ictal-seizure-type 1.0.0)"),
                text);
        JsonObject type = JsonParser.parseString(Json.write(report)).getAsJsonObject().getAsJsonArray("events").get(1)
                .getAsJsonObject();
        assertEquals("seizure-type", type.get("task").getAsString());
        assertEquals("seizure-detection/seizure-0001", type.getAsJsonObject("attributes").get("event").getAsString());
    }
}
