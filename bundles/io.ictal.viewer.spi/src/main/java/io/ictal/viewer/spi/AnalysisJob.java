package io.ictal.viewer.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A running analysis of one recording, returned by {@link MarkerProvider#start}. Implemented by
 * the plugin; every method is thread-safe and returns quickly.
 *
 * <p>Life cycle of a sink: {@code attach} (or {@code start}) &rarr; replay &rarr; live results
 * &rarr; exactly one of {@link MarkerSink#completed}, {@link MarkerSink#failed} or
 * {@link MarkerSink#cancelled} &rarr; nothing more. {@link #detach} ends it early, silently.
 */
@ConsumerType
public interface AnalysisJob {

    /** The recording this job analyses. */
    OpenedRecording recording();

    /**
     * Attaches another sink (a viewer that opened the recording late, a second window). The sink
     * first receives a replay of the current state: the markers still standing (retracted ones
     * left out), every trend segment and explanation so far, and the latest progress; then live
     * results. If the job already ended it also receives the terminal call, so a host can attach to
     * a finished job to redraw it. The replay and the live calls are serial, never interleaved.
     * Attaching a sink twice has no effect.
     */
    void attach(MarkerSink sink);

    /**
     * Detaches a sink previously attached or passed to {@code start}. Returns only when no further
     * call will be made on it (a call in progress on another thread has returned). The job goes on.
     */
    void detach(MarkerSink sink);

    /**
     * Cancels the job: the provider stops its work as soon as it can. Returns only when no further
     * call will be made on any sink of this job; the last call each sink received is
     * {@link MarkerSink#cancelled}, unless the job had already ended. May be called from any thread,
     * also from inside a sink call of this job (then the call in progress is the last but one).
     * Idempotent; a no-op once the job has ended.
     */
    void cancel();

    /** Whether the job has completed, failed or been cancelled. */
    boolean isDone();
}
