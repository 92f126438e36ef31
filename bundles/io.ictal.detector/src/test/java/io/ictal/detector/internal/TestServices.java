package io.ictal.detector.internal;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelRegistry;
import io.ictal.api.spectrogram.SpectrogramService;
import io.ictal.inference.internal.ShippedModel;
import io.ictal.spectrogram.internal.SpectrogramComponent;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;

/** The real services, built without a framework as DS would build them. */
final class TestServices {

    static final SpectrogramService SPECTROGRAM = new SpectrogramComponent(1, 600);

    private TestServices() {
    }

    static ModelRegistry registry() throws Exception {
        return ShippedModel.registry();
    }

    static ModelCard card() throws Exception {
        return registry().active(ModelCard.TASK_SEIZURE_DETECTION).orElseThrow();
    }

    /** A JSON fixture of src/test/resources/fixtures (written by training/detector/make_fixtures.py). */
    static JsonObject fixture(String name) throws IOException {
        try (Reader r = new InputStreamReader(TestServices.class.getResourceAsStream("/fixtures/" + name),
                StandardCharsets.UTF_8)) {
            return new Gson().fromJson(r, JsonObject.class);
        }
    }

    /** DetectorConfig's shipped defaults, so that the tests run the detector's post-processing as it ships. */
    static final double DEFAULT_MEDIAN_CHANNEL_GAIN = defaultOf("medianChannelGain").doubleValue();

    static Number defaultOf(String attribute) {
        try {
            return (Number) DetectorConfig.class.getMethod(attribute).getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    static SeizureDetector detector(ModelRegistry registry) {
        return detector(registry, DEFAULT_MEDIAN_CHANNEL_GAIN);
    }

    /** The shipped defaults with another median-channel gain (0: the top channels alone). */
    static SeizureDetector detector(ModelRegistry registry, double medianChannelGain) {
        return new SeizureDetector(registry, SPECTROGRAM, config(defaultOf("topChannels").intValue(),
                defaultOf("smoothingWindows").intValue(), defaultOf("minDurationSeconds").doubleValue(),
                defaultOf("mergeGapSeconds").doubleValue(), 32, 2, medianChannelGain));
    }

    static DetectorConfig config(int top, int smoothing, double minDuration, double mergeGap, int batch, int threads) {
        return config(top, smoothing, minDuration, mergeGap, batch, threads, DEFAULT_MEDIAN_CHANNEL_GAIN);
    }

    static DetectorConfig config(int top, int smoothing, double minDuration, double mergeGap, int batch, int threads,
            double medianChannelGain) {
        return new DetectorConfig() {
            @Override
            public int topChannels() {
                return top;
            }

            @Override
            public double medianChannelGain() {
                return medianChannelGain;
            }

            @Override
            public int smoothingWindows() {
                return smoothing;
            }

            @Override
            public double minDurationSeconds() {
                return minDuration;
            }

            @Override
            public double mergeGapSeconds() {
                return mergeGap;
            }

            @Override
            public int batchWindows() {
                return batch;
            }

            @Override
            public int imageThreads() {
                return threads;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return DetectorConfig.class;
            }
        };
    }
}
