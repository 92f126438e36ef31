/**
 * The host viewer's plugin SPI.
 *
 * <p>Whiteboard pattern: a plugin registers a {@link io.ictal.viewer.spi.MarkerProvider} service.
 * When a user opens a recording, the host calls {@link io.ictal.viewer.spi.MarkerProvider#start}
 * with an {@link io.ictal.viewer.spi.OpenedRecording} and a {@link io.ictal.viewer.spi.MarkerSink}.
 * The provider returns an {@link io.ictal.viewer.spi.AnalysisJob} at once and pushes marker batches,
 * trend segments, explanations and progress to the sink from its own threads, then exactly one of
 * {@code completed} or {@code failed}. {@link io.ictal.viewer.spi.AnalysisJob#cancel()} returns only
 * once no further sink call will be made. A host that attaches late
 * ({@link io.ictal.viewer.spi.AnalysisJob#attach}) first receives a replay of everything so far.
 *
 * <p>Roles for semantic versioning: the host implements the {@code @ProviderType} interfaces
 * ({@link io.ictal.viewer.spi.MarkerSink}); plugins implement the {@code @ConsumerType} ones
 * ({@link io.ictal.viewer.spi.MarkerProvider}, {@link io.ictal.viewer.spi.AnalysisJob}).
 */
@Export
@Version("1.0.0")
package io.ictal.viewer.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
