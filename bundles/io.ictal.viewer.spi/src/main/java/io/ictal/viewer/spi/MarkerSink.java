package io.ictal.viewer.spi;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Implemented by the host: receives a job's results. Calls for one sink are made serially (never
 * concurrently, possibly from different provider threads, with happens-before between them), in
 * the order results are produced. After {@link #completed}, {@link #failed} or {@link #cancelled}
 * no further call is made. Implementations should return quickly: a slow sink slows the analysis
 * it watches. A host that needs to do slow work (painting, network) hands it to its own thread.
 * A sink that throws is detached by the provider; the job goes on for other sinks.
 */
@ProviderType
public interface MarkerSink {

    /** New or updated markers (a marker with an id already added replaces the earlier one). */
    void markersAdded(List<Marker> markers);

    /** Markers the provider withdraws (for example after merging two events into one). */
    void markersRetracted(List<String> markerIds);

    /** A further segment of a trend series (seizure probability over time, CSA band power). */
    void trendAppended(TrendSegment segment);

    /** An explanation image for a marker already added. */
    void explanationAdded(Explanation explanation);

    /**
     * Progress of the job.
     *
     * @param fraction in [0, 1]
     * @param message short status for the user, e.g. {@code "detector: 12:00:00 of 24:00:00"}
     */
    void progress(double fraction, String message);

    /** The job finished normally; {@code summary} is a one-line description for the user. */
    void completed(String summary);

    /** The job failed; {@code message} says what went wrong in terms a user can act on. */
    void failed(String message);

    /** The job was cancelled ({@link AnalysisJob#cancel()}); markers added so far stay valid. */
    void cancelled();
}
