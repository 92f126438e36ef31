package io.ictal.review.internal.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Average-linkage agglomerative clustering (UPGMA) of points, built with the nearest-neighbour chain
 * algorithm: O(n²) time and one n×n distance matrix, so a day's few thousand detections cluster in
 * well under a second. Average linkage has no inversions, so cutting at a height keeps exactly the
 * merges at or below it.
 */
final class Dendrogram {

    /** Merge of the clusters holding points {@code a} and {@code b} at {@code height}. */
    record Merge(int a, int b, double height) {
    }

    private final int size;
    private final List<Merge> merges;

    private Dendrogram(int size, List<Merge> merges) {
        this.size = size;
        this.merges = merges;
    }

    /** RMS difference per feature: distances stay comparable whatever the number of features. */
    static double distance(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            sum += d * d;
        }
        return Math.sqrt(sum / Math.max(1, x.length));
    }

    static Dendrogram of(double[][] points) {
        int n = points.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[i][j] = d[j][i] = distance(points[i], points[j]);
            }
        }
        int[] members = new int[n];
        Arrays.fill(members, 1);
        boolean[] active = new boolean[n];
        Arrays.fill(active, true);
        List<Merge> merges = new ArrayList<>(Math.max(0, n - 1));
        int[] chain = new int[n];
        int chainLength = 0;
        for (int remaining = n; remaining > 1;) {
            if (chainLength == 0) {
                chain[chainLength++] = firstActive(active);
            }
            int top = chain[chainLength - 1];
            int previous = chainLength > 1 ? chain[chainLength - 2] : -1;
            // Nearest active neighbour of top; ties prefer the previous chain element so the chain ends.
            int nearest = previous;
            double best = previous < 0 ? Double.POSITIVE_INFINITY : d[top][previous];
            for (int k = 0; k < n; k++) {
                if (active[k] && k != top && d[top][k] < best) {
                    best = d[top][k];
                    nearest = k;
                }
            }
            if (nearest == previous && previous >= 0) {
                // Reciprocal nearest neighbours: merge previous into top (top keeps the merged cluster).
                chainLength -= 2;
                merges.add(new Merge(top, previous, best));
                for (int k = 0; k < n; k++) {
                    if (active[k] && k != top && k != previous) {
                        d[top][k] = d[k][top] = (members[top] * d[top][k] + members[previous] * d[previous][k])
                                / (members[top] + members[previous]);
                    }
                }
                members[top] += members[previous];
                active[previous] = false;
                remaining--;
            } else {
                chain[chainLength++] = nearest;
            }
        }
        return new Dendrogram(n, merges);
    }

    private static int firstActive(boolean[] active) {
        for (int i = 0; i < active.length; i++) {
            if (active[i]) {
                return i;
            }
        }
        throw new IllegalStateException("no active cluster");
    }

    /** Cluster labels (0..k-1, by first point) with every merge at or below {@code height} applied. */
    int[] cut(double height) {
        return labels(merges.stream().filter(m -> m.height() <= height).toList());
    }

    /** Cluster labels with all but the {@code parts - 1} highest merges applied ({@code parts} clusters). */
    int[] split(int parts) {
        List<Merge> sorted = merges.stream().sorted(Comparator.comparingDouble(Merge::height)).toList();
        return labels(sorted.subList(0, Math.max(0, sorted.size() - (parts - 1))));
    }

    private int[] labels(List<Merge> applied) {
        int[] parent = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
        for (Merge m : applied) {
            parent[root(parent, m.a())] = root(parent, m.b());
        }
        int[] label = new int[size];
        int[] labelOfRoot = new int[size];
        Arrays.fill(labelOfRoot, -1);
        int next = 0;
        for (int i = 0; i < size; i++) {
            int r = root(parent, i);
            if (labelOfRoot[r] < 0) {
                labelOfRoot[r] = next++;
            }
            label[i] = labelOfRoot[r];
        }
        return label;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
