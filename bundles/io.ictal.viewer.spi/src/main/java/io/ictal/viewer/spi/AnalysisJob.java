package io.ictal.viewer.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** A running analysis of one recording, returned by {@link MarkerProvider#start}. */
@ConsumerType
public interface AnalysisJob {

    /** The recording this job analyses. */
    OpenedRecording recording();

    /**
     * Attaches another sink (a viewer that opened the recording late). The sink first receives a
     * replay of the markers, trends and explanations produced so far and the latest progress, then
     * live results; if the job already ended it also receives the terminal call.
     */
    void attach(MarkerSink sink);

    /** Detaches a sink previously attached or passed to {@code start}; no further calls reach it. */
    void detach(MarkerSink sink);

    /**
     * Cancels the job. Returns only when no further call will be made on any sink of this job.
     * Idempotent; a no-op once the job has ended.
     */
    void cancel();

    /** Whether the job has completed, failed or been cancelled. */
    boolean isDone();
}
