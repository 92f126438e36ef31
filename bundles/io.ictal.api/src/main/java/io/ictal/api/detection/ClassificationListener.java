package io.ictal.api.detection;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives a classifier's results while it runs. Called from the classifier's thread, serially.
 * Implementations return quickly.
 */
@ConsumerType
public interface ClassificationListener {

    /** Progress in [0, 1] with a short message for the user. */
    void progress(double fraction, String message);

    /**
     * New or updated detections. A detection whose {@link Detection#id()} was reported before
     * replaces the earlier one (e.g. an event that grew as later windows were classified).
     */
    void detected(List<Detection> detections);

    /** Detections withdrawn by id (e.g. merged into another event). */
    void retracted(List<String> detectionIds);

    /** A further segment of a trend series (e.g. the seizure probability over time). */
    void trend(Trend segment);

    /** Whether the caller wants the classifier to stop as soon as it can. */
    default boolean isCancelled() {
        return Thread.currentThread().isInterrupted();
    }

    /** A listener that ignores everything (batch use, tests). */
    static ClassificationListener ignoring() {
        return trendsTo(segment -> {
        });
    }

    /**
     * A listener that hands each trend segment to {@code trends} and ignores progress and detections
     * (callers that read the detections from the returned {@code Classification}).
     */
    static ClassificationListener trendsTo(Consumer<Trend> trends) {
        Objects.requireNonNull(trends, "trends");
        return new ClassificationListener() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public void detected(List<Detection> detections) {
            }

            @Override
            public void retracted(List<String> detectionIds) {
            }

            @Override
            public void trend(Trend segment) {
                trends.accept(segment);
            }
        };
    }
}
