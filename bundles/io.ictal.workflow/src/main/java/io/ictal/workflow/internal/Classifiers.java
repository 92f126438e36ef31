package io.ictal.workflow.internal;

import io.ictal.api.detection.RecordingClassifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The classifier services of one kind ({@code RecordingClassifier} or {@code EventClassifier}) bound
 * now, and per task the one that runs: the highest {@code service.ranking}, then the lowest
 * {@code service.id} (the OSGi order). Two services for one task would otherwise put every event on
 * the time line twice. Thread-safe.
 *
 * @param <C> the service type
 */
final class Classifiers<C> {

    /** A bound classifier with what orders it. */
    record Bound<C>(C classifier, String task, int ranking, long serviceId) {
    }

    private final Comparator<Bound<C>> preferredFirst = Comparator.comparingInt((Bound<C> b) -> b.ranking()).reversed()
            .thenComparingLong(Bound::serviceId);

    private final List<Bound<C>> bound = new CopyOnWriteArrayList<>();
    private final Function<C, String> taskOf;

    /** @param taskOf the task a service says it performs, used when its {@code task} property is missing */
    Classifiers(Function<C, String> taskOf) {
        this.taskOf = taskOf;
    }

    void add(C classifier, Map<String, ?> properties) {
        Object task = properties.get(RecordingClassifier.TASK);
        bound.add(new Bound<>(classifier, task == null ? taskOf.apply(classifier) : task.toString(),
                properties.get("service.ranking") instanceof Integer r ? r : 0,
                properties.get("service.id") instanceof Long id ? id : Long.MAX_VALUE));
    }

    void remove(C classifier) {
        bound.removeIf(b -> b.classifier() == classifier);
    }

    /** The preferred classifier of each task, tasks in a stable order (seizure detection first, then by name). */
    List<Bound<C>> preferred() {
        Map<String, Bound<C>> byTask = new LinkedHashMap<>();
        bound.stream().sorted(preferredFirst).forEach(b -> byTask.putIfAbsent(b.task(), b));
        List<Bound<C>> result = new ArrayList<>(byTask.values());
        result.sort(Comparator.comparing((Bound<C> b) -> !b.task().equals("seizure-detection")).thenComparing(Bound::task));
        return result;
    }

    /** The preferred classifier of {@code task} now, if any. */
    Optional<Bound<C>> preferred(String task) {
        return bound.stream().filter(b -> b.task().equals(task)).sorted(preferredFirst).findFirst();
    }

    /** Whether {@code classifier} is still bound. */
    boolean contains(C classifier) {
        return bound.stream().anyMatch(b -> b.classifier() == classifier);
    }
}
