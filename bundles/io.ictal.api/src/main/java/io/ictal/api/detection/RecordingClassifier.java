package io.ictal.api.detection;

import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingHeader;
import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A classifier that scans a whole recording (the seizure detector, the ECG arrhythmia classifier).
 * Registered as an OSGi service with the property {@value #TASK}; the workflow runs every one whose
 * {@link #appliesTo} accepts the recording.
 *
 * <p>Implementations know nothing of viewers: they report through the {@link ClassificationListener}.
 */
@ConsumerType
public interface RecordingClassifier {

    /** Service property: the task, e.g. {@code seizure-detection}, {@code ecg-arrhythmia}. */
    String TASK = "task";

    /** The task this classifier performs (the same value as its {@value #TASK} service property). */
    String task();

    /** Whether the recording has what this classifier needs (e.g. EEG channels, an EKG channel). */
    boolean appliesTo(RecordingHeader header);

    /**
     * Classifies the recording. Blocks until done; reports progress, detections and trends to
     * {@code listener} as windows complete (so a viewer shows the first markers within seconds),
     * and stops early, returning what it has, when {@link ClassificationListener#isCancelled()}.
     *
     * @return every detection of the run (also the ones already reported)
     * @throws ClassificationException no usable model, or the recording lacks what the model needs
     * @throws IOException reading the recording failed
     */
    Classification classify(Recording recording, ClassificationListener listener)
            throws ClassificationException, IOException;
}
