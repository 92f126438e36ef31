package io.ictal.workflow.internal;

import io.ictal.api.detection.Classification;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.Explanation;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.detection.RecordingClassifier;
import io.ictal.api.detection.Trend;
import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.SignalInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A classifier for tests that walks the recording window by window as a real one does: reads the
 * window (so a closed recording would fail), reports progress and a probability trend per window, and
 * a detection on the windows listed. It can hold before a window until released, to look at a job
 * mid-run.
 */
final class FakeClassifier implements RecordingClassifier {

    static final ModelIdentity MODEL = new ModelIdentity("fake-model", "1.0.0", "ab".repeat(32));

    private final String task;
    private final ChannelType needs;
    private final double windowSeconds;
    private final Set<Integer> detectAt;
    private final int holdBefore;
    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean sawCancel;
    volatile int windowsDone;
    ModelIdentity model = MODEL;

    /**
     * @param needs the channel type the recording must have
     * @param detectAt windows that end in a detection (one per window)
     * @param holdBefore window before which it waits for {@link #release} (-1: never)
     */
    FakeClassifier(String task, ChannelType needs, double windowSeconds, Set<Integer> detectAt, int holdBefore) {
        this.task = task;
        this.needs = needs;
        this.windowSeconds = windowSeconds;
        this.detectAt = detectAt;
        this.holdBefore = holdBefore;
    }

    static Map<String, Object> properties(String task, long serviceId) {
        return Map.of(TASK, task, "service.id", serviceId);
    }

    @Override
    public String task() {
        return task;
    }

    @Override
    public boolean appliesTo(RecordingHeader header) {
        return header.dataSignals().stream().anyMatch(s -> s.type() == needs);
    }

    @Override
    public Classification classify(Recording recording, ClassificationListener listener) throws IOException {
        SignalInfo signal = recording.header().dataSignals().stream().filter(s -> s.type() == needs).findFirst()
                .orElseThrow();
        int windows = (int) Math.floor(recording.header().durationSeconds() / windowSeconds);
        List<Detection> detections = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            if (w == holdBefore) {
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (listener.isCancelled()) {
                sawCancel = true;
                return new Classification(task, model, detections, false);
            }
            float[] samples = recording.read(signal.index(), w * windowSeconds, windowSeconds);
            double probability = detectAt.contains(w) ? 0.9 : 0.1;
            listener.trend(new Trend(task + "-probability", task + " probability", "probability",
                    w * windowSeconds, windowSeconds, new double[] {probability}));
            if (detectAt.contains(w)) {
                Detection d = new Detection(String.format("%s-%04d", task, w), task, "event", w * windowSeconds,
                        windowSeconds, List.of(signal.label()), probability, model, Map.of("event", probability),
                        new Explanation("image/png", new byte[] {(byte) w, 1, 2, (byte) samples.length}, "window " + w));
                detections.add(d);
                listener.detected(List.of(d));
            }
            windowsDone = w + 1;
            listener.progress((w + 1.0) / windows, "window " + (w + 1) + " of " + windows);
        }
        return new Classification(task, model, detections, true);
    }
}
