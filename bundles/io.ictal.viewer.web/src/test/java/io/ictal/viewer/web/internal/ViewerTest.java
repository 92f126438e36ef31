package io.ictal.viewer.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.workflow.internal.TestRecordings;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The viewer's logic without HTTP or a browser. */
class ViewerTest {

    @TempDir
    Path dir;

    private Viewer viewer(long maxUpload) throws Exception {
        Files.createDirectories(dir.resolve("recordings"));
        return new Viewer(new ViewerSettings(dir.resolve("recordings"), dir.resolve("uploads"), maxUpload, 2),
                new EdfRecordingReader(), List::of, () -> null);
    }

    @Test
    void namesCannotLeaveTheConfiguredFolders() throws Exception {
        Files.writeString(dir.resolve("secret.edf"), "x");
        Viewer viewer = viewer(1000);
        for (String name : List.of("../secret.edf", "/etc/passwd", "a/b.edf", "notes.txt", "")) {
            ViewerException e = assertThrows(ViewerException.class, () -> viewer.resolve(name));
            assertEquals(400, e.status, name);
        }
        assertEquals(404, assertThrows(ViewerException.class, () -> viewer.resolve("absent.edf")).status);
    }

    @Test
    void uploadsBeyondTheLimitAreRefusedAndLeaveNothingBehind() throws Exception {
        Viewer viewer = viewer(10);
        ViewerException e = assertThrows(ViewerException.class,
                () -> viewer.upload("big.edf", new ByteArrayInputStream(new byte[11])));
        assertEquals(413, e.status);
        try (var left = Files.list(dir.resolve("uploads"))) {
            assertEquals(0, left.count());
        }
        assertEquals(5, viewer.upload("small.edf", new ByteArrayInputStream(new byte[5])).bytes());
        assertEquals(List.of("small.edf"), viewer.recordings().stream().map(Viewer.RecordingFile::name).toList());
    }

    @Test
    void openingMoreThanMaxOpenClosesTheLeastRecentlyUsedAndCancelsItsAnalysis() throws Exception {
        Files.createDirectories(dir.resolve("recordings"));
        List<String> cancelled = new java.util.ArrayList<>();
        io.ictal.viewer.spi.MarkerProvider provider = (recording, sink) -> new io.ictal.viewer.spi.AnalysisJob() {
            public io.ictal.viewer.spi.OpenedRecording recording() {
                return recording;
            }

            public void attach(io.ictal.viewer.spi.MarkerSink s) {
            }

            public void detach(io.ictal.viewer.spi.MarkerSink s) {
            }

            public void cancel() {
                cancelled.add(recording.file().getFileName().toString());
            }

            public boolean isDone() {
                return false;
            }
        };
        Viewer viewer = new Viewer(new ViewerSettings(dir.resolve("recordings"), dir.resolve("uploads"), 1000, 2),
                new EdfRecordingReader(), () -> List.of(new Viewer.Provider(provider, "p")), () -> null);
        for (String name : List.of("a.edf", "b.edf", "c.edf")) {
            TestRecordings.write(dir.resolve("recordings"), name, 5, 10, false);
        }

        viewer.open("a.edf");
        viewer.open("b.edf");
        viewer.open("a.edf"); // a is now the most recently used
        viewer.open("c.edf");

        assertEquals(List.of("b.edf"), cancelled);
        assertEquals(404, assertThrows(ViewerException.class, () -> viewer.state("b.edf", false)).status);
        assertEquals(1, viewer.state("a.edf", false).size());
        viewer.close();
        assertEquals(List.of("b.edf", "c.edf", "a.edf"), cancelled, "closed least recently used first");
    }

    @Test
    void tracesAreReducedToMinMaxPairsSoSpikesSurvive() {
        float[] values = {0, 0, 9, 0, 0, -3, 0, 0};
        assertArrayEquals(new float[] {0, 9, -3, 0}, Viewer.minMax(values, 2));
        float[] gap = {Float.NaN, Float.NaN, 1, 2};
        float[] reduced = Viewer.minMax(gap, 2);
        assertTrue(Float.isNaN(reduced[0]) && Float.isNaN(reduced[1]));
        assertEquals(1, reduced[2]);
    }

    @Test
    void anEventClassifiersItemsAreListedRightUnderTheirEvent() throws Exception {
        io.ictal.workflow.internal.TestQueue queue = new io.ictal.workflow.internal.TestQueue();
        Files.createDirectories(dir.resolve("recordings"));
        Viewer viewer = new Viewer(new ViewerSettings(dir.resolve("recordings"), dir.resolve("uploads"), 1000, 2),
                new EdfRecordingReader(), List::of, () -> queue);
        TestRecordings.write(dir.resolve("recordings"), "r.edf", 20, 10, false);
        String recordingId = viewer.open("r.edf").recordingId();
        queue.ingest(recordingId, List.of(detection("seizure-0001", "seizure-detection", "seizure", 2),
                detection("seizure-0002", "seizure-detection", "seizure", 12)));
        // The classifiers run after the detector: the second seizure's type, then the first's semiology,
        // whose video range starts before the seizure.
        queue.ingest(recordingId, List.of(detection("seizure-0002", "seizure-type", "CPSZ", 12),
                detection("seizure-0001", "seizure-semiology", "FOS", 1)));

        List<String> rows = viewer.review("r.edf").stream()
                .map(r -> r.task() + " " + r.label() + (r.follows() ? " follows" : "")).toList();
        assertEquals(List.of("seizure-detection seizure", "seizure-semiology FOS follows", "seizure-detection seizure",
                "seizure-type CPSZ follows"), rows);
        viewer.close();
    }

    private static io.ictal.api.detection.Detection detection(String id, String task, String label, double onset) {
        return new io.ictal.api.detection.Detection(id, task, label, onset, 5, List.of("C3-P3"), 0.9,
                AmplitudeClassifier.MODEL, java.util.Map.of(label, 0.9), null);
    }

    @Test
    void anOpenRecordingShowsItsTracesInTheChosenMontage() throws Exception {
        Viewer viewer = viewer(1000);
        TestRecordings.write(dir.resolve("recordings"), "r.edf", 20, 10, false);

        Viewer.Opened opened = viewer.open("r.edf");
        Viewer.Traces recorded = viewer.traces("r.edf", 2, 4, "recorded", 100);
        Viewer.Traces average = viewer.traces("r.edf", 2, 4, "average", 100);

        assertEquals(20, opened.durationSeconds(), 1e-9);
        assertEquals(TestRecordings.EEG, recorded.labels());
        assertEquals(200, recorded.values().get(0).length);
        assertEquals("FP1-F7-AVG", average.labels().get(0));
        // The same sine on every channel: against their average almost nothing is left.
        float peak = 0;
        for (float v : average.values().get(0)) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertTrue(peak < 30, "peak " + peak);
        // The test recording is already bipolar: no referential electrodes for a double banana.
        assertEquals(422, assertThrows(ViewerException.class, () -> viewer.traces("r.edf", 0, 4, "bipolar", 100)).status);
        assertEquals(400, assertThrows(ViewerException.class, () -> viewer.traces("r.edf", 0, 4, "sideways", 100)).status);
        assertEquals(503, assertThrows(ViewerException.class, () -> viewer.review("r.edf")).status);
        viewer.close();
    }

    @Test
    void aVideoNamedAfterTheRecordingGoesWithItAlignedByTheRecordingsAnnotation() throws Exception {
        Path recordings = Files.createDirectories(dir.resolve("recordings"));
        Path edf = TestRecordings.write(recordings, "night.edf", 5, 10, false);
        TestRecordings.write(recordings, "day.edf", 5, 10, false);
        Path video = Files.createFile(recordings.resolve("night.mp4"));

        List<io.ictal.viewer.spi.SynchronizedVideo> videos = Viewer.videoOf(edf);

        assertEquals(1, videos.size());
        assertEquals(video, videos.get(0).file());
        assertTrue(!videos.get(0).offsetKnown());
        assertEquals(List.of(), Viewer.videoOf(recordings.resolve("day.edf")));
    }
}
