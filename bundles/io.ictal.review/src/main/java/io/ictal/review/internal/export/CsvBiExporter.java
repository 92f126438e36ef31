package io.ictal.review.internal.export;

import io.ictal.api.review.ExportBatch;
import io.ictal.api.review.ReviewExporter;
import io.ictal.api.review.ReviewItem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * NEDC {@code csv_bi}, the TUH seizure corpus's binary (seizure / background) annotation file that the
 * NEDC scoring tools read: {@code #} header lines (version, bname, duration), then
 * {@code channel,start_time,stop_time,label,confidence} rows with four decimals on channel {@code TERM}
 * (the whole montage), labelled {@code seiz} or {@code bckg} and covering the recording in time order
 * as the corpus's files do: overlapping accepted events are merged into one {@code seiz} row (highest
 * confidence), the time between them is {@code bckg}. Without a known duration the background after
 * the last event is left out. The format has no place for a review state: in an export of everything,
 * pending and rejected items are {@code #} comment lines, which the scoring tools skip.
 */
@Component(property = ReviewExporter.FORMAT + "=csv_bi")
public final class CsvBiExporter implements ReviewExporter {

    /** A {@code seiz} row: one accepted event or several overlapping ones. */
    private record Seizure(double start, double stop, double confidence) {
    }

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
        double covered = 0;
        for (Seizure s : merged(batch.items())) {
            if (s.start() > covered) {
                w.write(row(covered, s.start(), "bckg", 1));
            }
            w.write(row(s.start(), s.stop(), "seiz", s.confidence()));
            covered = s.stop();
        }
        if (!Double.isNaN(duration) && duration > covered) {
            w.write(row(covered, duration, "bckg", 1));
        }
        for (ReviewItem item : batch.items()) {
            if (!item.accepted()) {
                w.write("# " + item.state().name().toLowerCase(Locale.ROOT) + ": "
                        + row(item.onsetSeconds(), item.offsetSeconds(), "seiz", item.detection().confidence()));
            }
        }
        w.flush();
    }

    private static List<Seizure> merged(List<ReviewItem> items) {
        List<ReviewItem> accepted = items.stream().filter(ReviewItem::accepted)
                .sorted(Comparator.comparingDouble(ReviewItem::onsetSeconds)).toList();
        List<Seizure> merged = new ArrayList<>();
        for (ReviewItem item : accepted) {
            Seizure last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && item.onsetSeconds() <= last.stop()) {
                merged.set(merged.size() - 1, new Seizure(last.start(), Math.max(last.stop(), item.offsetSeconds()),
                        Math.max(last.confidence(), item.detection().confidence())));
            } else {
                merged.add(new Seizure(item.onsetSeconds(), item.offsetSeconds(), item.detection().confidence()));
            }
        }
        return merged;
    }

    private static String row(double start, double stop, String label, double confidence) {
        return "TERM," + EventTypes.decimal(start, 4) + "," + EventTypes.decimal(stop, 4) + "," + label + ","
                + EventTypes.decimal(confidence, 4) + "\n";
    }
}
