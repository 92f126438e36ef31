package io.ictal.viewer.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered by a plugin as an OSGi service (whiteboard). The host calls {@link #start} for each
 * recording a user opens.
 *
 * <p>Service properties a host may use to list or select providers:
 * {@value #PROVIDER_NAME} (a human-readable name) and {@value #PROVIDER_ID} (stable id).
 */
@ConsumerType
public interface MarkerProvider {

    /** Service property: stable identifier of the provider, e.g. {@code ictal}. */
    String PROVIDER_ID = "marker.provider.id";

    /** Service property: name shown to users, e.g. {@code Ictal seizure detection}. */
    String PROVIDER_NAME = "marker.provider.name";

    /**
     * Starts analysing {@code recording}. Must return quickly (never block the host's thread on
     * the analysis); all further results go to {@code sink}, from any thread, serially, as
     * described in {@link MarkerSink}. The sink may receive its first calls before this method
     * returns. A recording the provider cannot read is reported through {@link MarkerSink#failed},
     * not thrown.
     *
     * @param recording the recording the user opened
     * @param sink where results are pushed until {@code completed}/{@code failed} or cancel
     * @return a handle to cancel the job or attach further sinks
     */
    AnalysisJob start(OpenedRecording recording, MarkerSink sink);
}
