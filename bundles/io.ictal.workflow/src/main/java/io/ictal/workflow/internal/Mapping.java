package io.ictal.workflow.internal;

import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.detection.Trend;
import io.ictal.viewer.spi.Explanation;
import io.ictal.viewer.spi.Marker;
import io.ictal.viewer.spi.ModelRef;
import io.ictal.viewer.spi.TrendSegment;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns Ictal's detection records into the viewer SPI's records. The only place both meet: the
 * classifiers never see the SPI, the viewer never sees Ictal's API.
 */
final class Mapping {

    /** Attribute prefix of a detection's per-label scores, e.g. {@code score.GNSZ=0.81}. */
    static final String SCORE_PREFIX = "score.";

    private Mapping() {
    }

    /**
     * The marker id of a detection: ids are unique per classifier run, so the task makes them
     * unique per job (two classifiers may both number their events from 1).
     */
    static String markerId(String task, String detectionId) {
        return task + "/" + detectionId;
    }

    /** Attribute of an event classifier's marker: the marker id of the event it is about. */
    static final String EVENT = "event";

    /** The marker of an event classifier's detection, tied to its event's marker. */
    static Marker marker(Detection d, String eventMarkerId) {
        Marker m = marker(d);
        Map<String, String> attributes = new TreeMap<>(m.attributes());
        attributes.put(EVENT, eventMarkerId);
        return new Marker(m.id(), m.onsetSeconds(), m.durationSeconds(), m.channels(), m.label(), m.confidence(),
                m.source(), attributes);
    }

    static Marker marker(Detection d) {
        Map<String, String> attributes = new TreeMap<>();
        attributes.put(Marker.TASK, d.task());
        d.scores().forEach((label, score) -> attributes.put(SCORE_PREFIX + label, String.format(Locale.ROOT, "%.4f", score)));
        return new Marker(markerId(d.task(), d.id()), d.onsetSeconds(), d.durationSeconds(), d.channels(), d.label(),
                d.confidence(), modelRef(d.model()), attributes);
    }

    static ModelRef modelRef(ModelIdentity model) {
        return new ModelRef(model.id(), model.version(), model.sha256());
    }

    /** The explanation of a detection, or null when it has none. */
    static Explanation explanation(Detection d) {
        if (d.explanation() == null) {
            return null;
        }
        return new Explanation(markerId(d.task(), d.id()), d.explanation().mediaType(), d.explanation().image(),
                d.explanation().caption());
    }

    static TrendSegment trendSegment(Trend t) {
        return new TrendSegment(t.seriesId(), t.label(), t.unit(), t.startSeconds(), t.stepSeconds(), t.values());
    }
}
