/**
 * Reading recordings: EDF, EDF+ (continuous and discontinuous), BDF and BDF+.
 *
 * <p>A {@link io.ictal.api.recording.RecordingReader} service opens a file into a
 * {@link io.ictal.api.recording.Recording}: the parsed header, the annotations, the contiguous
 * data segments, and physical sample values read by time range and channel without loading the
 * file onto the heap. Bad input raises {@link io.ictal.api.recording.RecordingFormatException},
 * which names the file, the field, the byte offset and what was expected.
 */
@Export
@Version("1.0.0")
package io.ictal.api.recording;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
