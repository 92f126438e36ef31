package io.ictal.ecg.internal;

import io.ictal.api.detection.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Atrial-fibrillation episodes from consecutive rhythm windows. Each window's AF probability is
 * first averaged with its neighbours' (a 20 s context for 10 s windows every 5 s: single windows
 * flicker around the threshold within one episode), then a hysteresis opens an episode at the card's
 * threshold for {@code A} and keeps it open while the smoothed probability stays at or above the
 * configured lower threshold. An episode shorter than the minimum is dropped; each is reported once
 * it ends, labelled {@code AFIB}, its confidence the mean raw AF probability of its windows and its
 * scores the mean of every rhythm class. A gap in the signal ends an episode.
 */
final class AfEpisodes {

    private final HeadContract head;
    private final int af;
    private final double onThreshold;
    private final double offThreshold;
    private final double minSeconds;
    private final List<String> channels;
    private final Consumer<Detection> report;

    /** The last two windows received: [0] the older, whose smoothed value awaits [1]'s successor. */
    private final Window[] recent = new Window[2];
    private Window beforeRecent;

    /** Reported episodes as {start, end}, for {@link #covers}; a few per recording. */
    private final List<double[]> episodes = new ArrayList<>();
    private boolean open;
    private double start;
    private double end;
    private Scores scores;
    private int reported;

    private record Window(double start, double end, float[] probabilities) {
    }

    AfEpisodes(HeadContract head, double minSeconds, double offThreshold, List<String> channels,
            Consumer<Detection> report) {
        this.head = head;
        this.af = head.labelIndex("A");
        this.onThreshold = head.threshold("A", 0.5);
        this.offThreshold = Math.min(offThreshold, onThreshold);
        this.minSeconds = minSeconds;
        this.channels = channels;
        this.report = report;
    }

    void window(double windowStart, double windowEnd, float[] probabilities) {
        Window w = new Window(windowStart, windowEnd, probabilities);
        if (recent[1] != null) {
            decide(recent[1], beforeRecent, w);
            beforeRecent = recent[1];
        }
        recent[1] = w;
    }

    /** Decides the last window with the neighbours it has, then ends any episode. */
    void gap() {
        if (recent[1] != null) {
            decide(recent[1], beforeRecent, null);
        }
        recent[1] = null;
        beforeRecent = null;
        end();
    }

    void close() {
        gap();
    }

    private void decide(Window w, Window previous, Window next) {
        double sum = w.probabilities()[af];
        int n = 1;
        for (Window neighbour : new Window[] {previous, next}) {
            if (neighbour != null) {
                sum += neighbour.probabilities()[af];
                n++;
            }
        }
        double smoothed = sum / n;
        if (open ? smoothed >= offThreshold : smoothed >= onThreshold) {
            if (!open) {
                open = true;
                start = w.start();
                scores = new Scores(head.card().labels());
            }
            end = w.end();
            scores.add(w.probabilities());
        } else {
            end();
        }
    }

    /** Whether [from, to] overlaps an AF episode reported so far or the one now open. */
    boolean covers(double from, double to) {
        if (open && from <= end && to >= start) {
            return true;
        }
        return episodes.stream().anyMatch(e -> from <= e[1] && to >= e[0]);
    }

    private void end() {
        if (open && end - start >= minSeconds) {
            episodes.add(new double[] {start, end});
            reported++;
            report.accept(new Detection(String.format(Locale.ROOT, "ecg-afib-%04d", reported),
                    EcgClassifier.BEAT_TASK, "AFIB", start, end - start, channels, scores.mean(af), head.identity(),
                    scores.means(), null));
        }
        open = false;
    }
}
