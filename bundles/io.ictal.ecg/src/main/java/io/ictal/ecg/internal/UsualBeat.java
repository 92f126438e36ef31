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
        int values = spectra.get(lo - first).length;
        float[] out = new float[values];
        float[] column = new float[hi - lo];
        for (int v = 0; v < values; v++) {
            for (int k = lo; k < hi; k++) {
                column[k - lo] = spectra.get(k - first)[v];
            }
            Arrays.sort(column);
            int m = column.length;
            out[v] = m % 2 == 1 ? column[m / 2] : (column[m / 2 - 1] + column[m / 2]) / 2f;
        }
        forgetBefore(ordinal - BEATS);
        return out;
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
