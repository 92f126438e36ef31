package io.ictal.ecg.internal;

import io.ictal.api.detection.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleBinaryOperator;

/**
 * Atrial-fibrillation episodes from consecutive rhythm windows. Each window's AF probability is
 * first averaged with its neighbours' (a 20 s context for 10 s windows every 5 s: single windows
 * flicker around the threshold within one episode), then a hysteresis opens an episode at the card's
 * threshold for {@code A} and keeps it open while the smoothed probability stays at or above the
 * lower threshold. Episodes less than the merge gap apart become one; an episode shorter than the
 * minimum is dropped, and so is one whose RR series is not irregular: AF is irregularly irregular, so
 * an episode needs the median absolute successive RR difference over the mean RR across its span (the
 * rhythm RR feature 4, computed over the episode) to reach a minimum (chosen on the CinC 2017 A
 * records by {@code training/ecg/af_eval.py}); the model alone called AF on sinus rhythm with regular
 * RR intervals. Each is reported once no later window can extend it, labelled {@code AFIB}, its
 * confidence the mean raw AF probability of its windows and its scores the mean of every rhythm
 * class. A gap in the signal ends an episode.
 */
final class AfEpisodes {

    private final HeadContract head;
    private final int af;
    private final double onThreshold;
    private final double offThreshold;
    private final double minSeconds;
    private final double mergeGapSeconds;
    private final double minIrregularity;
    /** RR irregularity of the beats in [start, end): median |dRR| / mean RR. */
    private final DoubleBinaryOperator irregularity;
    private final List<String> channels;
    private final Consumer<Detection> report;

    /** The newest window, whose smoothed value awaits its successor, and the one before it. */
    private Window newest;
    private Window previous;

    /** The episode the hysteresis holds open. */
    private Episode open;
    /** The last episode that ended, held back while a later one may still merge with it. */
    private Episode pending;
    /** Reported episodes as {start, end}, for {@link #covers}: a few per recording. */
    private final List<double[]> reportedEpisodes = new ArrayList<>();

    private record Window(double start, double end, float[] probabilities) {
    }

    private static final class Episode {
        final double start;
        double end;
        final Scores scores;

        Episode(double start, double end, Scores scores) {
            this.start = start;
            this.end = end;
            this.scores = scores;
        }
    }

    AfEpisodes(HeadContract head, double minSeconds, double offThreshold, double mergeGapSeconds,
            double minIrregularity, DoubleBinaryOperator irregularity, List<String> channels,
            Consumer<Detection> report) {
        this.head = head;
        this.af = head.labelIndex("A");
        this.onThreshold = head.threshold("A", 0.5);
        this.offThreshold = Math.min(offThreshold, onThreshold);
        this.minSeconds = minSeconds;
        this.mergeGapSeconds = mergeGapSeconds;
        this.minIrregularity = minIrregularity;
        this.irregularity = irregularity;
        this.channels = channels;
        this.report = report;
    }

    void window(double windowStart, double windowEnd, float[] probabilities) {
        Window w = new Window(windowStart, windowEnd, probabilities);
        if (newest != null) {
            decide(newest, previous, w);
            previous = newest;
        }
        newest = w;
    }

    /** A gap in the signal: decides the last window with the neighbours it has and ends every episode. */
    void gap() {
        if (newest != null) {
            decide(newest, previous, null);
        }
        newest = null;
        previous = null;
        endOpen();
        reportPending();
    }

    void close() {
        gap();
    }

    /**
     * Whether [from, to] overlaps an AF episode reported, or pending or open with irregular RR so far
     * (or the gap they will merge over).
     */
    boolean covers(double from, double to) {
        if (pending != null && open != null && open.start - pending.end <= mergeGapSeconds
                && from <= open.end && to >= pending.start && irregular(pending.start, open.end)) {
            return true;
        }
        for (Episode e : new Episode[] {open, pending}) {
            if (e != null && from <= e.end && to >= e.start && irregular(e.start, e.end)) {
                return true;
            }
        }
        return reportedEpisodes.stream().anyMatch(e -> from <= e[1] && to >= e[0]);
    }

    private void decide(Window w, Window before, Window after) {
        double sum = w.probabilities()[af];
        int n = 1;
        for (Window neighbour : new Window[] {before, after}) {
            if (neighbour != null) {
                sum += neighbour.probabilities()[af];
                n++;
            }
        }
        double smoothed = sum / n;
        if (open != null ? smoothed >= offThreshold : smoothed >= onThreshold) {
            if (open == null) {
                open = new Episode(w.start(), w.end(), new Scores(head.card().labels()));
            }
            open.end = w.end();
            open.scores.add(w.probabilities());
        } else {
            endOpen();
            if (pending != null && w.start() > pending.end + mergeGapSeconds) {
                reportPending();
            }
        }
    }

    private void endOpen() {
        if (open == null) {
            return;
        }
        if (pending != null && open.start - pending.end <= mergeGapSeconds) {
            pending.end = open.end;
            pending.scores.add(open.scores);
        } else {
            reportPending();
            pending = open;
        }
        open = null;
    }

    private void reportPending() {
        if (pending != null && pending.end - pending.start >= minSeconds && irregular(pending.start, pending.end)) {
            reportedEpisodes.add(new double[] {pending.start, pending.end});
            report.accept(new Detection(String.format(Locale.ROOT, "ecg-afib-%04d", reportedEpisodes.size()),
                    EcgClassifier.BEAT_TASK, "AFIB", pending.start, pending.end - pending.start, channels,
                    pending.scores.mean(af), head.identity(), pending.scores.means(), null));
        }
        pending = null;
    }

    private boolean irregular(double start, double end) {
        return irregularity.applyAsDouble(start, end) >= minIrregularity;
    }
}
