package io.ictal.api.review;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Groups pending items by similarity for clustering-assisted review (Barry et al. 2021 labelled
 * spectrogram images about 5x faster by clustering them first). Items are compared on spectrogram
 * features over each item's time range and channels when the recording's file is known and
 * readable, else on what the detection itself says (label, scores, duration); the two kinds are
 * never mixed in one cluster. Registered as an OSGi service; thread-safe.
 */
@ProviderType
public interface ReviewClustering {

    /**
     * Clusters the pending items passing {@code filter} (its states are ignored), largest clusters first.
     *
     * @throws ReviewException the queue failed
     */
    List<ReviewCluster> clusters(ReviewFilter filter);

    /**
     * Splits a cluster into two or more smaller ones (for a reviewer who sees members that do not
     * belong together). Members decided in the meantime are left out.
     *
     * @return at least two clusters when the cluster still has two or more pending members
     */
    List<ReviewCluster> split(ReviewCluster cluster);
}
