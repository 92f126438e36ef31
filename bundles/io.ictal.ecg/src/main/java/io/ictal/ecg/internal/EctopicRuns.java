package io.ictal.ecg.internal;

import io.ictal.api.detection.Detection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs of consecutive ectopic beats of one class (S or V), reported as episodes labelled
 * {@code S-RUN} or {@code V-RUN} once they end: onset at the first R peak, duration to the last, the
 * confidence the mean probability of the class over the run's beats. A beat of another class, or
 * one that could not be classified (a gap in the signal), ends a run.
 */
final class EctopicRuns {

    private final HeadContract head;
    private final int[] ectopicLabels;
    private final int minBeats;
    private final List<String> channels;
    private final Consumer<Detection> report;
    private final int[] reported;

    private int label = -1;
    private double first;
    private double last;
    private Scores scores;

    EctopicRuns(HeadContract head, String[] ectopic, int minBeats, List<String> channels, Consumer<Detection> report) {
        this.head = head;
        this.ectopicLabels = new int[ectopic.length];
        for (int k = 0; k < ectopic.length; k++) {
            ectopicLabels[k] = head.labelIndex(ectopic[k]);
        }
        this.minBeats = minBeats;
        this.channels = channels;
        this.report = report;
        this.reported = new int[head.card().labels().size()];
    }

    void beat(double t, int beatLabel, float[] probabilities) {
        if (beatLabel != label) {
            close();
        }
        if (!isEctopic(beatLabel)) {
            return;
        }
        if (label < 0) {
            label = beatLabel;
            first = t;
            scores = new Scores(head.card().labels());
        }
        last = t;
        scores.add(probabilities);
    }

    void gap() {
        close();
    }

    void close() {
        if (label >= 0 && scores.count() >= minBeats) {
            String name = head.card().labels().get(label);
            int number = ++reported[label];
            report.accept(new Detection(String.format(Locale.ROOT, "ecg-%s-run-%04d", name.toLowerCase(Locale.ROOT),
                    number), EcgClassifier.BEAT_TASK, name + "-RUN", first, last - first, channels, scores.mean(label),
                    head.identity(), scores.means(), null));
        }
        label = -1;
    }

    private boolean isEctopic(int beatLabel) {
        for (int e : ectopicLabels) {
            if (e == beatLabel) {
                return true;
            }
        }
        return false;
    }
}
