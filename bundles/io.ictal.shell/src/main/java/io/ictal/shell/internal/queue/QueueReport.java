package io.ictal.shell.internal.queue;

import io.ictal.api.review.ReviewItem;
import java.util.List;
import java.util.Locale;

/**
 * What {@code ictal:queue} reports. The field names are the stable {@code --json} schema
 * {@value #SCHEMA}; times are seconds from the recording start, {@code decidedAt} ISO-8601 UTC.
 */
public record QueueReport(String schema, List<Row> items) {

    public static final String SCHEMA = "ictal.queue/1";

    public QueueReport {
        items = List.copyOf(items);
    }

    /**
     * One item; {@code reviewer}, {@code decidedAt} are null while pending; {@code onsetSeconds} and
     * {@code offsetSeconds} are the reviewer's for an edited item.
     */
    public record Row(long id, String recording, String state, long revision, String task, String label,
            double onsetSeconds, double offsetSeconds, List<String> channels, double confidence, String model,
            String modelVersion, String reviewer, String decidedAt, String comment) {
    }

    public static QueueReport of(List<ReviewItem> items) {
        return new QueueReport(SCHEMA, items.stream().map(i -> new Row(i.id(), i.recordingId(), i.state().name(),
                i.revision(), i.detection().task(), i.detection().label(), i.onsetSeconds(), i.offsetSeconds(),
                i.detection().channels(), i.detection().confidence(), i.detection().model().id(),
                i.detection().model().version(), i.reviewer(),
                i.decidedAt() == null ? null : i.decidedAt().toString(), i.comment())).toList());
    }

    /** A table, one line per item. */
    public String toText() {
        if (items.isEmpty()) {
            return "The review queue has no items" + " (detections arrive when a recording is analysed).\n";
        }
        String format = "%6s  %-24s %-9s %3s  %-18s %-10s %10s %10s  %4s  %s%n";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, format, "ID", "RECORDING", "STATE", "REV",
                "TASK", "LABEL", "ONSET_S", "OFFSET_S", "CONF", "REVIEWER"));
        for (Row r : items) {
            sb.append(String.format(Locale.ROOT, format, r.id(), shorten(r.recording(), 24), r.state(), r.revision(),
                    shorten(r.task(), 18), shorten(r.label(), 10), String.format(Locale.ROOT, "%.2f", r.onsetSeconds()),
                    String.format(Locale.ROOT, "%.2f", r.offsetSeconds()),
                    String.format(Locale.ROOT, "%.2f", r.confidence()), r.reviewer() == null ? "-" : r.reviewer()));
        }
        long pending = items.stream().filter(r -> r.state().equals("PENDING")).count();
        sb.append(items.size()).append(" items, ").append(pending).append(" pending\n");
        return sb.toString();
    }

    /** Keeps the end of long ids (file paths differ at the end). */
    static String shorten(String s, int width) {
        return s.length() <= width ? s : "..." + s.substring(s.length() - width + 3);
    }
}
