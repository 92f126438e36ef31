package io.ictal.edf.internal;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.PatientInfo;
import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.RecordingFormatException;
import io.ictal.api.recording.RecordingInfo;
import io.ictal.api.recording.RecordingSpec;
import io.ictal.api.recording.RecordingWriter;
import io.ictal.api.recording.RecordingWriterService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/** The EDF+/BDF+ writer service. */
@Component(service = RecordingWriterService.class, property = {"recording.formats=EDF", "recording.formats=BDF"})
public final class EdfRecordingWriterService implements RecordingWriterService {

    @Override
    public RecordingWriter create(Path file, RecordingSpec spec) throws IOException {
        return new EdfStreamWriter(Objects.requireNonNull(file, "file"), Objects.requireNonNull(spec, "spec"));
    }

    @Override
    public void writeAnnotations(Path file, PatientInfo patient, RecordingInfo recording, LocalDateTime start,
            List<Annotation> annotations) throws IOException {
        if (start.getYear() < 1985 || start.getYear() > 2084) {
            throw new IllegalArgumentException("start year must be within 1985-2084, was " + start.getYear());
        }
        double subsecond = start.getNano() / 1e9;
        ByteArrayOutputStream tals = new ByteArrayOutputStream();
        tals.writeBytes(TalWriter.timeKeeping(subsecond));
        annotations.stream().sorted(Comparator.comparingDouble(Annotation::onsetSeconds))
                .forEach(a -> tals.writeBytes(TalWriter.annotation(a, subsecond)));
        int samples = (tals.size() + 1) / 2;
        byte[] header = HeaderWriter.header(false, "EDF+C", HeaderWriter.patientField(patient),
                HeaderWriter.recordingField(recording, start.toLocalDate()), start, 1, "0",
                List.of(new HeaderWriter.SignalHeader("EDF Annotations", "", "", "-1", "1", -32768, 32767, "", samples)));
        byte[] record = new byte[samples * 2];
        System.arraycopy(tals.toByteArray(), 0, record, 0, tals.size());
        ByteArrayOutputStream content = new ByteArrayOutputStream(header.length + record.length);
        content.writeBytes(header);
        content.writeBytes(record);
        Files.write(file, content.toByteArray());
    }

    @Override
    public void copyWithAnnotations(Path source, Path target, List<Annotation> annotations)
            throws IOException, RecordingFormatException {
        if (Files.exists(target) && Files.isSameFile(source, target)) {
            throw new IllegalArgumentException("target must differ from source " + source.getFileName());
        }
        try (EdfRecording recording = EdfRecording.open(source, ReadMode.STRICT)) {
            AnnotatedCopy.write(recording, target, annotations);
        }
    }
}
