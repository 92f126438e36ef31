package io.ictal.detector.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the recording-level probability trace into seizure events as windows arrive: a centred moving
 * average, hysteresis (an event starts when the smoothed probability reaches {@code on} and ends when it
 * falls to {@code off} or below), events closer than {@code mergeGapSeconds} merged, events shorter than
 * {@code minDurationSeconds} dropped. A gap in the data (NaN) ends an open event.
 *
 * <p>Each window's time is its centre; an event spans from half a hop before its first window above
 * {@code on} to half a hop after its last window above {@code off}.
 */
final class EventFinder {

    /** What the finder reports: an event that closed, or one that grew by a merge (same {@code number}). */
    interface Sink {
        void event(Event event);
    }

    /** One event; {@code channelSums} and the best window's evidence accumulate while it is open. */
    static final class Event {
        final int number;
        double onset;
        double offset;
        double peak;
        final double[] channelSums;
        int windows;
        Evidence best;
        boolean reported;

        Event(int number, double onset, int channels) {
            this.number = number;
            this.onset = onset;
            this.channelSums = new double[channels];
        }

        double duration() {
            return offset - onset;
        }
    }

    /** The single most seizure-like channel window of an event: what its explanation shows. */
    record Evidence(double windowStart, double windowSeconds, int channel, double probability, float[][][] image, float[] cam) {
    }

    private final double on;
    private final double off;
    private final int smoothing;
    private final double minDuration;
    private final double mergeGap;
    private final double hop;
    private final Sink sink;

    private final List<Pending> raw = new ArrayList<>();
    private Event open;
    private Event closed;
    private int count;

    /** A window waiting for the later neighbours its smoothed value needs. */
    private record Pending(double time, double probability, double[] channels, Evidence evidence) {
    }

    EventFinder(double on, double off, int smoothingWindows, double minDurationSeconds, double mergeGapSeconds,
            double hopSeconds, Sink sink) {
        if (!(off < on)) {
            throw new IllegalArgumentException("the off threshold " + off + " must be below the on threshold " + on);
        }
        if (smoothingWindows < 1 || smoothingWindows % 2 == 0) {
            throw new IllegalArgumentException("smoothingWindows must be odd and >= 1, was " + smoothingWindows);
        }
        this.on = on;
        this.off = off;
        this.smoothing = smoothingWindows;
        this.minDuration = minDurationSeconds;
        this.mergeGap = mergeGapSeconds;
        this.hop = hopSeconds;
        this.sink = sink;
    }

    /**
     * The next window in time order.
     *
     * @param centreSeconds the window's centre
     * @param probability recording-level probability, NaN for a window without data
     * @param channels per-channel probabilities
     * @param evidence the window's most seizure-like channel (image and CAM), or null
     */
    void add(double centreSeconds, double probability, double[] channels, Evidence evidence) {
        if (Double.isNaN(probability)) {
            flush();
            return;
        }
        if (!raw.isEmpty() && centreSeconds - raw.get(raw.size() - 1).time() > hop * 1.5) {
            flush(); // a gap between segments: smoothing never reaches across it
        }
        raw.add(new Pending(centreSeconds, probability, channels, evidence));
        int half = smoothing / 2;
        // The first windows of a run are smoothed over what exists; later ones once their right half arrived.
        int ready = raw.size() - 1 - half;
        if (ready >= 0) {
            step(ready, raw.size());
        }
        if (raw.size() > smoothing + 1) {
            raw.remove(0);
        }
    }

    /** Ends the run (end of recording or a gap): the last windows are smoothed over what exists. */
    void flush() {
        int half = smoothing / 2;
        for (int i = Math.max(0, raw.size() - half); i < raw.size(); i++) {
            step(i, raw.size());
        }
        raw.clear();
        closeOpen();
    }

    /** Ends everything: the last pending event is reported if it is long enough. */
    void finish() {
        flush();
        if (closed != null && !closed.reported && closed.duration() >= minDuration) {
            report(closed);
        }
        closed = null;
    }

    private void step(int index, int available) {
        int half = smoothing / 2;
        double sum = 0;
        int n = 0;
        for (int j = Math.max(0, index - half); j <= Math.min(available - 1, index + half); j++) {
            sum += raw.get(j).probability();
            n++;
        }
        Pending w = raw.get(index);
        double smoothed = sum / n;
        if (open == null) {
            if (smoothed >= on) {
                start(w.time(), w.channels().length);
                accumulate(w, smoothed);
            }
        } else if (smoothed > off) {
            accumulate(w, smoothed);
        } else {
            closeOpen();
        }
    }

    private void start(double centre, int channels) {
        double onset = Math.max(0, centre - hop / 2);
        if (closed != null && onset - closed.offset <= mergeGap) {
            open = closed; // merge: the same event continues
        } else {
            if (closed != null && !closed.reported && closed.duration() >= minDuration) {
                report(closed);
            }
            open = new Event(++count, onset, channels);
        }
        closed = null;
    }

    private void accumulate(Pending w, double smoothed) {
        Event e = open;
        for (int c = 0; c < e.channelSums.length; c++) {
            e.channelSums[c] += w.channels()[c];
        }
        e.windows++;
        e.offset = w.time() + hop / 2;
        e.peak = Math.max(e.peak, smoothed);
        if (w.evidence() != null && (e.best == null || w.evidence().probability() > e.best.probability())) {
            e.best = w.evidence();
        }
    }

    private void closeOpen() {
        if (open == null) {
            return;
        }
        Event e = open;
        open = null;
        if (e.duration() >= minDuration) {
            report(e);
        }
        closed = e;
    }

    private void report(Event e) {
        e.reported = true;
        sink.event(e);
    }
}
