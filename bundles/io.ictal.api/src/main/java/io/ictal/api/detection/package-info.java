/**
 * What classifiers find: {@link io.ictal.api.detection.Detection}s on a recording's time line,
 * each tied to the {@link io.ictal.api.detection.ModelIdentity} that produced it. Classifiers know
 * nothing of viewers; the workflow turns detections into viewer markers and review items.
 */
@Export
@Version("1.0.0")
package io.ictal.api.detection;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
