package io.ictal.shell.internal.queue;

import io.ictal.api.review.ReviewCluster;
import io.ictal.api.review.ReviewItem;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code ictal:queue-clusters} reports; the field names are the stable {@code --json} schema {@value #SCHEMA}. */
public record ClustersReport(String schema, List<Row> clusters) {

    public static final String SCHEMA = "ictal.queue-clusters/1";

    public ClustersReport {
        clusters = List.copyOf(clusters);
    }

    /** One cluster: its members' item ids, the representative first. */
    public record Row(String id, int size, String basis, double spread, String task, String label,
            long representative, List<Long> items) {
    }

    public static ClustersReport of(List<ReviewCluster> clusters) {
        return new ClustersReport(SCHEMA, clusters.stream().map(c -> new Row(c.id(), c.size(), c.basis(), c.spread(),
                c.representative().detection().task(), c.representative().detection().label(), c.representative().id(),
                c.items().stream().map(ReviewItem::id).toList())).toList());
    }

    public String toText() {
        if (clusters.isEmpty()) {
            return "No pending items to cluster.\n";
        }
        String format = "%-14s %5s  %-17s %6s  %-18s %-10s %s%n";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, format, "CLUSTER", "SIZE", "BASIS", "SPREAD",
                "TASK", "LABEL", "ITEMS (representative first)"));
        for (Row r : clusters) {
            sb.append(String.format(Locale.ROOT, format, r.id(), r.size(), r.basis(),
                    String.format(Locale.ROOT, "%.2f", r.spread()), QueueReport.shorten(r.task(), 18),
                    QueueReport.shorten(r.label(), 10),
                    r.items().stream().map(String::valueOf).collect(Collectors.joining(" "))));
        }
        sb.append(clusters.size()).append(" clusters of ").append(clusters.stream().mapToInt(Row::size).sum())
                .append(" pending items; decide one with ictal:queue-decide --confirm|--reject --reviewer NAME ITEM...\n");
        return sb.toString();
    }
}
