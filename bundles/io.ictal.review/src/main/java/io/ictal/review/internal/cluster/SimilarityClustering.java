package io.ictal.review.internal.cluster;

import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormatException;
import io.ictal.api.recording.RecordingReader;
import io.ictal.api.review.RecordingDescriptor;
import io.ictal.api.review.ReviewCluster;
import io.ictal.api.review.ReviewClustering;
import io.ictal.api.review.ReviewException;
import io.ictal.api.review.ReviewFilter;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewQueue;
import io.ictal.api.review.ReviewState;
import io.ictal.api.spectrogram.SpectrogramService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Clusters pending items of the same task and label on spectrogram features of their recordings
 * (average linkage, cut at a configured distance), falling back on the detections' own numbers for
 * items whose recording file is unknown or unreadable.
 */
@Component(service = ReviewClustering.class, configurationPid = SimilarityClustering.PID)
@Designate(ocd = SimilarityClustering.Config.class)
public final class SimilarityClustering implements ReviewClustering {

    public static final String PID = "io.ictal.review.cluster";
    static final String SPECTROGRAM = "spectrogram";
    static final String DETECTION = "detection-scores";
    private static final Logger LOG = Logger.getLogger(SimilarityClustering.class.getName());

    @ObjectClassDefinition(name = "Ictal review clustering",
            description = "How alike pending items must be to be offered as one cluster.")
    public @interface Config {

        @AttributeDefinition(description = "Largest average distance between two clusters that are still joined,"
                + " in standard deviations of the features (smaller: more, purer clusters)")
        double distance_threshold() default 0.9;
    }

    private final ReviewQueue queue;
    private final RecordingReader reader;
    private final SpectrogramService spectrograms;
    private final double threshold;

    @Activate
    public SimilarityClustering(@Reference ReviewQueue queue, @Reference RecordingReader reader,
            @Reference SpectrogramService spectrograms, Config config) {
        this(queue, reader, spectrograms, config.distance_threshold());
    }

    public SimilarityClustering(ReviewQueue queue, RecordingReader reader, SpectrogramService spectrograms,
            double threshold) {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new ReviewException(PID + ": distance.threshold must be finite and > 0, was " + threshold);
        }
        this.queue = queue;
        this.reader = reader;
        this.spectrograms = spectrograms;
        this.threshold = threshold;
    }

    @Override
    public List<ReviewCluster> clusters(ReviewFilter filter) {
        List<ReviewItem> pending = queue.items(filter.withStates(Set.of(ReviewState.PENDING)));
        List<ReviewCluster> clusters = new ArrayList<>();
        for (Group group : groups(pending)) {
            int[] labels = Dendrogram.of(group.points).cut(threshold);
            clusters.addAll(group.clusters(labels));
        }
        clusters.sort(Comparator.comparingInt(ReviewCluster::size).reversed().thenComparing(ReviewCluster::id));
        return clusters;
    }

    @Override
    public List<ReviewCluster> split(ReviewCluster cluster) {
        List<ReviewItem> members = cluster.items().stream().map(i -> queue.item(i.id())).flatMap(Optional::stream)
                .filter(i -> i.state() == ReviewState.PENDING).toList();
        List<Group> groups = groups(members);
        List<ReviewCluster> parts = new ArrayList<>();
        for (Group group : groups) {
            // One group is cut at its highest merge; several groups (bases) are already the parts.
            int[] labels = Dendrogram.of(group.points).split(groups.size() == 1 ? 2 : 1);
            parts.addAll(group.clusters(labels));
        }
        parts.sort(Comparator.comparingInt(ReviewCluster::size).reversed().thenComparing(ReviewCluster::id));
        return parts;
    }

    /** Items of one task, label and feature basis, with their standardised features. */
    private record Group(String basis, List<ReviewItem> items, double[][] points) {

        List<ReviewCluster> clusters(int[] labels) {
            Map<Integer, List<Integer>> byLabel = new LinkedHashMap<>();
            for (int i = 0; i < labels.length; i++) {
                byLabel.computeIfAbsent(labels[i], l -> new ArrayList<>()).add(i);
            }
            return byLabel.values().stream().map(this::cluster).toList();
        }

        private ReviewCluster cluster(List<Integer> members) {
            int medoid = members.get(0);
            double bestSum = Double.POSITIVE_INFINITY;
            for (int m : members) {
                double sum = 0;
                for (int o : members) {
                    sum += Dendrogram.distance(points[m], points[o]);
                }
                if (sum < bestSum) {
                    bestSum = sum;
                    medoid = m;
                }
            }
            int centre = medoid;
            List<Integer> ordered = members.stream()
                    .sorted(Comparator.comparingDouble(m -> Dendrogram.distance(points[m], points[centre]))).toList();
            List<ReviewItem> clusterItems = ordered.stream().map(items::get).toList();
            long firstId = clusterItems.stream().mapToLong(ReviewItem::id).min().orElseThrow();
            return new ReviewCluster("c" + firstId + "-" + clusterItems.size(), clusterItems, items.get(centre), basis,
                    bestSum / members.size());
        }
    }

    private List<Group> groups(List<ReviewItem> items) {
        Map<String, List<ReviewItem>> byLabel = new LinkedHashMap<>();
        for (ReviewItem item : items) {
            byLabel.computeIfAbsent(item.detection().task() + "\u0000" + item.detection().label(),
                    k -> new ArrayList<>()).add(item);
        }
        List<Group> groups = new ArrayList<>();
        for (List<ReviewItem> sameLabel : byLabel.values()) {
            Map<ReviewItem, double[]> spectral = spectralFeatures(sameLabel);
            List<ReviewItem> withSpectra = sameLabel.stream().filter(spectral::containsKey).toList();
            List<ReviewItem> without = sameLabel.stream().filter(i -> !spectral.containsKey(i)).toList();
            if (!withSpectra.isEmpty()) {
                groups.add(new Group(SPECTROGRAM, withSpectra,
                        Features.standardised(withSpectra.stream().map(spectral::get).toArray(double[][]::new))));
            }
            if (!without.isEmpty()) {
                Set<String> scoreLabels = new TreeSet<>();
                without.forEach(i -> scoreLabels.addAll(i.detection().scores().keySet()));
                List<String> labels = List.copyOf(scoreLabels);
                groups.add(new Group(DETECTION, without, Features.standardised(without.stream()
                        .map(i -> Features.fromDetection(i.detection(), labels)).toArray(double[][]::new))));
            }
        }
        return groups;
    }

    /** Spectral features of the items whose recording can be read, each recording opened once. */
    private Map<ReviewItem, double[]> spectralFeatures(List<ReviewItem> items) {
        Map<String, List<ReviewItem>> byRecording = new LinkedHashMap<>();
        items.forEach(i -> byRecording.computeIfAbsent(i.recordingId(), k -> new ArrayList<>()).add(i));
        Map<ReviewItem, double[]> features = new HashMap<>();
        for (Map.Entry<String, List<ReviewItem>> e : byRecording.entrySet()) {
            RecordingDescriptor descriptor = queue.recording(e.getKey());
            if (descriptor.file() == null) {
                continue;
            }
            try (Recording recording = reader.open(Path.of(descriptor.file()), ReadMode.LENIENT)) {
                for (ReviewItem item : e.getValue()) {
                    try {
                        features.put(item, Features.spectral(spectrograms, recording, item.detection()));
                    } catch (RuntimeException ex) {
                        // A detection over a gap or an unknown channel: it falls back on its own numbers.
                        LOG.log(Level.FINE, "review item " + item.id() + ": no spectral features: " + ex.getMessage());
                    }
                }
            } catch (IOException | RecordingFormatException | RuntimeException ex) {
                // The file name is not logged: hospitals name files after patients.
                LOG.log(Level.INFO, "recording '" + e.getKey() + "' cannot be read for clustering; its items are"
                        + " compared on their detection scores (" + ex.getClass().getSimpleName() + ")");
            }
        }
        return features;
    }
}
