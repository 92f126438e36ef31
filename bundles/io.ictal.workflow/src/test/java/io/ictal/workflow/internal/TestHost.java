package io.ictal.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.viewer.spi.Explanation;
import io.ictal.viewer.spi.Marker;
import io.ictal.viewer.spi.MarkerSink;
import io.ictal.viewer.spi.TrendSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A host viewer for tests: keeps what a viewer would show (standing markers, trend values,
 * explanations, progress, the terminal call) and checks the SPI's promises on the way: calls are
 * never concurrent and nothing comes after the terminal call.
 */
class TestHost implements MarkerSink {

    final Map<String, Marker> markers = new LinkedHashMap<>();
    final Map<String, List<Double>> trends = new LinkedHashMap<>();
    final Map<String, Explanation> explanations = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    final List<Double> progress = new ArrayList<>();
    volatile String ending;
    volatile String violation;
    private final AtomicBoolean inCall = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Object monitor = new Object();

    private void call(String name, Runnable effect) {
        if (!inCall.compareAndSet(false, true)) {
            violation = "concurrent call: " + name;
        }
        try {
            synchronized (monitor) {
                if (ending != null) {
                    violation = name + " after " + ending;
                }
                calls.add(name);
                effect.run();
                monitor.notifyAll();
            }
        } finally {
            inCall.set(false);
        }
    }

    @Override
    public void markersAdded(List<Marker> added) {
        call("markersAdded", () -> added.forEach(m -> markers.put(m.id(), m)));
    }

    @Override
    public void markersRetracted(List<String> ids) {
        call("markersRetracted", () -> ids.forEach(markers::remove));
    }

    @Override
    public void trendAppended(TrendSegment segment) {
        call("trendAppended", () -> {
            List<Double> values = trends.computeIfAbsent(segment.seriesId(), k -> new ArrayList<>());
            for (double v : segment.values()) {
                values.add(v);
            }
        });
    }

    @Override
    public void explanationAdded(Explanation explanation) {
        call("explanationAdded", () -> explanations.put(explanation.markerId(), explanation));
    }

    @Override
    public void progress(double fraction, String message) {
        call("progress", () -> progress.add(fraction));
    }

    @Override
    public void completed(String summary) {
        end("completed: " + summary);
    }

    @Override
    public void failed(String message) {
        end("failed: " + message);
    }

    @Override
    public void cancelled() {
        end("cancelled");
    }

    private void end(String how) {
        call(how, () -> ending = how);
        ended.countDown();
    }

    String awaitEnd() throws InterruptedException {
        assertTrue(ended.await(30, TimeUnit.SECONDS), "the job did not end within 30 s; calls: " + calls);
        return ending;
    }

    /** Waits until the host's state satisfies {@code condition}. */
    void await(Predicate<TestHost> condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        synchronized (monitor) {
            while (!condition.test(this)) {
                long left = deadline - System.currentTimeMillis();
                assertTrue(left > 0, "timed out waiting for " + what + "; calls: " + calls);
                monitor.wait(left);
            }
        }
    }

    synchronized List<String> markerIds() {
        synchronized (monitor) {
            return List.copyOf(markers.keySet());
        }
    }

    int callCount() {
        synchronized (monitor) {
            return calls.size();
        }
    }
}
