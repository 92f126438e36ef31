package io.ictal.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.RecordingVideo;
import io.ictal.api.recording.ChannelType;
import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.viewer.spi.Marker;
import io.ictal.viewer.spi.OpenedRecording;
import io.ictal.viewer.spi.SynchronizedVideo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event classifiers (seizure type, video semiology) following the seizure detector's run. */
class EventClassifierWorkflowTest {

    @TempDir
    static Path dir;
    static Path withBursts;
    static Path eegAndEcg;

    private WorkflowMarkerProvider provider;

    @BeforeAll
    static void recordings() throws IOException {
        // 300 uV bursts in windows 2 and 7; window 4 is background.
        withBursts = TestRecordings.write(dir, "bursts.edf", 120, 10, false, new double[][] {{20, 30}, {70, 80}});
        eegAndEcg = TestRecordings.write(dir, "eeg-ecg.edf", 120, 10, true);
    }

    private WorkflowMarkerProvider provider() {
        provider = new WorkflowMarkerProvider(new Settings(true, 10, 1, 1 << 20), 2, new EdfRecordingReader());
        return provider;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (provider != null) {
            provider.deactivate();
        }
    }

    private static FakeClassifier detector(Set<Integer> detectAt) {
        return new FakeClassifier("seizure-detection", ChannelType.EEG, 10, detectAt, -1);
    }

    @Test
    void eachDetectedEventIsClassifiedShownTiedToItsEventAndQueued() throws Exception {
        WorkflowMarkerProvider p = provider();
        TestQueue queue = new TestQueue();
        p.setReviewQueue(queue);
        p.addClassifier(detector(Set.of(2, 4, 7)), FakeClassifier.properties("seizure-detection", 1));
        FakeEventClassifier types = new FakeEventClassifier("seizure-type", false);
        p.addEventClassifier(types, FakeEventClassifier.properties("seizure-type", 2));
        TestHost host = new TestHost();

        p.start(new OpenedRecording("rec", withBursts), host);

        String ending = host.awaitEnd();
        assertTrue(ending.startsWith("completed: 6 markers (seizure-detection 3, seizure-type 3); 6 queued for review"),
                ending);
        assertNull(host.violation);
        Marker burst = host.markers.get("seizure-type/seizure-detection-0007");
        assertEquals("A", burst.label());
        assertEquals(0.8, burst.confidence(), 1e-9);
        assertEquals(70, burst.onsetSeconds(), 1e-9);
        assertEquals("seizure-detection/seizure-detection-0007", burst.attributes().get(Mapping.EVENT));
        assertEquals("0.8000", burst.attributes().get("score.A"));
        assertEquals("0.2000", burst.attributes().get("score.B"));
        assertEquals("seizure-type", burst.attributes().get(Marker.TASK));
        assertEquals("fake-type-model", burst.source().id());
        assertEquals("B", host.markers.get("seizure-type/seizure-detection-0004").label());
        assertEquals("A", host.markers.get("seizure-type/seizure-detection-0002").label());
        // In onset order, one call per event, on the open recording.
        assertEquals(List.of(20.0, 40.0, 70.0), types.seen.stream().map(c -> c.event().onsetSeconds()).toList());
        assertEquals(List.of(0.8, 0.3, 0.8), host.trends.get("seizure-type-a"));
        assertEquals(1.0, host.progress.get(host.progress.size() - 1), 1e-9);
        assertEquals(List.of("A", "B", "A"), queue.items("rec").stream()
                .filter(i -> i.detection().task().equals("seizure-type")).map(i -> i.detection().label()).toList());
    }

    @Test
    void aVideoClassifierRunsOnlyWhenTheRecordingHasAVideoAndGetsItsOffset() throws Exception {
        WorkflowMarkerProvider p = provider();
        p.addClassifier(detector(Set.of(2)), FakeClassifier.properties("seizure-detection", 1));
        FakeEventClassifier semiology = new FakeEventClassifier("seizure-semiology", true);
        p.addEventClassifier(semiology, FakeEventClassifier.properties("seizure-semiology", 2));

        TestHost noVideo = new TestHost();
        p.start(new OpenedRecording("a", withBursts), noVideo);
        assertTrue(noVideo.awaitEnd().startsWith("completed: 1 marker (seizure-detection 1)"), noVideo.ending);
        assertTrue(semiology.seen.isEmpty());

        Path video = dir.resolve("bed.mp4");
        TestHost withVideo = new TestHost();
        Path unaligned = dir.resolve("bed-2.mp4");
        p.start(new OpenedRecording("b", withBursts,
                List.of(new SynchronizedVideo(video, -2.5), SynchronizedVideo.alignedByAnnotation(unaligned))), withVideo);
        String ending = withVideo.awaitEnd();
        assertTrue(ending.startsWith("completed: 2 markers (seizure-detection 1, seizure-semiology 1)"), ending);
        assertEquals(List.of(new RecordingVideo(video, -2.5), new RecordingVideo(unaligned, OptionalDouble.empty())),
                semiology.seen.get(0).videos());
    }

    @Test
    void aFailingEventClassifierLeavesTheEventsStandingAndSaysWhy() throws Exception {
        WorkflowMarkerProvider p = provider();
        p.addClassifier(detector(Set.of(2, 7)), FakeClassifier.properties("seizure-detection", 1));
        FakeEventClassifier types = new FakeEventClassifier("seizure-type", false);
        types.failWith = "no model for task seizure-type is installed";
        p.addEventClassifier(types, FakeEventClassifier.properties("seizure-type", 2));
        TestHost host = new TestHost();

        p.start(new OpenedRecording("r", withBursts), host);

        String ending = host.awaitEnd();
        assertTrue(ending.startsWith("completed: 2 markers (seizure-detection 2, seizure-type 0)"), ending);
        assertTrue(ending.contains("seizure-type: 2 of 2 events not classified (seizure-detection-0002: no model for task "
                + "seizure-type is installed)"), ending);
        assertEquals(Set.of("seizure-detection/seizure-detection-0002", "seizure-detection/seizure-detection-0007"),
                host.markers.keySet());
    }

    @Test
    void withoutAClassifierOfItsEventsAnEventClassifierDoesNotRunAndTheSummarySaysSo() throws Exception {
        WorkflowMarkerProvider p = provider();
        p.addClassifier(new FakeClassifier("ecg-arrhythmia", ChannelType.ECG, 10, Set.of(1), -1),
                FakeClassifier.properties("ecg-arrhythmia", 1));
        FakeEventClassifier types = new FakeEventClassifier("seizure-type", false);
        p.addEventClassifier(types, FakeEventClassifier.properties("seizure-type", 2));
        TestHost host = new TestHost();

        p.start(new OpenedRecording("r", eegAndEcg), host);

        String ending = host.awaitEnd();
        assertTrue(ending.startsWith("completed: 1 marker (ecg-arrhythmia 1)"), ending);
        assertTrue(ending.contains("seizure-type: not run, nothing finds its events (seizure-detection)"), ending);
        assertTrue(types.seen.isEmpty());
        assertFalse(host.markers.keySet().stream().anyMatch(id -> id.startsWith("seizure-type/")));
    }

    @Test
    void anEventThatCannotBeClassifiedIsCountedAndTheNextOneTried() throws Exception {
        WorkflowMarkerProvider p = provider();
        p.addClassifier(detector(Set.of(2, 4, 7)), FakeClassifier.properties("seizure-detection", 1));
        FakeEventClassifier semiology = new FakeEventClassifier("seizure-semiology", false);
        semiology.failWith = "bed.mp4: frame 812 is damaged";
        semiology.failAt = 40;
        p.addEventClassifier(semiology, FakeEventClassifier.properties("seizure-semiology", 2));
        TestHost host = new TestHost();

        p.start(new OpenedRecording("r", withBursts), host);

        String ending = host.awaitEnd();
        assertTrue(ending.startsWith("completed: 5 markers (seizure-detection 3, seizure-semiology 2)"), ending);
        assertTrue(ending.contains("seizure-semiology: 1 of 3 events not classified (seizure-detection-0004: bed.mp4: "
                + "frame 812 is damaged)"), ending);
        assertTrue(host.markers.containsKey("seizure-semiology/seizure-detection-0007"));
    }
}
