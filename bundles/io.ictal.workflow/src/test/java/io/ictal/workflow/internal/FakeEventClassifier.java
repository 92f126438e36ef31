package io.ictal.workflow.internal;

import io.ictal.api.detection.ClassificationException;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.EventClassifier;
import io.ictal.api.detection.EventContext;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.detection.RecordingVideo;
import io.ictal.api.detection.Trend;
import io.ictal.api.recording.RecordingHeader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An event classifier for tests: labels each event {@code A} or {@code B} from the mean absolute EEG
 * amplitude over the event (read from the recording, so a closed recording would fail), reports a
 * one-value trend per event, and records the contexts it was given.
 */
final class FakeEventClassifier implements EventClassifier {

    static final ModelIdentity MODEL = new ModelIdentity("fake-type-model", "2.0.0", "cd".repeat(32));

    private final String task;
    private final boolean needsVideo;
    final List<EventContext> seen = new CopyOnWriteArrayList<>();
    volatile String failWith;
    /** Onset (s) of the one event it fails on, or NaN. */
    volatile double failAt = Double.NaN;

    FakeEventClassifier(String task, boolean needsVideo) {
        this.task = task;
        this.needsVideo = needsVideo;
    }

    static Map<String, Object> properties(String task, long serviceId) {
        return Map.of(TASK, task, EVENT_TASK, "seizure-detection", "service.id", serviceId);
    }

    @Override
    public String task() {
        return task;
    }

    @Override
    public String eventTask() {
        return "seizure-detection";
    }

    @Override
    public boolean appliesTo(RecordingHeader header, List<RecordingVideo> videos) {
        return !needsVideo || !videos.isEmpty();
    }

    @Override
    public List<Detection> classify(EventContext context, ClassificationListener listener)
            throws ClassificationException, IOException {
        if (failWith != null && (Double.isNaN(failAt) || failAt == context.event().onsetSeconds())) {
            throw new ClassificationException(failWith);
        }
        seen.add(context);
        Detection event = context.event();
        float[] samples = context.recording().read(0, event.onsetSeconds(), event.durationSeconds());
        double mean = 0;
        for (float s : samples) {
            mean += Math.abs(s) / samples.length;
        }
        double pA = mean > 100 ? 0.8 : 0.3;
        listener.progress(0.5, "half way");
        listener.trend(new Trend(task + "-a", task + " A", "probability", event.onsetSeconds(), event.durationSeconds(),
                new double[] {pA}));
        String label = pA >= 0.5 ? "A" : "B";
        return List.of(new Detection(event.id(), task, label, event.onsetSeconds(), event.durationSeconds(),
                event.channels(), Math.max(pA, 1 - pA), MODEL, Map.of("A", pA, "B", 1 - pA), null));
    }
}
