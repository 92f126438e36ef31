package io.ictal.api.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes EDF+/BDF+ files: recordings streamed chunk by chunk (the simulator, test fixtures),
 * annotation-only files and copies of recordings with annotations added (the review-queue exporter).
 * Registered as an OSGi service; thread-safe. The files are read back by this project's reader,
 * MNE and EDFbrowser.
 */
@ProviderType
public interface RecordingWriterService {

    /**
     * Creates {@code file} (replacing it) and returns a writer for it.
     *
     * @throws IllegalArgumentException a field does not fit its header field or is not ASCII
     */
    RecordingWriter create(Path file, RecordingSpec spec) throws IOException;

    /**
     * Writes an annotation-only EDF+C file (no data signals, record duration 0), the form EDF+
     * prescribes for scoring and event files.
     *
     * @param start start time the onsets are relative to (usually the recording's start)
     */
    void writeAnnotations(Path file, PatientInfo patient, RecordingInfo recording, LocalDateTime start,
            List<Annotation> annotations) throws IOException;

    /**
     * Copies {@code source} (EDF, EDF+, BDF or BDF+) to {@code target} with one more annotation signal
     * holding {@code annotations}; every original sample and annotation is kept byte for byte. A plain
     * EDF/BDF source becomes EDF+C/BDF+C (its identification fields are kept in the EDF+ subfields).
     *
     * @throws RecordingFormatException the source is not readable in strict mode
     */
    void copyWithAnnotations(Path source, Path target, List<Annotation> annotations)
            throws IOException, RecordingFormatException;
}
