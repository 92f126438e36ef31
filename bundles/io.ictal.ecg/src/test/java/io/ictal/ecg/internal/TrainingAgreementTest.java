package io.ictal.ecg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.ictal.api.spectrogram.Detrend;
import io.ictal.api.spectrogram.SpectrogramService;
import io.ictal.api.spectrogram.SpectrumScale;
import io.ictal.api.spectrogram.StftParameters;
import io.ictal.api.spectrogram.Taper;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The classifier's inputs are the tensors the models were trained on: R peaks, RR features,
 * spectrograms (through the Java spectrogram service, with the cards' STFT parameters), usual-beat
 * templates, beat waveforms (resampled by the same service, 360 to 128 Hz) and usual waveforms of a
 * synthetic ECG agree with what training/ecg computed (fixture made by training/ecg/make_fixtures.py).
 */
class TrainingAgreementTest {

    /** Decibels: the fixture keeps 5 decimals; the STFT itself agrees with scipy to ~1e-4 relative. */
    private static final double DB_TOLERANCE = 2e-3;

    private static JsonObject fixture() throws IOException {
        try (Reader r = new InputStreamReader(TrainingAgreementTest.class.getResourceAsStream("/ecg-agreement.json"),
                StandardCharsets.UTF_8)) {
            return new Gson().fromJson(r, JsonObject.class);
        }
    }

    private static float[] floats(JsonObject f, String name) {
        return new Gson().fromJson(f.get(name), float[].class);
    }

    private static StftParameters stft(JsonObject f) {
        JsonObject p = f.getAsJsonObject("stft");
        return new StftParameters(p.get("windowSeconds").getAsDouble(), p.get("hopSeconds").getAsDouble(),
                Taper.valueOf(p.get("taper").getAsString()), Detrend.valueOf(p.get("detrend").getAsString()),
                SpectrumScale.valueOf(p.get("scale").getAsString()), p.get("minHz").getAsDouble(),
                p.get("maxHz").getAsDouble(), p.get("resampleToHz").getAsDouble());
    }

    @Test
    void rPeaksAreThoseTheRhythmModelWasTrainedWith() throws IOException {
        JsonObject f = fixture();
        int[] expected = new Gson().fromJson(f.get("peaks"), int[].class);
        int[] actual = RPeakDetector.detect(floats(f, "samples"), f.get("rateHz").getAsDouble());
        assertArrayEquals(expected, actual);
    }

    @Test
    void rrFeaturesMatchTraining() throws IOException {
        JsonObject f = fixture();
        double rate = f.get("rateHz").getAsDouble();
        int[] peaks = new Gson().fromJson(f.get("peaks"), int[].class);
        double[] times = Arrays.stream(peaks).mapToDouble(p -> p / rate).toArray();
        float[][] beatRr = new Gson().fromJson(f.get("beatRr"), float[][].class);
        for (int i = 0; i < peaks.length; i++) {
            assertArrayEquals(beatRr[i], RrFeatures.beat(times, times.length, i), 1e-5f, "beat " + i);
        }
        assertArrayEquals(floats(f, "rhythmRr"), RrFeatures.rhythm(times, times.length,
                f.get("rhythmStartSeconds").getAsDouble(), f.get("rhythmSeconds").getAsDouble()), 1e-5f);
    }

    @Test
    void spectrogramsThroughTheServiceMatchTraining() throws IOException {
        JsonObject f = fixture();
        double rate = f.get("rateHz").getAsDouble();
        float[] x = floats(f, "samples");
        SpectrogramService service = TestServices.spectrograms();
        assertWindow(service, x, rate, stft(f), f.get("beatStartSeconds").getAsDouble(),
                f.get("beatSeconds").getAsDouble(), floats(f, "beatSpectrogram"),
                f.getAsJsonObject("frames").get("beat").getAsInt());
        assertWindow(service, x, rate, stft(f), f.get("rhythmStartSeconds").getAsDouble(),
                f.get("rhythmSeconds").getAsDouble(), floats(f, "rhythmSpectrogram"),
                f.getAsJsonObject("frames").get("rhythm").getAsInt());
    }

    @Test
    void usualBeatsMatchTraining() throws IOException {
        JsonObject f = fixture();
        double rate = f.get("rateHz").getAsDouble();
        float[] x = floats(f, "samples");
        int[] peaks = new Gson().fromJson(f.get("peaks"), int[].class);
        double seconds = f.get("beatSeconds").getAsDouble();
        assertEquals(UsualBeat.BEATS, f.get("templateBeatsPerTemplate").getAsInt());
        SpectrogramService service = TestServices.spectrograms();
        UsualBeat usual = new UsualBeat();
        List<Integer> onSignal = new ArrayList<>();
        for (int i = 0; i < peaks.length; i++) {
            int first = (int) Math.floor((peaks[i] / rate - seconds / 2) * rate + 0.5);
            int n = (int) Math.floor(seconds * rate + 0.5);
            if (first >= 0 && first + n <= x.length) { // as EcgRun: a window off the signal has no spectrogram
                usual.add(service.stft(Arrays.copyOfRange(x, first, first + n), rate, stft(f)).values());
                onSignal.add(i);
            }
        }
        usual.end();
        assertEquals(List.of(new Gson().fromJson(f.get("templateBeats"), Integer[].class)), onSignal);
        int[] ordinals = new Gson().fromJson(f.get("templateOrdinals"), int[].class);
        float[][] expected = new Gson().fromJson(f.get("beatTemplates"), float[][].class);
        assertTrue(onSignal.size() > 2 * UsualBeat.BEATS / 2 + 2, "the template window must slide");
        for (int k = 0; k < ordinals.length; k++) {
            float[] actual = usual.of(ordinals[k]);
            assertEquals(expected[k].length, actual.length);
            for (int v = 0; v < actual.length; v++) {
                assertEquals(expected[k][v], actual[v], DB_TOLERANCE, "beat " + ordinals[k] + ", value " + v);
            }
        }
    }

    /** The fixture's waveforms are in mV (R peak ~1) with 6 decimals; resampling agrees with scipy to ~1e-6. */
    private static final double WAVE_TOLERANCE = 1e-4;

    @Test
    void beatWaveformsAndUsualWaveformsMatchTraining() throws IOException {
        JsonObject f = fixture();
        double rate = f.get("rateHz").getAsDouble();
        double modelRate = stft(f).resampleToHz();
        float[] x = floats(f, "samples");
        int[] peaks = new Gson().fromJson(f.get("peaks"), int[].class);
        double seconds = f.get("beatSeconds").getAsDouble();
        JsonObject wave = f.getAsJsonObject("wave");
        assertEquals(wave.get("beforeSeconds").getAsDouble(), BeatWaveform.BEFORE_S);
        assertEquals(wave.get("afterSeconds").getAsDouble(), BeatWaveform.AFTER_S);
        assertEquals(wave.get("samples").getAsInt(), BeatWaveform.samples(modelRate));
        SpectrogramService service = TestServices.spectrograms();
        int n = (int) Math.floor(seconds * rate + 0.5);
        int beatFirst = (int) Math.floor(f.get("beatStartSeconds").getAsDouble() * rate + 0.5);
        assertClose(floats(f, "beatWave"), BeatWaveform.of(Arrays.copyOfRange(x, beatFirst, beatFirst + n), rate,
                seconds, modelRate, service), "beat " + f.get("beatIndex").getAsInt());
        UsualBeat usual = new UsualBeat();
        for (int peak : peaks) {
            int first = (int) Math.floor((peak / rate - seconds / 2) * rate + 0.5);
            if (first >= 0 && first + n <= x.length) { // as EcgRun: the beats whose window lies on the signal
                usual.add(BeatWaveform.of(Arrays.copyOfRange(x, first, first + n), rate, seconds, modelRate, service));
            }
        }
        usual.end();
        int[] ordinals = new Gson().fromJson(f.get("templateOrdinals"), int[].class);
        float[][] expected = new Gson().fromJson(f.get("waveTemplates"), float[][].class);
        for (int k = 0; k < ordinals.length; k++) {
            assertClose(expected[k], usual.of(ordinals[k]), "usual waveform of beat " + ordinals[k]);
        }
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": samples");
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected[i], actual[i], WAVE_TOLERANCE, what + ", sample " + i);
        }
    }

    /** Cuts the window as Recording.read does (start rounded to the sample grid) and compares frame by frame. */
    private static void assertWindow(SpectrogramService service, float[] x, double rate, StftParameters p,
            double start, double seconds, float[] expected, int frames) {
        int first = (int) Math.floor(start * rate + 0.5);
        int n = (int) Math.floor(seconds * rate + 0.5);
        float[] actual = service.stft(Arrays.copyOfRange(x, first, first + n), rate, p).values();
        assertEquals(expected.length, actual.length, "values (frames x bins)");
        assertEquals(frames * 13, actual.length, "frames x 13 bins");
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected[i], actual[i], DB_TOLERANCE, "value " + i);
        }
    }
}
