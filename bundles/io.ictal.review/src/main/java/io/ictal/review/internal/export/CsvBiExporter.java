package io.ictal.review.internal.export;

import io.ictal.api.review.ExportBatch;
import io.ictal.api.review.ReviewExporter;
import io.ictal.api.review.ReviewItem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * NEDC {@code csv_bi}, the TUH seizure corpus's binary (seizure / background) annotation file that the
 * NEDC scoring tools read: {@code #} header lines (version, bname, duration), then
 * {@code channel,start_time,stop_time,label,confidence} rows with four decimals, channel {@code TERM}
 * (the whole montage) and label {@code seiz}. A recording without selected events gets one
 * {@code bckg} row over the whole recording. The format has no place for a review state: in an export
 * of everything, accepted events are the rows and pending or rejected ones are {@code #} comment
 * lines that the scoring tools skip.
 */
@Component(property = ReviewExporter.FORMAT + "=csv_bi")
public final class CsvBiExporter implements ReviewExporter {

    @Override
    public String fileName(String stem) {
        return stem + ".csv_bi";
    }

    @Override
    public void export(ExportBatch batch, OutputStream out) throws IOException {
        double duration = batch.recording().durationSeconds();
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("# version = csv_v1.0.0\n");
        w.write("# bname = " + batch.recording().recordingId().replaceAll("[\\r\\n]", " ") + "\n");
        if (!Double.isNaN(duration)) {
            w.write("# duration = " + EventTypes.decimal(duration, 2) + " secs\n");
        }
        w.write("#\n");
        w.write("channel,start_time,stop_time,label,confidence\n");
        int rows = 0;
        for (ReviewItem item : batch.items()) {
            String row = "TERM," + EventTypes.decimal(item.onsetSeconds(), 4) + ","
                    + EventTypes.decimal(item.offsetSeconds(), 4) + ",seiz,"
                    + EventTypes.decimal(item.detection().confidence(), 4);
            if (item.accepted()) {
                w.write(row + "\n");
                rows++;
            } else {
                w.write("# " + item.state().name().toLowerCase(Locale.ROOT) + ": " + row + "\n");
            }
        }
        if (rows == 0 && !Double.isNaN(duration)) {
            w.write("TERM,0.0000," + EventTypes.decimal(duration, 4) + ",bckg,1.0000\n");
        }
        w.flush();
    }
}
