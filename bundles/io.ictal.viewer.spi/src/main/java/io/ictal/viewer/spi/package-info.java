/**
 * The host viewer's plugin SPI: how an analysis plugin puts markers, trends and explanations on a
 * recording the user is looking at.
 *
 * <p><b>Whiteboard.</b> A plugin registers a {@link io.ictal.viewer.spi.MarkerProvider} service
 * with the properties {@value io.ictal.viewer.spi.MarkerProvider#PROVIDER_ID} and
 * {@value io.ictal.viewer.spi.MarkerProvider#PROVIDER_NAME}. The host tracks these services.
 *
 * <p><b>A job.</b> When a user opens a recording, the host calls
 * {@link io.ictal.viewer.spi.MarkerProvider#start} with an {@link io.ictal.viewer.spi.OpenedRecording}
 * and its {@link io.ictal.viewer.spi.MarkerSink}. The provider returns an
 * {@link io.ictal.viewer.spi.AnalysisJob} at once and pushes, from its own threads and serially per
 * sink: marker batches (add, replace by id, retract), trend segments, explanation images and
 * progress, then exactly one terminal call: {@code completed}, {@code failed} or {@code cancelled}.
 *
 * <p><b>Cancel.</b> {@link io.ictal.viewer.spi.AnalysisJob#cancel()} returns only once no further
 * sink call will be made, so a host may free its view right after it.
 *
 * <p><b>Late hosts.</b> {@link io.ictal.viewer.spi.AnalysisJob#attach} gives another sink a replay
 * of the current state (standing markers, trends, explanations, latest progress, and the terminal
 * call when the job has ended), then the live results.
 *
 * <p><b>Versioning.</b> The host implements the {@code @ProviderType} interface
 * ({@link io.ictal.viewer.spi.MarkerSink}): methods may be added to it in a minor version. Plugins
 * implement the {@code @ConsumerType} ones ({@link io.ictal.viewer.spi.MarkerProvider},
 * {@link io.ictal.viewer.spi.AnalysisJob}): a change there is a major version. Records are values,
 * validated in their constructors.
 */
@Export
@Version("1.1.0")
package io.ictal.viewer.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
