package io.ictal.ecg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The usual beat streamed as EcgRun uses it gives what the whole record at once gives. */
class UsualBeatTest {

    private static List<float[]> beats(int count, long seed) {
        Random random = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] s = new float[7];
            for (int v = 0; v < s.length; v++) {
                s[v] = (float) (random.nextGaussian() * 10 + v);
            }
            out.add(s);
        }
        return out;
    }

    @Test
    void streamingGivesTheWholeRecordTemplatesWithBoundedMemory() {
        List<float[]> spectra = beats(300, 5);
        UsualBeat whole = new UsualBeat();
        spectra.forEach(whole::add);
        whole.end();
        List<float[]> expected = new ArrayList<>();
        for (int i = 0; i < spectra.size(); i++) {
            expected.add(whole.of(i));
        }
        UsualBeat streamed = new UsualBeat();
        int next = 0;
        int mostHeld = 0;
        for (float[] s : spectra) {
            streamed.add(s);
            while (streamed.ready(next)) {
                assertArrayEquals(expected.get(next), streamed.of(next), "beat " + next);
                next++;
            }
            mostHeld = Math.max(mostHeld, streamed.held());
        }
        assertEquals(spectra.size() - UsualBeat.BEATS / 2 + 1, next, "ready once the 32 beats after it are in");
        streamed.end();
        for (; next < spectra.size(); next++) {
            assertArrayEquals(expected.get(next), streamed.of(next), "beat " + next);
        }
        assertTrue(mostHeld <= UsualBeat.BEATS + UsualBeat.BEATS / 2 + 1, "held " + mostHeld);
    }

    @Test
    void theTemplateIsThePerValueMedianOfTheBeatsAround() {
        List<float[]> spectra = beats(100, 9);
        UsualBeat usual = new UsualBeat();
        spectra.forEach(usual::add);
        usual.end();
        // beat 3: the first 64 beats; beat 50: beats 18..81; beat 90 near the end: the last 64 (36..99)
        int[][] ranges = {{3, 0}, {50, 18}, {90, 36}};
        for (int[] r : ranges) {
            float[] t = usual.of(r[0]);
            for (int v = 0; v < t.length; v++) {
                int below = 0;
                int above = 0;
                for (int k = r[1]; k < r[1] + UsualBeat.BEATS; k++) {
                    float x = spectra.get(k)[v];
                    below += x < t[v] ? 1 : 0;
                    above += x > t[v] ? 1 : 0;
                }
                assertEquals(UsualBeat.BEATS / 2, below, "beat " + r[0] + " value " + v);
                assertEquals(UsualBeat.BEATS / 2, above, "beat " + r[0] + " value " + v);
            }
        }
    }

    @Test
    void aTemplateIsNotGivenBeforeItIsKnown() {
        UsualBeat usual = new UsualBeat();
        beats(63, 1).forEach(usual::add);
        assertFalse(usual.ready(0), "the first beats need the first 64");
        usual.add(new float[7]);
        assertTrue(usual.ready(32));
        assertFalse(usual.ready(33), "beat 33 needs beats up to 64");
        assertThrows(IllegalStateException.class, () -> usual.of(33));
        usual.end();
        assertTrue(usual.ready(63));
        assertEquals(7, usual.of(63).length);
    }
}
