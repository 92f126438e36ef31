package io.ictal.api.recording;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/** Opens recordings. Registered as an OSGi service; thread-safe. */
@ProviderType
public interface RecordingReader {

    /**
     * Opens {@code file}.
     *
     * @param mode {@link ReadMode#STRICT} refuses any deviation from the format; {@link ReadMode#LENIENT}
     *     reads what can be read and reports the rest as {@link Recording#warnings()}
     * @throws RecordingFormatException the file is not a readable EDF/EDF+/BDF/BDF+ file
     * @throws IOException the file cannot be read at all
     */
    Recording open(Path file, ReadMode mode) throws RecordingFormatException, IOException;

    /** Opens {@code file} in {@link ReadMode#STRICT} mode. */
    default Recording open(Path file) throws RecordingFormatException, IOException {
        return open(file, ReadMode.STRICT);
    }
}
