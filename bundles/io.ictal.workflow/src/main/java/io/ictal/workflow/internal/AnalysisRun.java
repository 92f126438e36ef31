package io.ictal.workflow.internal;

import io.ictal.viewer.spi.AnalysisJob;
import io.ictal.viewer.spi.Explanation;
import io.ictal.viewer.spi.Marker;
import io.ictal.viewer.spi.MarkerSink;
import io.ictal.viewer.spi.OpenedRecording;
import io.ictal.viewer.spi.TrendSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's sinks and replay state. Every sink call is made while holding {@link #lock}: that makes
 * the calls to a sink serial, lets {@link #attach} replay without a live call slipping in between,
 * and lets {@link #cancel} and {@link #detach} return only when no call is in progress (the lock is
 * reentrant, so a sink may cancel or detach from inside a call).
 *
 * <p>The analysis threads report through the package-private methods; once the job has ended
 * (completed, failed or cancelled) they are ignored.
 */
final class AnalysisRun implements AnalysisJob {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisRun.class);

    /** The terminal call a sink gets, kept so that a sink attaching after the end gets it too. */
    private sealed interface Ending {
        void tell(MarkerSink sink);
    }

    private record Completed(String summary) implements Ending {
        public void tell(MarkerSink sink) {
            sink.completed(summary);
        }
    }

    private record Failed(String message) implements Ending {
        public void tell(MarkerSink sink) {
            sink.failed(message);
        }
    }

    private record Cancelled() implements Ending {
        public void tell(MarkerSink sink) {
            sink.cancelled();
        }
    }

    private final OpenedRecording recording;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<MarkerSink> sinks = new ArrayList<>();
    private final JobRecord record;
    private Ending ending;
    private volatile boolean cancelRequested;
    private final Runnable onEnd;

    /**
     * @param onEnd called once when the job ends, before the terminal calls (quick: e.g. forget the job)
     */
    AnalysisRun(OpenedRecording recording, MarkerSink first, long maxExplanationBytes, Runnable onEnd) {
        this.recording = Objects.requireNonNull(recording, "recording");
        this.record = new JobRecord(maxExplanationBytes);
        this.sinks.add(Objects.requireNonNull(first, "sink"));
        this.onEnd = onEnd;
    }

    @Override
    public OpenedRecording recording() {
        return recording;
    }

    @Override
    public void attach(MarkerSink sink) {
        Objects.requireNonNull(sink, "sink");
        lock.lock();
        try {
            if (sinks.contains(sink)) {
                return;
            }
            try {
                record.replay(sink);
                if (ending != null) {
                    ending.tell(sink);
                } else {
                    sinks.add(sink);
                }
            } catch (RuntimeException e) {
                LOG.warn("A sink attached to the analysis of {} threw during the replay; not attached", recording.recordingId(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void detach(MarkerSink sink) {
        lock.lock();
        try {
            sinks.remove(sink);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void cancel() {
        cancelRequested = true;
        end(new Cancelled());
    }

    @Override
    public boolean isDone() {
        lock.lock();
        try {
            return ending != null;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the analysis should stop: cancelled, or ended otherwise. */
    boolean isCancelled() {
        return cancelRequested;
    }

    void markersAdded(List<Marker> markers) {
        if (!markers.isEmpty()) {
            deliver(r -> r.add(markers), s -> s.markersAdded(markers));
        }
    }

    void markersRetracted(List<String> ids) {
        if (!ids.isEmpty()) {
            deliver(r -> r.retract(ids), s -> s.markersRetracted(ids));
        }
    }

    void explanationAdded(Explanation explanation) {
        lock.lock();
        try {
            if (record.isNew(explanation)) {
                deliver(r -> r.add(explanation), s -> s.explanationAdded(explanation));
            }
        } finally {
            lock.unlock();
        }
    }

    void trendAppended(TrendSegment segment) {
        deliver(r -> r.append(segment), s -> s.trendAppended(segment));
    }

    void progress(double fraction, String message) {
        double clamped = Math.max(0, Math.min(1, fraction));
        deliver(r -> r.progress(clamped, message), s -> s.progress(clamped, message));
    }

    void completed(String summary) {
        end(new Completed(summary));
    }

    void failed(String message) {
        end(new Failed(message));
    }

    /** The markers standing now (for the summary and tests). */
    List<Marker> markers() {
        lock.lock();
        try {
            return List.copyOf(record.markers());
        } finally {
            lock.unlock();
        }
    }

    int explanationsDropped() {
        lock.lock();
        try {
            return record.explanationsDropped();
        } finally {
            lock.unlock();
        }
    }

    private void deliver(Consumer<JobRecord> remember, Consumer<MarkerSink> call) {
        lock.lock();
        try {
            if (ending != null) {
                return;
            }
            remember.accept(record);
            // A copy: a sink may detach or cancel from inside its call.
            for (MarkerSink sink : List.copyOf(sinks)) {
                if (ending != null) {
                    return;
                }
                if (sinks.contains(sink)) {
                    callSafely(sink, call);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void end(Ending how) {
        lock.lock();
        try {
            if (ending != null) {
                return;
            }
            ending = how;
            if (onEnd != null) {
                onEnd.run();
            }
            for (MarkerSink sink : List.copyOf(sinks)) {
                callSafely(sink, how::tell);
            }
            sinks.clear();
        } finally {
            lock.unlock();
        }
    }

    /** A sink that throws is detached (the SPI's contract); the job goes on for the others. */
    private void callSafely(MarkerSink sink, Consumer<MarkerSink> call) {
        try {
            call.accept(sink);
        } catch (RuntimeException e) {
            sinks.remove(sink);
            LOG.warn("A sink of the analysis of {} threw and was detached", recording.recordingId(), e);
        }
    }
}
