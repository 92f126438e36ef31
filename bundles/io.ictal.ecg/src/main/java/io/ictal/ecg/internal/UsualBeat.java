package io.ictal.ecg.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The record's usual beat, exactly as {@code training/ecg/features.py}'s {@code beat_templates}: for
 * each beat, the per-value median of the spectrograms of the {@value #BEATS} beats around it (shifted
 * to stay inside the record), over the beats whose window lies on the signal. The beat model sees a
 * beat beside it, so ventricular and supraventricular beats stand out against the patient's own
 * usual beat whatever the lead placement.
 *
 * <p>Streaming: spectrograms are added in beat order; a beat's template is known once the
 * {@value #BEATS} beats of its window have been added (the 32 after it, the first 64 at the start),
 * or the record has ended. Memory: the spectrograms from
 * {@value #BEATS} beats before the oldest beat not yet asked for to the newest added.
 */
final class UsualBeat {

    static final int BEATS = 64;

    private final List<float[]> spectra = new ArrayList<>();
    /** Ordinal (among the beats added) of spectra.get(0). */
    private int first;
    private int added;
    private boolean ended;
    /** The beats [windowLo, windowHi) of the last template, value-major, each value's column sorted. */
    private float[] window;
    private int windowLo = -1;
    private int windowHi = -1;
    private int values;

    /** Adds the next beat's spectrogram; returns its ordinal. */
    int add(float[] spectrogram) {
        if (ended) {
            throw new IllegalStateException("the record has ended");
        }
        spectra.add(spectrogram);
        return added++;
    }

    /** No more beats: the templates of the last ones are known now. */
    void end() {
        ended = true;
    }

    /** Whether the template of beat {@code ordinal} is known. */
    boolean ready(int ordinal) {
        return ordinal < added && (ended || added >= Math.max(0, ordinal - BEATS / 2) + BEATS);
    }

    /**
     * The template of beat {@code ordinal} (which must be {@link #ready}); beats long before it are
     * forgotten, so ask in increasing order.
     */
    float[] of(int ordinal) {
        if (!ready(ordinal)) {
            throw new IllegalStateException("the template of beat " + ordinal + " is not known yet");
        }
        // Once its whole window has been added, the range does not depend on the record's length.
        int lo = ended ? Math.min(Math.max(0, ordinal - BEATS / 2), Math.max(0, added - BEATS))
                : Math.max(0, ordinal - BEATS / 2);
        int hi = Math.min(added, lo + BEATS);
        if (lo < first) {
            throw new IllegalStateException("beat " + lo + " was forgotten: ask for templates in increasing order");
        }
        slideTo(lo, hi);
        int m = hi - lo;
        float[] out = new float[values];
        for (int v = 0; v < values; v++) {
            int base = v * BEATS;
            out[v] = m % 2 == 1 ? window[base + m / 2] : (window[base + m / 2 - 1] + window[base + m / 2]) / 2f;
        }
        forgetBefore(ordinal - BEATS);
        return out;
    }

    /**
     * Makes {@link #window} hold the beats [lo, hi), each value's column sorted: one step along the
     * record replaces the oldest beat's value by the newest one's in every column (~64 moves a value
     * at most), instead of sorting 64 values per value per beat.
     */
    private void slideTo(int lo, int hi) {
        if (lo == windowLo && hi == windowHi) {
            return;
        }
        if (windowLo >= 0 && hi - lo == windowHi - windowLo && lo > windowLo && lo < windowHi) {
            for (; windowLo < lo; windowLo++, windowHi++) {
                replace(spectrum(windowLo), spectrum(windowHi));
            }
            return;
        }
        values = spectrum(lo).length;
        window = new float[values * BEATS];
        for (int k = lo; k < hi; k++) {
            float[] s = spectrum(k);
            for (int v = 0; v < values; v++) {
                window[v * BEATS + k - lo] = s[v];
            }
        }
        for (int v = 0; v < values; v++) {
            Arrays.sort(window, v * BEATS, v * BEATS + hi - lo);
        }
        windowLo = lo;
        windowHi = hi;
    }

    /** In every sorted column: the value of {@code leaving} replaced by that of {@code entering}. */
    private void replace(float[] leaving, float[] entering) {
        int m = windowHi - windowLo;
        for (int v = 0; v < values; v++) {
            int base = v * BEATS;
            int i = Arrays.binarySearch(window, base, base + m, leaving[v]);
            if (i < 0) {
                throw new IllegalStateException("value " + v + " of the leaving beat is not in the window");
            }
            float x = entering[v];
            while (i > base && Float.compare(window[i - 1], x) > 0) {
                window[i] = window[i - 1];
                i--;
            }
            while (i < base + m - 1 && Float.compare(window[i + 1], x) < 0) {
                window[i] = window[i + 1];
                i++;
            }
            window[i] = x;
        }
    }

    private float[] spectrum(int ordinal) {
        return spectra.get(ordinal - first);
    }

    private void forgetBefore(int ordinal) {
        int drop = Math.min(spectra.size(), ordinal - first);
        if (drop > 0) {
            spectra.subList(0, drop).clear();
            first += drop;
        }
    }

    /** Spectrograms held (for tests of the memory bound). */
    int held() {
        return spectra.size();
    }
}
