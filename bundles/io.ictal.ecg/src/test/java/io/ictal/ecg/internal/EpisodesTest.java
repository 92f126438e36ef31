package io.ictal.ecg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.detection.ClassificationException;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.Trend;
import io.ictal.inference.internal.ShippedEcgModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Post-processing without models: runs of ectopic beats, AF episodes, trend bins. */
class EpisodesTest {

    private static final HeadContract BEAT;
    private static final HeadContract RHYTHM;

    static {
        try {
            var models = ShippedEcgModels.registry();
            BEAT = HeadContract.of(models.active(EcgClassifier.BEAT_TASK).orElseThrow(), RrFeatures.BEAT,
                    List.of("N", "S", "V"));
            RHYTHM = HeadContract.of(models.active(EcgClassifier.RHYTHM_TASK).orElseThrow(), RrFeatures.RHYTHM,
                    List.of("A"));
        } catch (ClassificationException e) {
            throw new AssertionError(e);
        }
    }

    private static float[] beat(int label) {
        float[] p = new float[4];
        p[label] = 0.9f;
        p[(label + 1) % 4] = 0.1f;
        return p;
    }

    @Test
    void threeConsecutiveVentricularBeatsAreARunTwoAreNot() {
        List<Detection> found = new ArrayList<>();
        EctopicRuns runs = new EctopicRuns(BEAT, new String[] {"S", "V"}, 3, List.of("EKG"), found::add,
                (label, first, last) -> false);
        int n = BEAT.labelIndex("N");
        int v = BEAT.labelIndex("V");
        int s = BEAT.labelIndex("S");
        int[] labels = {n, v, v, n, v, v, v, s, s, s, s, n};
        for (int k = 0; k < labels.length; k++) {
            runs.beat(k, labels[k], beat(labels[k]));
        }
        runs.close();
        assertEquals(2, found.size(), found::toString);
        assertEquals("V-RUN", found.get(0).label());
        assertEquals(4, found.get(0).onsetSeconds());
        assertEquals(2, found.get(0).durationSeconds());
        assertEquals(0.9, found.get(0).confidence(), 1e-6);
        assertEquals("ecg-v-run-0001", found.get(0).id());
        assertEquals("S-RUN", found.get(1).label());
        assertEquals(7, found.get(1).onsetSeconds());
        assertEquals(3, found.get(1).durationSeconds());
    }

    @Test
    void suppressedRunsAreNotReported() {
        List<Detection> found = new ArrayList<>();
        EctopicRuns runs = new EctopicRuns(BEAT, new String[] {"S", "V"}, 3, List.of("EKG"), found::add,
                (label, first, last) -> label.equals("S") && first >= 10);
        int s = BEAT.labelIndex("S");
        int n = BEAT.labelIndex("N");
        for (double t : new double[] {1, 2, 3}) {
            runs.beat(t, s, beat(s));
        }
        runs.beat(4, n, beat(n));
        for (double t : new double[] {11, 12, 13}) {
            runs.beat(t, s, beat(s));
        }
        runs.close();
        assertEquals(1, found.size(), found::toString);
        assertEquals(1, found.get(0).onsetSeconds());
    }

    @Test
    void aGapEndsARun() {
        List<Detection> found = new ArrayList<>();
        EctopicRuns runs = new EctopicRuns(BEAT, new String[] {"S", "V"}, 3, List.of("EKG"), found::add,
                (label, first, last) -> false);
        int v = BEAT.labelIndex("V");
        runs.beat(0, v, beat(v));
        runs.beat(1, v, beat(v));
        runs.gap();
        runs.beat(5, v, beat(v));
        runs.close();
        assertTrue(found.isEmpty(), found::toString);
    }

    @Test
    void afWindowsAreSmoothedWithHysteresisAndShortEpisodesDropped() {
        List<Detection> found = new ArrayList<>();
        AfEpisodes af = new AfEpisodes(RHYTHM, 30, 0.25, 0, 0, (from, to) -> 0, List.of("EKG"), found::add);
        int a = RHYTHM.labelIndex("A");
        float[] afWindow = new float[3];
        afWindow[a] = 0.8f;
        afWindow[RHYTHM.labelIndex("N")] = 0.2f;
        float[] sinus = new float[3];
        sinus[RHYTHM.labelIndex("N")] = 1f;
        // Smoothed p(A): 0.27 0.53 0.8 0.8 0.8 0.53 0.27 0 0 0.27 0.27 0.27 0: one episode of windows 1-6
        // (the hysteresis keeps it open down to 0.25); windows 9-11 never reach the opening threshold.
        boolean[] isAf = {false, true, true, true, true, true, false, false, false, false, true, false, false};
        for (int k = 0; k < isAf.length; k++) {
            af.window(5 * k, 5 * k + 10, isAf[k] ? afWindow : sinus);
        }
        af.gap();
        // Two AF windows alone make a 20 s episode: shorter than the 30 s minimum.
        boolean[] shortRun = {false, true, true, false, false};
        for (int k = 0; k < shortRun.length; k++) {
            af.window(100 + 5 * k, 110 + 5 * k, shortRun[k] ? afWindow : sinus);
        }
        af.close();
        assertEquals(1, found.size(), found::toString);
        Detection episode = found.get(0);
        assertEquals("AFIB", episode.label());
        assertEquals(5, episode.onsetSeconds());
        assertEquals(35, episode.durationSeconds());
        assertEquals(0.8 * 5 / 6, episode.confidence(), 1e-6, "mean raw p(A) over windows 1-6");
        assertEquals(0.8 * 5 / 6, episode.scores().get("A"), 1e-6);
        assertEquals("ecg-afib-0001", episode.id());
    }

    @Test
    void episodesLessThanTheMergeGapApartBecomeOne() {
        int a = RHYTHM.labelIndex("A");
        float[] afWindow = new float[3];
        afWindow[a] = 1f;
        float[] sinus = new float[3];
        sinus[RHYTHM.labelIndex("N")] = 1f;
        // Windows every 5 s: AF, AF, AF, AF, 4 x sinus, AF, AF, AF, AF, 4 x sinus: episodes [0, 30] and [40, 70].
        boolean[] isAf = {true, true, true, true, false, false, false, false, true, true, true, true, false, false,
            false, false};
        for (double gap : new double[] {0, 30}) {
            List<Detection> found = new ArrayList<>();
            AfEpisodes af = new AfEpisodes(RHYTHM, 30, 0.25, gap, 0, (from, to) -> 0, List.of("EKG"), found::add);
            for (int k = 0; k < isAf.length; k++) {
                af.window(5 * k, 5 * k + 10, isAf[k] ? afWindow : sinus);
            }
            af.close();
            if (gap == 0) {
                assertEquals(2, found.size(), found::toString);
                assertEquals(40, found.get(1).onsetSeconds());
            } else {
                assertEquals(1, found.size(), found::toString);
                assertEquals(0, found.get(0).onsetSeconds());
                assertEquals(70, found.get(0).durationSeconds());
                assertEquals(0.8, found.get(0).confidence(), 1e-6, "mean raw p(A) over both parts' windows");
                assertTrue(af.covers(65, 66));
            }
        }
    }

    @Test
    void episodesWithRegularRrAreNotReported() {
        int a = RHYTHM.labelIndex("A");
        float[] afWindow = new float[3];
        afWindow[a] = 1f;
        float[] sinus = new float[3];
        sinus[RHYTHM.labelIndex("N")] = 1f;
        // Two model episodes, [0, 35] and [100, 135] (the hysteresis keeps each open one window longer);
        // the RR series is irregular only after 90 s.
        boolean[] isAf = new boolean[30];
        for (int k : new int[] {0, 1, 2, 3, 4, 20, 21, 22, 23, 24}) {
            isAf[k] = true;
        }
        List<double[]> asked = new ArrayList<>();
        List<Detection> found = new ArrayList<>();
        AfEpisodes af = new AfEpisodes(RHYTHM, 30, 0.25, 30, 0.06, (from, to) -> {
            asked.add(new double[] {from, to});
            return from >= 90 ? 0.2 : 0.03;
        }, List.of("EKG"), found::add);
        for (int k = 0; k < isAf.length; k++) {
            af.window(5 * k, 5 * k + 10, isAf[k] ? afWindow : sinus);
        }
        assertFalse(af.covers(10, 20), "a regular candidate does not suppress S runs");
        af.close();
        assertEquals(1, found.size(), found::toString);
        assertEquals(100, found.get(0).onsetSeconds());
        assertEquals(35, found.get(0).durationSeconds());
        assertTrue(asked.stream().anyMatch(span -> span[0] == 0 && span[1] == 35), "the gate sees the episode's span");
        assertTrue(af.covers(110, 120));
        assertFalse(af.covers(10, 20));
    }

    @Test
    void trendBinsReportRatesOnceClassified() {
        List<Trend> trends = new ArrayList<>();
        ClassificationListener listener = ClassificationListener.trendsTo(trends::add);
        TrendBins bins = new TrendBins(60, 90, listener);
        for (int k = 0; k < 90; k++) {
            bins.beat(k + 0.5);
            bins.classified(k + 0.5, k % 10 == 0 ? "V" : "N");
        }
        bins.flush(59);
        assertTrue(trends.isEmpty(), "nothing before the first bin is classified");
        bins.flush(Double.POSITIVE_INFINITY);
        Trend rate = trends.stream().filter(t -> t.seriesId().equals("ecg-heart-rate")).findFirst().orElseThrow();
        assertEquals(60.0, rate.values()[0], 1e-9);
        assertEquals(60.0, rate.values()[1], 1e-9, "the partial last bin is scaled by its 30 s");
        Trend v = trends.stream().filter(t -> t.seriesId().equals("ecg-v-per-hour")).findFirst().orElseThrow();
        assertEquals(6 * 60.0, v.values()[0], 1e-9);
        assertEquals(30, v.startSeconds());
    }
}
