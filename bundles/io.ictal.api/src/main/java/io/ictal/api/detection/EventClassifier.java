package io.ictal.api.detection;

import io.ictal.api.recording.RecordingHeader;
import java.io.IOException;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A classifier of the events another classifier found, e.g. the seizure type or the video semiology
 * of each detected seizure. Registered as an OSGi service with the properties {@value #TASK} and
 * {@value #EVENT_TASK}; when the run of the {@value #EVENT_TASK} classifier ends, the workflow calls
 * {@link #classify} once per event, in onset order.
 *
 * <p>Its detections are about one event each: the detection's {@link Detection#id() id} is the
 * event's id (so viewers and the review queue can tie the two together), its time range is the
 * event's or the part of it the classifier looked at, and {@link Detection#scores()} holds the
 * probability of every class.
 */
@ConsumerType
public interface EventClassifier {

    /** Service property: the task, e.g. {@code seizure-type}, {@code seizure-semiology}. */
    String TASK = RecordingClassifier.TASK;

    /** Service property: the task whose detections this classifier looks at, e.g. {@code seizure-detection}. */
    String EVENT_TASK = "event.task";

    /** The task this classifier performs (the same value as its {@value #TASK} service property). */
    String task();

    /** The task whose events it classifies (the same value as its {@value #EVENT_TASK} service property). */
    String eventTask();

    /**
     * Whether the recording (and its videos) has what this classifier needs, e.g. EEG channels, or a
     * video.
     */
    boolean appliesTo(RecordingHeader header, List<RecordingVideo> videos);

    /**
     * Classifies one event. Blocks until done; may report progress through the event (in [0, 1]) and
     * trends (e.g. per-snippet scores over time) to {@code listener}, and stops early when
     * {@link ClassificationListener#isCancelled()}. Detections go in the return value, not to
     * {@link ClassificationListener#detected}.
     *
     * @return the detections about this event; empty when the classifier had nothing to say (e.g. the
     *     video does not cover the event)
     * @throws ClassificationException no usable model, or the input lacks what the model needs (e.g. a
     *     video without a known offset)
     * @throws IOException reading the recording or the video failed
     */
    List<Detection> classify(EventContext context, ClassificationListener listener)
            throws ClassificationException, IOException;
}
