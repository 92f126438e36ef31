package io.ictal.ecg.internal;

import io.ictal.api.detection.Detection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs of consecutive ectopic beats of one class (S or V), reported as episodes labelled
 * {@code S-RUN} or {@code V-RUN} once they end: onset at the first R peak, duration to the last, the
 * confidence the mean probability of the class over the run's beats. A beat of another class, or
 * one that could not be classified (a gap in the signal), ends a run. Runs that the {@code
 * suppressed} test rejects are not reported (supraventricular runs within atrial fibrillation: the
 * irregular conducted beats of AF are not ectopic beats).
 */
final class EctopicRuns {

    private final HeadContract head;
    private final int[] ectopicLabels;
    private final int minBeats;
    private final List<String> channels;
    private final Consumer<Detection> report;
    private final Suppression suppressed;
    private final int[] reported;

    private int label = -1;
    private double first;
    private double last;
    private Scores scores;

    /** Decides whether a run of a label between two times is left out. */
    interface Suppression {
        boolean test(String label, double first, double last);
    }

    EctopicRuns(HeadContract head, String[] ectopic, int minBeats, List<String> channels, Consumer<Detection> report,
            Suppression suppressed) {
        this.head = head;
        this.ectopicLabels = new int[ectopic.length];
        for (int k = 0; k < ectopic.length; k++) {
            ectopicLabels[k] = head.labelIndex(ectopic[k]);
        }
        this.minBeats = minBeats;
        this.channels = channels;
        this.report = report;
        this.suppressed = suppressed;
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
        String name = label >= 0 ? head.card().labels().get(label) : null;
        if (label >= 0 && scores.count() >= minBeats && !suppressed.test(name, first, last)) {
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
