package io.ictal.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.recording.ChannelType;
import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.viewer.spi.AnalysisJob;
import io.ictal.viewer.spi.Marker;
import io.ictal.viewer.spi.OpenedRecording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowMarkerProviderTest {

    @TempDir
    static Path dir;
    static Path eegOnly;
    static Path eegAndEcg;

    private WorkflowMarkerProvider provider;

    @BeforeAll
    static void recordings() throws IOException {
        eegOnly = TestRecordings.write(dir, "eeg.edf", 120, 10, false);
        eegAndEcg = TestRecordings.write(dir, "eeg-ecg.edf", 120, 10, true);
    }

    private WorkflowMarkerProvider provider(double swapGraceSeconds) {
        provider = new WorkflowMarkerProvider(new Settings(true, 10, swapGraceSeconds, 1 << 20), 2,
                new EdfRecordingReader());
        return provider;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (provider != null) {
            provider.deactivate();
        }
    }

    private static FakeClassifier detector(Set<Integer> detectAt, int holdBefore) {
        return new FakeClassifier("seizure-detection", ChannelType.EEG, 10, detectAt, holdBefore);
    }

    @Test
    void startReturnsAtOnceAndMarkersStreamBeforeTheRunEnds() throws Exception {
        WorkflowMarkerProvider p = provider(1);
        FakeClassifier detector = detector(Set.of(1, 9), 5);
        p.addClassifier(detector, FakeClassifier.properties("seizure-detection", 1));
        TestHost host = new TestHost();

        AnalysisJob job = p.start(new OpenedRecording("rec-1", eegOnly), host);

        // The classifier is held at window 5: the job is running, yet window 1's marker is shown.
        assertTrue(detector.holding.await(30, java.util.concurrent.TimeUnit.SECONDS));
        host.await(h -> h.markers.containsKey("seizure-detection/seizure-detection-0001"), "the first marker");
        assertFalse(job.isDone());
        assertEquals(5, detector.windowsDone);

        detector.release.countDown();
        String ending = host.awaitEnd();
        assertTrue(ending.startsWith("completed: 2 markers (seizure-detection 2)"), ending);
        assertTrue(job.isDone());
        assertNull(host.violation);
        Marker m = host.markers.get("seizure-detection/seizure-detection-0009");
        assertEquals(90, m.onsetSeconds(), 1e-9);
        assertEquals(10, m.durationSeconds(), 1e-9);
        assertEquals(List.of("FP1-F7"), m.channels());
        assertEquals("fake-model", m.source().id());
        assertEquals("ab".repeat(32), m.source().sha256());
        assertEquals("seizure-detection", m.attributes().get(Marker.TASK));
        assertEquals("0.9000", m.attributes().get("score.event"));
        assertEquals(2, host.explanations.size());
        assertEquals(12, host.trends.get("seizure-detection-probability").size());
        assertEquals(1.0, host.progress.get(host.progress.size() - 1), 1e-9);
    }

    @Test
    void detectionsAreQueuedForReviewWithTheHostsRecordingId() throws Exception {
        WorkflowMarkerProvider p = provider(1);
        TestQueue queue = new TestQueue();
        p.setReviewQueue(queue);
        p.addClassifier(detector(Set.of(2, 3, 7), -1), FakeClassifier.properties("seizure-detection", 1));
        TestHost host = new TestHost();

        p.start(new OpenedRecording("host-id-42", eegOnly), host);

        String ending = host.awaitEnd();
        assertTrue(ending.contains("3 queued for review"), ending);
        assertEquals(3, queue.items("host-id-42").size());
        assertEquals(eegOnly.toAbsolutePath().toString(), queue.recording("host-id-42").file());
        assertEquals(120, queue.recording("host-id-42").durationSeconds(), 1e-9);
        assertEquals(List.of(20.0, 30.0, 70.0),
                queue.items("host-id-42").stream().map(i -> i.detection().onsetSeconds()).toList());
    }

    @Test
    void withoutAReviewQueueTheSummarySaysDetectionsAreNotQueued() throws Exception {
        WorkflowMarkerProvider p = provider(1);
        p.addClassifier(detector(Set.of(2), -1), FakeClassifier.properties("seizure-detection", 1));
        TestHost host = new TestHost();

        p.start(new OpenedRecording("r", eegOnly), host);

        String ending = host.awaitEnd();
        assertTrue(ending.contains("1 seizure-detection detections NOT queued for review: no review queue is installed"),
                ending);
        assertTrue(ending.contains("0 queued for review"), ending);
    }

    @Test
    void cancelReturnsWhenNoFurtherCallWillBeMadeAndStopsTheClassifier() throws Exception {
        WorkflowMarkerProvider p = provider(1);
        FakeClassifier detector = detector(Set.of(1), 4);
        p.addClassifier(detector, FakeClassifier.properties("seizure-detection", 1));
        TestHost host = new TestHost();
        AnalysisJob job = p.start(new OpenedRecording("r", eegOnly), host);
        assertTrue(detector.holding.await(30, java.util.concurrent.TimeUnit.SECONDS));

        job.cancel();

        assertEquals("cancelled", host.ending);
        assertTrue(job.isDone());
        int calls = host.callCount();
        detector.release.countDown();
        // The classifier sees the cancellation at its next window and stops; nothing reaches the host.
        long deadline = System.currentTimeMillis() + 10_000;
        while (!detector.sawCancel && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(detector.sawCancel);
        assertEquals(4, detector.windowsDone);
        assertEquals(calls, host.callCount());
        assertNull(host.violation);
        job.cancel(); // idempotent
        assertEquals(calls, host.callCount());
    }

    @Test
    void aSinkMayCancelFromInsideItsOwnCall() throws Exception {
        WorkflowMarkerProvider p = provider(1);
        FakeClassifier detector = detector(Set.of(1, 2, 3, 4, 5), -1);
        p.addClassifier(detector, FakeClassifier.properties("seizure-detection", 1));
        CompletableFuture<AnalysisJob> job = new CompletableFuture<>();
        TestHost host = new TestHost() {
            @Override
            public void markersAdded(List<Marker> added) {
                super.markersAdded(added);
                // The first marker can come before start() has returned (a loaded machine): wait for the job.
                job.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join().cancel();
            }
        };
        job.complete(p.start(new OpenedRecording("r", eegOnly), host));

        assertEquals("cancelled", host.awaitEnd());
        assertEquals(1, host.markers.size());
    }

    @Test
    void aLateHostGetsAReplayOfTheStandingStateThenLiveResults() throws Exception {
        WorkflowMarkerProvider p = provider(1);
        FakeClassifier detector = detector(Set.of(1, 3, 8), 6);
        p.addClassifier(detector, FakeClassifier.properties("seizure-detection", 1));
        TestHost first = new TestHost();
        AnalysisJob job = p.start(new OpenedRecording("r", eegOnly), first);
        assertTrue(detector.holding.await(30, java.util.concurrent.TimeUnit.SECONDS));
        first.await(h -> h.markers.size() == 2, "two markers");

        TestHost late = new TestHost();
        job.attach(late);

        // The replay: both markers in one batch, their explanations, the trend so far as one segment, progress.
        assertEquals(List.of("markersAdded", "explanationAdded", "explanationAdded", "trendAppended", "progress"),
                late.calls);
        assertEquals(first.markers, late.markers);
        assertEquals(first.trends, late.trends);
        assertEquals(6, late.trends.get("seizure-detection-probability").size());

        detector.release.countDown();
        late.awaitEnd();
        first.awaitEnd();
        assertEquals(first.markers, late.markers);
        assertEquals(first.trends, late.trends);
        assertEquals(first.ending, late.ending);

        TestHost afterwards = new TestHost();
        job.attach(afterwards);
        assertEquals(first.markers, afterwards.markers);
        assertEquals(first.ending, afterwards.ending);
        assertNull(late.violation);
        assertNull(afterwards.violation);
    }

    @Test
    void aDetachedSinkHearsNothingMoreAndTheJobGoesOn() throws Exception {
        WorkflowMarkerProvider p = provider(1);
        FakeClassifier detector = detector(Set.of(1, 8), 5);
        p.addClassifier(detector, FakeClassifier.properties("seizure-detection", 1));
        TestHost leaving = new TestHost();
        TestHost staying = new TestHost();
        AnalysisJob job = p.start(new OpenedRecording("r", eegOnly), leaving);
        job.attach(staying);
        assertTrue(detector.holding.await(30, java.util.concurrent.TimeUnit.SECONDS));

        job.detach(leaving);
        int calls = leaving.callCount();
        detector.release.countDown();

        assertTrue(staying.awaitEnd().startsWith("completed: 2 markers"));
        assertEquals(calls, leaving.callCount());
        assertNull(leaving.ending);
    }

    @Test
    void aSinkThatThrowsIsDetachedWhileTheOthersGoOn() throws Exception {
        WorkflowMarkerProvider p = provider(1);
        p.addClassifier(detector(Set.of(1, 8), -1), FakeClassifier.properties("seizure-detection", 1));
        TestHost broken = new TestHost() {
            @Override
            public void markersAdded(List<Marker> added) {
                throw new IllegalStateException("host bug");
            }
        };
        TestHost healthy = new TestHost();
        AnalysisJob job = p.start(new OpenedRecording("r", eegOnly), broken);
        job.attach(healthy);

        assertTrue(healthy.awaitEnd().startsWith("completed: 2 markers"));
        assertNull(broken.ending);
    }

    @Test
    void whenTheClassifierIsReplacedMidRunItsMarkersAreWithdrawnAndTheReplacementRunsAgain() throws Exception {
        WorkflowMarkerProvider p = provider(10);
        FakeClassifier old = detector(Set.of(1, 2), 5);
        p.addClassifier(old, FakeClassifier.properties("seizure-detection", 1));
        TestQueue queue = new TestQueue();
        p.setReviewQueue(queue);
        TestHost host = new TestHost();
        p.start(new OpenedRecording("r", eegOnly), host);
        assertTrue(old.holding.await(30, java.util.concurrent.TimeUnit.SECONDS));
        host.await(h -> h.markers.size() == 2, "the old classifier's markers");

        // The classifier's bundle is updated: the old service goes, a new one (new model) comes.
        p.removeClassifier(old);
        FakeClassifier replacement = detector(Set.of(7), -1);
        replacement.model = new io.ictal.api.detection.ModelIdentity("fake-model", "2.0.0", "cd".repeat(32));
        p.addClassifier(replacement, FakeClassifier.properties("seizure-detection", 2));
        old.release.countDown();

        String ending = host.awaitEnd();
        assertTrue(ending.startsWith("completed: 1 marker (seizure-detection 1)"), ending);
        assertTrue(old.sawCancel);
        assertEquals(List.of("seizure-detection/seizure-detection-0007"), host.markerIds());
        assertEquals("2.0.0", host.markers.values().iterator().next().source().version());
        assertEquals(1, queue.items(io.ictal.api.review.ReviewFilter.all()).size(), "only the replacement's detections are queued");
        assertTrue(host.calls.contains("markersRetracted"));
    }

    @Test
    void aClassifierRunsOnlyOnRecordingsThatHaveItsInput() throws Exception {
        WorkflowMarkerProvider p = provider(1);
        p.addClassifier(detector(Set.of(1), -1), FakeClassifier.properties("seizure-detection", 1));
        p.addClassifier(new FakeClassifier("ecg-arrhythmia", ChannelType.ECG, 5, Set.of(3), -1),
                FakeClassifier.properties("ecg-arrhythmia", 2));

        TestHost eeg = new TestHost();
        p.start(new OpenedRecording("a", eegOnly), eeg);
        TestHost both = new TestHost();
        p.start(new OpenedRecording("b", eegAndEcg), both);

        assertTrue(eeg.awaitEnd().startsWith("completed: 1 marker (seizure-detection 1)"), eeg.ending);
        assertTrue(both.awaitEnd().startsWith("completed: 2 markers (ecg-arrhythmia 1, seizure-detection 1)"),
                both.ending);
        assertEquals(List.of("ECG"), both.markers.get("ecg-arrhythmia/ecg-arrhythmia-0003").channels());
    }

    @Test
    void whenNoInstalledClassifierAppliesTheSummarySaysWhichAreInstalled() throws Exception {
        WorkflowMarkerProvider p = provider(1);
        p.addClassifier(new FakeClassifier("ecg-arrhythmia", ChannelType.ECG, 5, Set.of(3), -1),
                FakeClassifier.properties("ecg-arrhythmia", 1));
        TestHost host = new TestHost();

        p.start(new OpenedRecording("r", eegOnly), host);

        String ending = host.awaitEnd();
        assertTrue(ending.contains("no installed classifier applies to this recording (installed: ecg-arrhythmia)"),
                ending);
    }

    @Test
    void ofTwoClassifiersForOneTaskOnlyTheHigherRankedRuns() throws Exception {
        WorkflowMarkerProvider p = provider(1);
        p.addClassifier(detector(Set.of(1), -1), FakeClassifier.properties("seizure-detection", 1));
        p.addClassifier(detector(Set.of(4), -1),
                java.util.Map.of("task", "seizure-detection", "service.id", 2L, "service.ranking", 10));
        TestHost host = new TestHost();

        p.start(new OpenedRecording("r", eegOnly), host);

        host.awaitEnd();
        assertEquals(List.of("seizure-detection/seizure-detection-0004"), host.markerIds());
    }

    @Test
    void anUnreadableFileFailsTheJobNamingTheFile() throws Exception {
        WorkflowMarkerProvider p = provider(1);
        Path bad = Files.writeString(dir.resolve("not-edf.edf"), "this is not an EDF header");
        TestHost host = new TestHost();

        p.start(new OpenedRecording("r", bad), host);

        String ending = host.awaitEnd();
        assertTrue(ending.startsWith("failed: ") && ending.contains("not-edf.edf"), ending);
        assertEquals(0, p.liveJobs());
    }

    @Test
    void aTruncatedRecordingIsAnalysedAsFarAsItGoesAndTheEndingSaysADeviationWasOverlooked() throws Exception {
        WorkflowMarkerProvider p = provider(1);
        p.addClassifier(detector(Set.of(1), -1), FakeClassifier.properties("seizure-detection", 1));
        byte[] whole = Files.readAllBytes(eegOnly);
        Path truncated = Files.write(dir.resolve("truncated.edf"), java.util.Arrays.copyOf(whole, whole.length - 1000));
        TestHost host = new TestHost();

        p.start(new OpenedRecording("r", truncated), host);

        String ending = host.awaitEnd();
        assertTrue(ending.startsWith("completed: ") && ending.contains("; 1 format deviation overlooked (see ictal:info"),
                ending);
        assertEquals(List.of("seizure-detection/seizure-detection-0001"), host.markerIds());
    }

    @Test
    void withNothingInstalledTheJobSaysSo() throws Exception {
        WorkflowMarkerProvider p = provider(1);
        TestHost host = new TestHost();

        p.start(new OpenedRecording("r", eegOnly), host);

        String ending = host.awaitEnd();
        assertTrue(ending.startsWith("completed: nothing to run: no CSA: the spectrogram service is not running"),
                ending);
        assertTrue(ending.contains("no classifier is installed"), ending);
    }
}
