package io.ictal.workflow.internal;

import io.ictal.api.detection.RecordingClassifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The classifier services bound now, and per task the one that runs: the highest
 * {@code service.ranking}, then the lowest {@code service.id} (the OSGi order). Two services for one
 * task would otherwise put every event on the time line twice. Thread-safe.
 */
final class Classifiers {

    /** A bound classifier with what orders it. */
    record Bound(RecordingClassifier classifier, String task, int ranking, long serviceId) {
    }

    private static final Comparator<Bound> PREFERRED = Comparator.comparingInt(Bound::ranking).reversed()
            .thenComparingLong(Bound::serviceId);

    private final List<Bound> bound = new CopyOnWriteArrayList<>();

    void add(RecordingClassifier classifier, Map<String, ?> properties) {
        Object task = properties.get(RecordingClassifier.TASK);
        bound.add(new Bound(classifier, task == null ? classifier.task() : task.toString(),
                properties.get("service.ranking") instanceof Integer r ? r : 0,
                properties.get("service.id") instanceof Long id ? id : Long.MAX_VALUE));
    }

    void remove(RecordingClassifier classifier) {
        bound.removeIf(b -> b.classifier() == classifier);
    }

    /** The preferred classifier of each task, tasks in a stable order (seizure detection first, then by name). */
    List<Bound> preferred() {
        Map<String, Bound> byTask = new LinkedHashMap<>();
        bound.stream().sorted(PREFERRED).forEach(b -> byTask.putIfAbsent(b.task(), b));
        List<Bound> result = new ArrayList<>(byTask.values());
        result.sort(Comparator.comparing((Bound b) -> !b.task().equals("seizure-detection")).thenComparing(Bound::task));
        return result;
    }

    /** The preferred classifier of {@code task} now, if any. */
    Optional<Bound> preferred(String task) {
        return bound.stream().filter(b -> b.task().equals(task)).sorted(PREFERRED).findFirst();
    }

    /** Whether {@code classifier} is still bound. */
    boolean contains(RecordingClassifier classifier) {
        return bound.stream().anyMatch(b -> b.classifier() == classifier);
    }
}
