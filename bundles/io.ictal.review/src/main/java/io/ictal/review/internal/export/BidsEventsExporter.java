package io.ictal.review.internal.export;

import io.ictal.api.review.ExportBatch;
import io.ictal.api.review.ExportSelection;
import io.ictal.api.review.RecordingDescriptor;
import io.ictal.api.review.ReviewExporter;
import io.ictal.api.review.ReviewItem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * BIDS {@code *_events.tsv} with SzCORE's columns: onset, duration, eventType, confidence, channels,
 * dateTime (start of the recording, {@code yyyy-MM-dd HH:mm:ss}), recordingDuration. Times have two
 * decimals, channels are comma-separated, unknown values are {@code n/a}, as epilepsy2bids writes
 * them. A recording without selected events gets one {@code bckg} row over the whole recording (when
 * its duration is known), SzCORE's way of saying "no seizure". An export of everything adds a
 * {@code reviewState} column, which BIDS allows and SzCORE ignores.
 */
@Component(property = ReviewExporter.FORMAT + "=bids")
public final class BidsEventsExporter implements ReviewExporter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public String fileName(String stem) {
        return stem + "_events.tsv";
    }

    @Override
    public void export(ExportBatch batch, OutputStream out) throws IOException {
        boolean withState = batch.selection() == ExportSelection.ALL;
        RecordingDescriptor recording = batch.recording();
        String dateTime = recording.start() == null ? "n/a" : DATE_TIME.format(recording.start());
        String duration = Double.isNaN(recording.durationSeconds()) ? "n/a"
                : EventTypes.decimal(recording.durationSeconds(), 2);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("onset\tduration\teventType\tconfidence\tchannels\tdateTime\trecordingDuration"
                + (withState ? "\treviewState" : "") + "\n");
        for (ReviewItem item : batch.items()) {
            w.write(String.join("\t", EventTypes.decimal(item.onsetSeconds(), 2),
                    EventTypes.decimal(item.offsetSeconds() - item.onsetSeconds(), 2),
                    EventTypes.szcore(item.detection().label()),
                    EventTypes.decimal(item.detection().confidence(), 2),
                    item.detection().channels().isEmpty() ? "n/a" : String.join(",", item.detection().channels()),
                    dateTime, duration));
            w.write(withState ? "\t" + item.state().name().toLowerCase(Locale.ROOT) + "\n" : "\n");
        }
        if (batch.items().isEmpty() && !Double.isNaN(recording.durationSeconds())) {
            w.write(String.join("\t", "0.00", duration, "bckg", "n/a", "n/a", dateTime, duration)
                    + (withState ? "\tn/a\n" : "\n"));
        }
        w.flush();
    }
}
