package io.ictal.ecg.internal;

import io.ictal.api.detection.Detection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Atrial-fibrillation episodes from consecutive rhythm windows whose AF probability reaches the
 * card's threshold for {@code A}: overlapping or touching windows are merged, an episode shorter than
 * the minimum is dropped, and each is reported once it ends, labelled {@code AFIB}, with the mean
 * AF probability of its windows as confidence and the mean of every rhythm class as scores.
 */
final class AfEpisodes {

    private final HeadContract head;
    private final int af;
    private final double threshold;
    private final double minSeconds;
    private final List<String> channels;
    private final Consumer<Detection> report;

    private boolean open;
    private double start;
    private double end;
    private Scores scores;
    private int reported;

    AfEpisodes(HeadContract head, double minSeconds, List<String> channels, Consumer<Detection> report) {
        this.head = head;
        this.af = head.labelIndex("A");
        this.threshold = head.threshold("A", 0.5);
        this.minSeconds = minSeconds;
        this.channels = channels;
        this.report = report;
    }

    void window(double windowStart, double windowEnd, float[] probabilities) {
        if (probabilities[af] < threshold) {
            close();
            return;
        }
        if (open && windowStart > end + 1e-9) {
            close();
        }
        if (!open) {
            open = true;
            start = windowStart;
            scores = new Scores(head.card().labels());
        }
        end = windowEnd;
        scores.add(probabilities);
    }

    void gap() {
        close();
    }

    void close() {
        if (open && end - start >= minSeconds) {
            reported++;
            report.accept(new Detection(String.format(Locale.ROOT, "ecg-afib-%04d", reported),
                    EcgClassifier.BEAT_TASK, "AFIB", start, end - start, channels, scores.mean(af), head.identity(),
                    scores.means(), null));
        }
        open = false;
    }
}
