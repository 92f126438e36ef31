package io.ictal.review.internal.export;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.PatientInfo;
import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormatException;
import io.ictal.api.recording.RecordingInfo;
import io.ictal.api.recording.RecordingReader;
import io.ictal.api.recording.RecordingWriterService;
import io.ictal.api.review.ExportBatch;
import io.ictal.api.review.ExportSelection;
import io.ictal.api.review.RecordingDescriptor;
import io.ictal.api.review.ReviewExporter;
import io.ictal.api.review.ReviewItem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

/**
 * An annotation-only EDF+ file (the form EDF+ prescribes for scoring files) written by the
 * recording writer: one annotation per item, the label as text (with the review state in brackets in
 * an export of everything), onsets relative to the recording's start. The patient and recording
 * identification are {@code X} (unknown) unless patient fields are configured to be exported and the
 * recording's file can be read, then they are the recording's own. An unknown start is written as
 * 1985-01-01 00:00:00, the earliest date EDF can hold.
 */
@Component(property = ReviewExporter.FORMAT + "=edf")
public final class EdfAnnotationsExporter implements ReviewExporter {

    static final LocalDateTime UNKNOWN_START = LocalDateTime.of(1985, 1, 1, 0, 0);
    private static final PatientInfo ANONYMOUS = new PatientInfo("", "", "", "", "");

    private final RecordingWriterService writer;
    private final RecordingReader reader;

    @Activate
    public EdfAnnotationsExporter(@Reference RecordingWriterService writer,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) RecordingReader reader) {
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public String fileName(String stem) {
        return stem + "_annotations.edf";
    }

    @Override
    public void export(ExportBatch batch, OutputStream out) throws IOException {
        RecordingDescriptor recording = batch.recording();
        List<Annotation> annotations = batch.items().stream().map(item -> annotation(item, batch.selection())).toList();
        PatientInfo patient = ANONYMOUS;
        RecordingInfo info = new RecordingInfo("", "", "", "", "Ictal");
        if (batch.includePatient() && recording.file() != null && reader != null) {
            try (Recording source = reader.open(Path.of(recording.file()), ReadMode.LENIENT)) {
                patient = source.header().patient();
                info = source.header().recording();
            } catch (RecordingFormatException | IOException e) {
                throw new IOException("cannot copy the patient fields of recording '" + recording.recordingId()
                        + "' from " + recording.file() + ": " + e.getMessage(), e);
            }
        }
        LocalDateTime start = recording.start() == null ? UNKNOWN_START : recording.start();
        Path file = Files.createTempFile("ictal-review-", ".edf");
        try {
            writer.writeAnnotations(file, patient, info, start, annotations);
            Files.copy(file, out);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Annotation annotation(ReviewItem item, ExportSelection selection) {
        String text = item.detection().label()
                + (selection == ExportSelection.ALL ? " [" + item.state().name().toLowerCase(Locale.ROOT) + "]" : "");
        return new Annotation(item.onsetSeconds(), item.offsetSeconds() - item.onsetSeconds(), text, 0);
    }
}
