package io.ictal.api.review;

import java.util.List;
import java.util.Objects;

/**
 * Pending items that look alike, so that a reviewer can look at them together and decide them with
 * one {@link ReviewQueue#decideAll} (or split the cluster when they do not belong together).
 *
 * @param id stable while the members are the same (derived from the members' ids)
 * @param items the members, most typical first
 * @param representative the member closest to all others (the one to show first)
 * @param basis what the similarity was computed from, e.g. {@code spectrogram} or {@code detection-scores}
 * @param spread mean distance of the members to the representative (0 for one member), in the
 *     clustering's normalised feature units: a hint at how alike the members are
 */
public record ReviewCluster(String id, List<ReviewItem> items, ReviewItem representative, String basis,
        double spread) {

    public ReviewCluster {
        Objects.requireNonNull(id, "id");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a cluster has at least one item");
        }
        if (!items.contains(Objects.requireNonNull(representative, "representative"))) {
            throw new IllegalArgumentException("the representative must be a member of cluster " + id);
        }
        Objects.requireNonNull(basis, "basis");
        if (!(spread >= 0)) {
            throw new IllegalArgumentException("spread must be >= 0, was " + spread);
        }
    }

    public int size() {
        return items.size();
    }
}
