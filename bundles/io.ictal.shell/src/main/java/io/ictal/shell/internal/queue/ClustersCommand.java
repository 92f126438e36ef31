package io.ictal.shell.internal.queue;

import io.ictal.api.review.ReviewCluster;
import io.ictal.api.review.ReviewClustering;
import io.ictal.api.review.ReviewFilter;
import io.ictal.shell.internal.CommandFailure;
import io.ictal.shell.internal.Json;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code ictal:queue-clusters [--json] [--recording ID] [--split CLUSTER]}: pending items grouped by
 * similarity, or the parts of one cluster. Clusters are computed afresh on every call; their ids stay
 * the same while their members do.
 */
@Service
@Command(scope = "ictal", name = "queue-clusters",
        description = "Groups pending review items by similarity (clustering-assisted review)")
public class ClustersCommand implements Action {

    @Option(name = "--json", description = "Print the stable JSON form (schema " + ClustersReport.SCHEMA + ")")
    boolean json;

    @Option(name = "--recording", description = "Only this recording's items")
    String recording;

    @Option(name = "--split", description = "Show the parts of this cluster instead")
    String split;

    @Reference(optional = true)
    ReviewClustering clustering;

    @Override
    public Object execute() {
        if (clustering == null) {
            throw new CommandFailure("review clustering is not running (no ReviewClustering service): install"
                    + " feature ictal-review (it needs ictal-edf and ictal-spectrogram)");
        }
        List<ReviewCluster> clusters = clustering.clusters(ReviewFilter.all().withRecording(recording));
        if (split != null) {
            ReviewCluster chosen = clusters.stream().filter(c -> c.id().equals(split)).findFirst()
                    .orElseThrow(() -> new CommandFailure("no cluster " + split + " now (clusters change as items"
                            + " are decided); run ictal:queue-clusters again"));
            clusters = clustering.split(chosen);
        }
        ClustersReport report = ClustersReport.of(clusters);
        System.out.print(json ? Json.write(report) + "\n" : report.toText());
        return null;
    }
}
