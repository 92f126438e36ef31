package io.ictal.workflow.internal;

import io.ictal.viewer.spi.Explanation;
import io.ictal.viewer.spi.Marker;
import io.ictal.viewer.spi.MarkerSink;
import io.ictal.viewer.spi.TrendSegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a job has produced so far, kept so that a late sink gets a replay: the standing markers,
 * their explanations, every trend series (contiguous segments merged into one array, so a 24-h
 * probability trace is one array, not thousands of segments) and the latest progress. Not
 * thread-safe: {@link AnalysisRun} guards it with its lock.
 *
 * <p>Memory is bounded: markers are few, trends are one value per step, and explanation images
 * beyond {@code maxExplanationBytes} are not kept for replay (live sinks still get them).
 */
final class JobRecord {

    private final Map<String, Marker> markers = new LinkedHashMap<>();
    private final Map<String, Explanation> explanations = new LinkedHashMap<>();
    private final Map<String, List<Series>> trends = new LinkedHashMap<>();
    private final long maxExplanationBytes;
    private long explanationBytes;
    private int explanationsDropped;
    private double progress;
    private String progressMessage;

    JobRecord(long maxExplanationBytes) {
        this.maxExplanationBytes = maxExplanationBytes;
    }

    void add(List<Marker> added) {
        for (Marker m : added) {
            markers.put(m.id(), m);
        }
    }

    void retract(List<String> ids) {
        for (String id : ids) {
            markers.remove(id);
            Explanation gone = explanations.remove(id);
            if (gone != null) {
                explanationBytes -= gone.image().length;
            }
        }
    }

    /** Whether {@code e} differs from what is kept for its marker (a growing event repeats its image). */
    boolean isNew(Explanation e) {
        return !e.equals(explanations.get(e.markerId()));
    }

    void add(Explanation e) {
        Explanation old = explanations.remove(e.markerId());
        if (old != null) {
            explanationBytes -= old.image().length;
        }
        int size = e.image().length;
        if (explanationBytes + size > maxExplanationBytes) {
            explanationsDropped++;
            return;
        }
        explanations.put(e.markerId(), e);
        explanationBytes += size;
    }

    void append(TrendSegment segment) {
        List<Series> runs = trends.computeIfAbsent(segment.seriesId(), k -> new ArrayList<>());
        Series last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last == null || !last.continuesWith(segment)) {
            runs.add(new Series(segment));
        } else {
            last.append(segment.values());
        }
    }

    void progress(double fraction, String message) {
        progress = fraction;
        progressMessage = message;
    }

    Collection<Marker> markers() {
        return markers.values();
    }

    int explanationsDropped() {
        return explanationsDropped;
    }

    /** Replays the state to one sink, in the order a live sink saw it: markers, explanations, trends, progress. */
    void replay(MarkerSink sink) {
        if (!markers.isEmpty()) {
            sink.markersAdded(List.copyOf(markers.values()));
        }
        for (Explanation e : explanations.values()) {
            sink.explanationAdded(e);
        }
        for (List<Series> runs : trends.values()) {
            for (Series s : runs) {
                sink.trendAppended(s.segment());
            }
        }
        if (progressMessage != null) {
            sink.progress(progress, progressMessage);
        }
    }

    /** One contiguous run of a trend series, grown in place (amortised doubling). */
    private static final class Series {
        private final String seriesId;
        private final String label;
        private final String unit;
        private final double start;
        private final double step;
        private double[] values;
        private int size;

        Series(TrendSegment first) {
            seriesId = first.seriesId();
            label = first.label();
            unit = first.unit();
            start = first.startSeconds();
            step = first.stepSeconds();
            values = first.values();
            size = values.length;
        }

        /** Same series shape and starting where this run ends (to within a thousandth of a step). */
        boolean continuesWith(TrendSegment next) {
            return next.stepSeconds() == step && next.label().equals(label) && next.unit().equals(unit)
                    && Math.abs(next.startSeconds() - (start + size * step)) < step * 1e-3;
        }

        void append(double[] more) {
            if (size + more.length > values.length) {
                values = Arrays.copyOf(values, Math.max(size + more.length, values.length * 2));
            }
            System.arraycopy(more, 0, values, size, more.length);
            size += more.length;
        }

        TrendSegment segment() {
            return new TrendSegment(seriesId, label, unit, start, step, Arrays.copyOf(values, size));
        }
    }
}
