package io.ictal.shell.internal.analyze;

import io.ictal.viewer.spi.Marker;
import io.ictal.viewer.spi.ModelRef;
import io.ictal.viewer.spi.TrendSegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What {@code ictal:analyze --json} prints (schema {@value #SCHEMA}). Field names are the stable
 * JSON schema documented in the workflow bundle's README; times are seconds from the recording start.
 *
 * @param schema {@value #SCHEMA}
 * @param file the analysed file (absolute)
 * @param status {@code completed}, {@code failed} or {@code cancelled}
 * @param summary the workflow's one-line summary (or failure message)
 * @param events the markers standing at the end, in onset order
 * @param probability the seizure probability over time, or null when no classifier reported one
 */
public record AnalyzeReport(String schema, String file, String status, String summary, List<Event> events,
        Trace probability) {

    public static final String SCHEMA = "ictal.analyze/1";

    /** The series the detector reports its per-window seizure probability in. */
    static final String PROBABILITY_SERIES = "seizure-probability";

    /** One event: a marker of the workflow. */
    public record Event(String id, String task, String label, double onset, double duration, List<String> channels,
            double confidence, Model model, Map<String, String> attributes) {

        static Event of(Marker m) {
            ModelRef s = m.source();
            return new Event(m.id(), m.attributes().getOrDefault(Marker.TASK, ""), m.label(), m.onsetSeconds(),
                    m.durationSeconds(), m.channels(), m.confidence(), new Model(s.id(), s.version(), s.sha256()),
                    m.attributes());
        }
    }

    /** The model that produced an event. */
    public record Model(String id, String version, String sha256) {
    }

    /**
     * A trend as one evenly spaced series: value {@code i} at {@code start + i * step}; null where the
     * classifier reported no value (a gap, or a NaN).
     */
    public record Trace(String seriesId, String label, String unit, double start, double step, List<Double> values) {

        /** Joins a series' segments (in time order), padding holes between them with nulls. */
        static Trace of(List<TrendSegment> segments) {
            TrendSegment first = segments.get(0);
            List<Double> values = new ArrayList<>();
            for (TrendSegment s : segments) {
                int at = (int) Math.round((s.startSeconds() - first.startSeconds()) / first.stepSeconds());
                while (values.size() < at) {
                    values.add(null);
                }
                for (double v : s.values()) {
                    if (values.size() > at) {
                        values.set(at, Double.isFinite(v) ? v : null);
                    } else {
                        values.add(Double.isFinite(v) ? v : null);
                    }
                    at++;
                }
            }
            return new Trace(first.seriesId(), first.label(), first.unit(), first.startSeconds(), first.stepSeconds(),
                    values);
        }
    }

    /** The report of a finished job: events in onset order, the probability series if any was reported. */
    static AnalyzeReport of(String file, String status, String summary, List<Marker> markers,
            Map<String, List<TrendSegment>> trends) {
        List<Event> events = markers.stream()
                .sorted(Comparator.comparingDouble(Marker::onsetSeconds).thenComparing(Marker::id))
                .map(Event::of).toList();
        List<TrendSegment> probability = trends.get(PROBABILITY_SERIES);
        if (probability == null) {
            probability = trends.values().stream().filter(t -> t.get(0).unit().equals("probability")).findFirst()
                    .orElse(null);
        }
        return new AnalyzeReport(SCHEMA, file, status, summary, events,
                probability == null ? null : Trace.of(probability));
    }
}
