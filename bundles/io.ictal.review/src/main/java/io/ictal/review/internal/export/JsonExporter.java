package io.ictal.review.internal.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.review.ExportBatch;
import io.ictal.api.review.ReviewExporter;
import io.ictal.api.review.ReviewItem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * JSON (schema {@value #SCHEMA}): the recording, the selection and every exported item with its
 * review state, reviewer, times (edited ones included) and the detection (model identity, scores,
 * explanation caption; not the explanation image). Field names are the stable schema.
 */
@Component(property = ReviewExporter.FORMAT + "=json")
public final class JsonExporter implements ReviewExporter {

    static final String SCHEMA = "ictal.review-export/1";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
            .create();

    record Export(String schema, RecordingRow recording, String selection, List<ItemRow> items) {
    }

    record RecordingRow(String id, String start, Double durationSeconds) {
    }

    record ItemRow(long id, String state, String reviewer, String decidedAt, String comment, long revision,
            double onsetSeconds, double offsetSeconds, DetectionRow detection) {
    }

    record DetectionRow(String id, String task, String label, double onsetSeconds, double durationSeconds,
            List<String> channels, double confidence, ModelIdentity model, Map<String, Double> scores,
            String explanation) {
    }

    @Override
    public String fileName(String stem) {
        return stem + ".review.json";
    }

    @Override
    public void export(ExportBatch batch, OutputStream out) throws IOException {
        var r = batch.recording();
        Export export = new Export(SCHEMA, new RecordingRow(r.recordingId(), r.start() == null ? null : r.start().toString(),
                Double.isNaN(r.durationSeconds()) ? null : r.durationSeconds()),
                batch.selection().name().toLowerCase(Locale.ROOT), batch.items().stream().map(JsonExporter::row).toList());
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        GSON.toJson(export, w);
        w.write("\n");
        w.flush();
    }

    private static ItemRow row(ReviewItem item) {
        Detection d = item.detection();
        return new ItemRow(item.id(), item.state().name(), item.reviewer(),
                item.decidedAt() == null ? null : item.decidedAt().toString(), item.comment(), item.revision(),
                item.onsetSeconds(), item.offsetSeconds(),
                new DetectionRow(d.id(), d.task(), d.label(), d.onsetSeconds(), d.durationSeconds(), d.channels(),
                        d.confidence(), d.model(), d.scores(),
                        d.explanation() == null ? null : d.explanation().caption()));
    }
}
