package io.ictal.edf.internal;

import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormatException;
import io.ictal.api.recording.RecordingReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/** The reader service for EDF, EDF+C, EDF+D, BDF, BDF+C and BDF+D files. */
@Component(service = RecordingReader.class, property = {"recording.formats=EDF", "recording.formats=BDF"})
public final class EdfRecordingReader implements RecordingReader {

    @Override
    public Recording open(Path file, ReadMode mode) throws RecordingFormatException, IOException {
        return EdfRecording.open(Objects.requireNonNull(file, "file"), Objects.requireNonNull(mode, "mode"));
    }
}
