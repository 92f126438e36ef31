package io.ictal.review.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DendrogramTest {

    @Test
    void separatedGroupsAreCutApartAndSplitAtTheTop() {
        double[][] points = {{0}, {0.1}, {0.2}, {10}, {10.1}, {30}};
        Dendrogram d = Dendrogram.of(points);
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2}, d.cut(1));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, d.cut(0.05));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0}, d.split(1));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1}, d.split(2), "30 is farthest from the rest on average");
        assertArrayEquals(new int[] {0}, Dendrogram.of(new double[][] {{5}}).split(2));
    }

    /** The chain algorithm gives the same merge heights as the textbook O(n³) average linkage. */
    @Test
    void mergeHeightsMatchNaiveAverageLinkage() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] points = new double[40][3];
        for (double[] p : points) {
            for (int k = 0; k < p.length; k++) {
                p[k] = random.nextGaussian();
            }
        }
        double[] naive = naiveHeights(points);
        for (double h : naive) {
            // Cutting just below and just above each naive height changes the cluster count by one.
            int below = clusters(Dendrogram.of(points).cut(h - 1e-9));
            int above = clusters(Dendrogram.of(points).cut(h + 1e-9));
            assertEquals(below - 1, above, "at height " + h);
        }
    }

    private static int clusters(int[] labels) {
        return Arrays.stream(labels).max().orElse(-1) + 1;
    }

    private static double[] naiveHeights(double[][] points) {
        List<List<Integer>> clusters = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            clusters.add(new ArrayList<>(List.of(i)));
        }
        double[] heights = new double[points.length - 1];
        for (int m = 0; m < heights.length; m++) {
            double best = Double.POSITIVE_INFINITY;
            int bi = -1;
            int bj = -1;
            for (int i = 0; i < clusters.size(); i++) {
                for (int j = i + 1; j < clusters.size(); j++) {
                    double sum = 0;
                    for (int a : clusters.get(i)) {
                        for (int b : clusters.get(j)) {
                            sum += Dendrogram.distance(points[a], points[b]);
                        }
                    }
                    double average = sum / (clusters.get(i).size() * clusters.get(j).size());
                    if (average < best) {
                        best = average;
                        bi = i;
                        bj = j;
                    }
                }
            }
            clusters.get(bi).addAll(clusters.remove(bj));
            heights[m] = best;
        }
        return heights;
    }
}
