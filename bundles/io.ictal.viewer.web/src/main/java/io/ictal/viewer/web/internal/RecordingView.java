package io.ictal.viewer.web.internal;

import io.ictal.viewer.spi.Explanation;
import io.ictal.viewer.spi.Marker;
import io.ictal.viewer.spi.MarkerSink;
import io.ictal.viewer.spi.TrendSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the page shows of one provider's job on one recording: the host side of the SPI. The page
 * polls {@link #snapshot}; sink calls only update memory, so they return at once. Thread-safe.
 */
final class RecordingView implements MarkerSink {

    /** One trend series as the page draws it: value {@code i} at {@code start + i * step}, null for a gap. */
    record Series(String id, String label, String unit, double start, double step, List<Double> values) {
    }

    /**
     * A marker with whether an explanation image can be fetched for it. {@code event} is the id of the
     * event marker an event classifier's marker is about (its seizure type, its video semiology), null
     * for an event; {@code scores} are its per-label probabilities ({@code score.*} attributes).
     */
    record MarkerView(String id, double onset, double duration, List<String> channels, String label,
            double confidence, String task, String model, boolean explained, String event, Map<String, Double> scores) {
    }

    /** What the page polls. {@code status} is {@code running}, {@code completed}, {@code failed} or {@code cancelled}. */
    record Snapshot(String provider, String status, double progress, String message, List<MarkerView> markers,
            List<Series> trends) {
    }

    private final String provider;
    private final Map<String, Marker> markers = new LinkedHashMap<>();
    private final Map<String, Explanation> explanations = new LinkedHashMap<>();
    private final Map<String, SeriesBuffer> trends = new LinkedHashMap<>();
    private String status = "running";
    private double progress;
    private String message = "starting";

    RecordingView(String provider) {
        this.provider = provider;
    }

    @Override
    public synchronized void markersAdded(List<Marker> added) {
        added.forEach(m -> markers.put(m.id(), m));
    }

    @Override
    public synchronized void markersRetracted(List<String> ids) {
        ids.forEach(id -> {
            markers.remove(id);
            explanations.remove(id);
        });
    }

    @Override
    public synchronized void trendAppended(TrendSegment segment) {
        SeriesBuffer buffer = trends.computeIfAbsent(segment.seriesId(), k -> new SeriesBuffer(segment));
        int at = (int) Math.round((segment.startSeconds() - buffer.start) / buffer.step);
        for (double v : segment.values()) {
            if (at >= 0) {
                buffer.set(at, Double.isFinite(v) ? v : null);
            }
            at++;
        }
    }

    /** A series growing in place; holes between segments stay null. */
    private static final class SeriesBuffer {
        final String id;
        final String label;
        final String unit;
        final double start;
        final double step;
        final List<Double> values = new ArrayList<>();

        SeriesBuffer(TrendSegment first) {
            id = first.seriesId();
            label = first.label();
            unit = first.unit();
            start = first.startSeconds();
            step = first.stepSeconds();
        }

        void set(int index, Double value) {
            while (values.size() <= index) {
                values.add(null);
            }
            values.set(index, value);
        }

        Series series() {
            return new Series(id, label, unit, start, step, new ArrayList<>(values));
        }
    }

    @Override
    public synchronized void explanationAdded(Explanation explanation) {
        explanations.put(explanation.markerId(), explanation);
    }

    @Override
    public synchronized void progress(double fraction, String text) {
        progress = fraction;
        message = text;
    }

    @Override
    public synchronized void completed(String summary) {
        end("completed", summary);
    }

    @Override
    public synchronized void failed(String text) {
        end("failed", text);
    }

    @Override
    public synchronized void cancelled() {
        end("cancelled", "cancelled");
    }

    private void end(String how, String text) {
        status = how;
        message = text;
        if (how.equals("completed")) {
            progress = 1;
        }
    }

    synchronized Explanation explanation(String markerId) {
        return explanations.get(markerId);
    }

    /** The state; trend values only when {@code withTrends} (they are the bulk: the page asks for them less often). */
    synchronized Snapshot snapshot(boolean withTrends) {
        List<MarkerView> views = markers.values().stream()
                .sorted(java.util.Comparator.comparingDouble(Marker::onsetSeconds))
                .map(m -> new MarkerView(m.id(), m.onsetSeconds(), m.durationSeconds(), m.channels(), m.label(),
                        m.confidence(), m.attributes().getOrDefault(Marker.TASK, ""),
                        m.source().id() + " " + m.source().version(), explanations.containsKey(m.id()),
                        m.attributes().get("event"), scores(m)))
                .toList();
        return new Snapshot(provider, status, progress, message, views,
                withTrends ? trends.values().stream().map(SeriesBuffer::series).toList() : List.of());
    }

    /** The marker's {@code score.LABEL} attributes as numbers, highest first; unparsable ones left out. */
    private static Map<String, Double> scores(Marker m) {
        Map<String, Double> scores = new LinkedHashMap<>();
        m.attributes().entrySet().stream().filter(e -> e.getKey().startsWith("score."))
                .map(e -> {
                    try {
                        return Map.entry(e.getKey().substring("score.".length()), Double.parseDouble(e.getValue()));
                    } catch (NumberFormatException x) {
                        return null;
                    }
                })
                .filter(java.util.Objects::nonNull)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> scores.put(e.getKey(), e.getValue()));
        return scores;
    }
}
