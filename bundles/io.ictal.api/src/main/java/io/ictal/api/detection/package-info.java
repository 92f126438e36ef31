/**
 * What classifiers find: {@link io.ictal.api.detection.Detection}s on a recording's time line,
 * each tied to the {@link io.ictal.api.detection.ModelIdentity} that produced it. Classifiers know
 * nothing of viewers; the workflow turns detections into viewer markers and review items.
 *
 * <p>Two kinds of classifier: a {@link io.ictal.api.detection.RecordingClassifier} scans a whole
 * recording (the seizure detector); an {@link io.ictal.api.detection.EventClassifier} looks at each
 * event another classifier found (seizure type, video semiology).
 */
@Export
@Version("1.2.0")
package io.ictal.api.detection;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
