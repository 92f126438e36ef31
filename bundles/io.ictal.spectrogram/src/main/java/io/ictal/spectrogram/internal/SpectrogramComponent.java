package io.ictal.spectrogram.internal;

import io.ictal.api.recording.Recording;
import io.ictal.api.recording.Segment;
import io.ictal.api.recording.SignalInfo;
import io.ictal.api.spectrogram.ImageParameters;
import io.ictal.api.spectrogram.MultiSpectralParameters;
import io.ictal.api.spectrogram.Spectrogram;
import io.ictal.api.spectrogram.SpectrogramException;
import io.ictal.api.spectrogram.SpectrogramService;
import io.ictal.api.spectrogram.StftParameters;
import io.ictal.api.spectrogram.TrendParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The spectrogram service on JTransforms. */
@Component(service = SpectrogramService.class, configurationPid = SpectrogramComponent.PID)
@Designate(ocd = SpectrogramComponent.Config.class)
public final class SpectrogramComponent implements SpectrogramService {

    static final String PID = "io.ictal.spectrogram";
    static final String THREAD_NAME_PREFIX = "ictal-spectrogram-";

    /**
     * Samples transformed per piece of work when one signal's frames are split over threads (a few
     * milliseconds): small pieces keep both cores busy even when another process takes one for a while,
     * large enough that handing them out costs nothing measurable.
     */
    private static final long SAMPLES_PER_CHUNK = 1 << 19;

    @ObjectClassDefinition(name = "Ictal spectrogram service",
            description = "Threads and streaming block size of the spectrogram service.")
    public @interface Config {

        @AttributeDefinition(description = "Threads computing spectrograms (caller included); 0 = one per processor.")
        int threads() default 0;

        @AttributeDefinition(description = "Seconds of signal read at a time when streaming a recording; "
                + "bounds memory per signal and thread.")
        double blockSeconds() default 600;
    }

    private final Workers workers;
    private final double blockSeconds;

    /** Outside OSGi (tests, benchmarks, tools): the component as DS would build it with these settings. */
    public SpectrogramComponent(int threads, double blockSeconds) {
        this(new Config() {
            @Override
            public int threads() {
                return threads;
            }

            @Override
            public double blockSeconds() {
                return blockSeconds;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return Config.class;
            }
        });
    }

    @Activate
    public SpectrogramComponent(Config config) {
        int threads = config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
        if (!(config.blockSeconds() > 0) || Double.isInfinite(config.blockSeconds())) {
            throw new IllegalArgumentException(PID + ": blockSeconds must be finite and > 0, was "
                    + config.blockSeconds());
        }
        this.blockSeconds = config.blockSeconds();
        JTransformsThreads.start();
        this.workers = new Workers(threads, THREAD_NAME_PREFIX);
    }

    /** Ends every thread this bundle started, JTransforms' static pool included. */
    @Deactivate
    public void deactivate() {
        workers.close();
        JTransformsThreads.stop();
    }

    @Override
    public Spectrogram stft(float[] samples, double samplingRateHz, StftParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        Samples.requireRate(samplingRateHz);
        Resampler resampler = resamplerFor(samplingRateHz, parameters.resampleToHz());
        if (resampler == null) {
            // Each frame checks its own samples (see StftPlan.frames); here only those after the last frame.
            Spectrogram spectrogram = stft(SampleSource.of(samples), samples.length, samplingRateHz, parameters);
            Samples.requireFinite(samples, lastFrameEnd(spectrogram, samplingRateHz), samples.length);
            return spectrogram;
        }
        Samples.requireFinite(samples);
        double[] resampled = resampler.resample(samples);
        return stft(SampleSource.of(resampled), resampled.length, parameters.resampleToHz(), parameters);
    }

    /** The sample after the last frame's segment (frames start at 0, one hop apart). */
    private static int lastFrameEnd(Spectrogram spectrogram, double rateHz) {
        return (int) Math.round((spectrogram.frameCentreSeconds(spectrogram.frameCount() - 1)
                + spectrogram.firstFrameCentreSeconds()) * rateHz);
    }

    private Spectrogram stft(SampleSource samples, int length, double rateHz, StftParameters parameters) {
        StftPlan plan = new StftPlan(parameters, rateHz, length);
        int frames = (int) plan.frameCount(length);
        float[] out = plan.newValues(frames);
        int perChunk = (int) Math.max(1, SAMPLES_PER_CHUNK / plan.segment);
        int chunks = (frames + perChunk - 1) / perChunk;
        unchecked(() -> workers.forEach(chunks, c -> {
            int from = Math.min(frames, c * perChunk);
            plan.frames(samples, from, Math.min(frames, from + perChunk), out, from);
        }));
        return plan.spectrogram(out);
    }

    @Override
    public Spectrogram[] stft(Recording recording, int[] signals, double startSeconds, double durationSeconds,
            StftParameters parameters) throws IOException {
        Objects.requireNonNull(parameters, "parameters");
        requireRange(startSeconds, durationSeconds);
        Spectrogram[] result = new Spectrogram[signals.length];
        workers.forEach(signals.length, s -> result[s] = streamStft(recording, signals[s], startSeconds,
                durationSeconds, parameters));
        return result;
    }

    /** One signal's STFT, reading (and resampling) one block of frames at a time. */
    private Spectrogram streamStft(Recording recording, int signal, double startSeconds, double durationSeconds,
            StftParameters parameters) throws IOException {
        SignalReader reader = new SignalReader(recording, signal, startSeconds);
        long inputLength = reader.samplesIn(durationSeconds);
        Resampler resampler = resamplerFor(reader.rateHz, parameters.resampleToHz());
        double rateHz = resampler == null ? reader.rateHz : parameters.resampleToHz();
        long length = resampler == null ? inputLength : resampler.outputLength(inputLength);
        StftPlan plan = new StftPlan(parameters, rateHz, length);
        long frameCount = plan.frameCount(length);
        float[] out = plan.newValues(frameCount);
        int frames = (int) frameCount;
        int framesPerBlock = (int) Math.max(1, Math.min(frames, blockSeconds * rateHz / plan.step));
        for (int first = 0; first < frames; first += framesPerBlock) {
            int count = Math.min(framesPerBlock, frames - first);
            long from = (long) first * plan.step;
            int span = (count - 1) * plan.step + plan.segment;
            SampleSource block;
            if (resampler == null) {
                block = SampleSource.of(reader.read(from, span));
            } else {
                long inFrom = Math.max(0, resampler.firstInput(from));
                long inTo = Math.min(inputLength, resampler.lastInput(from + span - 1) + 1);
                block = SampleSource.of(resampler.resample(reader.read(inFrom, (int) (inTo - inFrom)), inFrom,
                        inputLength, from, span));
            }
            plan.frames(block, 0, count, out, first);
        }
        return plan.spectrogram(out);
    }

    @Override
    public float[] resample(float[] samples, double samplingRateHz, double toHz) {
        Samples.requireRate(samplingRateHz);
        if (!Double.isFinite(toHz) || toHz <= 0) {
            throw new SpectrogramException("toHz", "must be finite and > 0, was " + toHz);
        }
        Samples.requireFinite(samples);
        Resampler resampler = Resampler.between(samplingRateHz, toHz, "toHz");
        if (resampler == null) {
            return samples.clone();
        }
        double[] resampled = resampler.resample(samples);
        float[] out = new float[resampled.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) resampled[i];
        }
        return out;
    }

    @Override
    public float[][][] multiSpectral(float[] samples, double samplingRateHz, MultiSpectralParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        Samples.requireRate(samplingRateHz);
        Samples.requireFinite(samples);
        Resampler resampler = resamplerFor(samplingRateHz, parameters.resampleToHz());
        if (resampler == null) {
            return unchecked(() -> MultiSpectralStack.compute(SampleSource.of(samples), samples.length,
                    samplingRateHz, parameters, workers));
        }
        double[] resampled = resampler.resample(samples);
        return unchecked(() -> MultiSpectralStack.compute(SampleSource.of(resampled), resampled.length,
                parameters.resampleToHz(), parameters, workers));
    }

    @Override
    public float[][][][] multiSpectral(Recording recording, int[] signals, double startSeconds,
            double durationSeconds, MultiSpectralParameters parameters) throws IOException {
        Objects.requireNonNull(parameters, "parameters");
        requireRange(startSeconds, durationSeconds);
        float[][][][] result = new float[signals.length][][][];
        workers.forEach(signals.length, s -> {
            SignalReader reader = new SignalReader(recording, signals[s], startSeconds);
            result[s] = multiSpectral(reader.read(0, Math.toIntExact(reader.samplesIn(durationSeconds))),
                    reader.rateHz, parameters);
        });
        return result;
    }

    @Override
    public float[][][] image(float[] samples, double samplingRateHz, ImageParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        Spectrogram decibels = stft(samples, samplingRateHz, parameters.stft());
        double rateHz = parameters.stft().resampleToHz() > 0 ? parameters.stft().resampleToHz() : samplingRateHz;
        return new ImageRenderer(decibels.frequenciesHz(), decibels.frameCount(), rateHz, parameters)
                .render(decibels.values(), 0);
    }

    @Override
    public float[][][][] images(float[] samples, double samplingRateHz, ImageParameters parameters,
            double hopSeconds) {
        Objects.requireNonNull(parameters, "parameters");
        Samples.requireRate(samplingRateHz);
        int window = Samples.count("imageSeconds", parameters.imageSeconds(), samplingRateHz);
        int hop = Samples.count("hopSeconds", hopSeconds, samplingRateHz);
        int windows = samples.length < window ? 0 : (samples.length - window) / hop + 1;
        float[][][][] result = new float[windows][][][];
        StftPlan plan = windows == 0 || resamplerFor(samplingRateHz, parameters.stft().resampleToHz()) != null ? null
                : new StftPlan(parameters.stft(), samplingRateHz, window);
        if (plan == null || hop % plan.step != 0) {
            // Resampled windows, or windows whose frames do not line up, share no frames: each is imaged alone.
            for (int w = 0; w < windows; w++) {
                float[] part = Arrays.copyOfRange(samples, w * hop, w * hop + window);
                result[w] = Samples.finite(part, 0, window) ? image(part, samplingRateHz, parameters) : null;
            }
            return result;
        }
        int framesPerWindow = (int) plan.frameCount(window);
        int framesPerHop = hop / plan.step;
        ImageRenderer renderer = new ImageRenderer(plan.frequencies(), framesPerWindow, samplingRateHz, parameters);
        float[] decibels = plan.newValues((long) (windows - 1) * framesPerHop + framesPerWindow);
        SegmentTransform transform = plan.newTransform();
        SampleSource source = SampleSource.of(samples);
        int computed = 0; // frames before this one are in decibels (or belong to windows with missing data only)
        for (int w = 0; w < windows; w++) {
            if (!Samples.finite(samples, w * hop, w * hop + window)) {
                continue;
            }
            int first = w * framesPerHop;
            int from = Math.max(computed, first);
            plan.frames(transform, source, from, first + framesPerWindow, decibels, from);
            computed = first + framesPerWindow;
            result[w] = renderer.render(decibels, first);
        }
        return result;
    }

    @Override
    public float[][][][] images(Recording recording, int[] signals, double startSeconds, ImageParameters parameters)
            throws IOException {
        Objects.requireNonNull(parameters, "parameters");
        requireRange(startSeconds, parameters.imageSeconds());
        float[][][][] result = new float[signals.length][][][];
        workers.forEach(signals.length, s -> {
            SignalReader reader = new SignalReader(recording, signals[s], startSeconds);
            result[s] = image(reader.read(0, Math.toIntExact(reader.samplesIn(parameters.imageSeconds()))),
                    reader.rateHz, parameters);
        });
        return result;
    }

    @Override
    public byte[] png(float[][][] rgb) {
        return ImageRenderer.png(rgb);
    }

    @Override
    public Spectrogram trend(float[] samples, double samplingRateHz, TrendParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        Samples.requireRate(samplingRateHz);
        Samples.requireFinite(samples);
        return unchecked(() -> TrendComputer.compute((first, count) -> Arrays.copyOfRange(samples,
                (int) first, (int) first + count), samples.length, samplingRateHz, parameters));
    }

    @Override
    public Spectrogram[] trends(Recording recording, int[] signals, TrendParameters parameters) throws IOException {
        Objects.requireNonNull(parameters, "parameters");
        double span = recordingSpanSeconds(recording);
        Spectrogram[] result = new Spectrogram[signals.length];
        workers.forEach(signals.length, s -> {
            SignalReader reader = new SignalReader(recording, signals[s], 0);
            result[s] = TrendComputer.compute(reader::readAllowingGaps, reader.samplesIn(span), reader.rateHz,
                    parameters);
        });
        return result;
    }

    /** Up to the end of the last segment: EDF+D gaps count as time (they show as NaN epochs). */
    private static double recordingSpanSeconds(Recording recording) {
        List<Segment> segments = recording.segments();
        return segments.isEmpty() ? recording.header().durationSeconds()
                : segments.get(segments.size() - 1).endSeconds();
    }

    private static Resampler resamplerFor(double fromHz, double toHz) {
        return toHz > 0 ? Resampler.between(fromHz, toHz, "resampleToHz") : null;
    }

    private static void requireRange(double startSeconds, double durationSeconds) {
        if (!Double.isFinite(startSeconds) || startSeconds < 0) {
            throw new SpectrogramException("startSeconds", "must be finite and >= 0, was " + startSeconds);
        }
        if (!Double.isFinite(durationSeconds) || durationSeconds <= 0) {
            throw new SpectrogramException("durationSeconds", "must be finite and > 0, was " + durationSeconds);
        }
    }

    /** A computation whose IOException can only come from reading a recording. */
    private interface Computation<T> {
        T run() throws IOException;
    }

    private interface Action {
        void run() throws IOException;
    }

    private static <T> T unchecked(Computation<T> computation) {
        try {
            return computation.run();
        } catch (IOException e) {
            throw new UncheckedIOException("unexpected I/O error computing from an array", e);
        }
    }

    private static void unchecked(Action action) {
        unchecked(() -> {
            action.run();
            return null;
        });
    }

    /** Reads one signal of a recording on its own sample grid from a start time. */
    private static final class SignalReader {

        final double rateHz;
        private final Recording recording;
        private final SignalInfo info;
        private final double startSeconds;

        SignalReader(Recording recording, int signal, double startSeconds) {
            List<SignalInfo> signals = recording.header().signals();
            if (signal < 0 || signal >= signals.size() || signals.get(signal).isAnnotation()) {
                throw new SpectrogramException("signals", "must index data signals of " + recording.file()
                        .getFileName() + " (0.." + (signals.size() - 1) + ", not annotations), was " + signal);
            }
            this.recording = recording;
            this.info = signals.get(signal);
            this.rateHz = info.samplingRateHz();
            this.startSeconds = startSeconds;
            Samples.requireRate(rateHz);
        }

        long samplesIn(double seconds) {
            return (long) Math.floor(seconds * rateHz + 1e-9);
        }

        /** Samples {@code [first, first + count)} from the start; refuses missing data. */
        float[] read(long first, int count) throws IOException {
            float[] samples = readAllowingGaps(first, count);
            int i = Samples.firstNonFinite(samples, 0, count);
            if (i >= 0) {
                throw new SpectrogramException("samples", "signal " + info.index() + " '" + info.label() + "' of "
                        + recording.file().getFileName() + " has " + (Float.isNaN(samples[i]) ? "no data" : "an infinite value")
                        + " at " + (startSeconds + (first + i) / rateHz) + " s (a gap, or past its end);"
                        + " choose a range with data");
            }
            return samples;
        }

        /** As {@link #read} but with NaN where there is no data. */
        float[] readAllowingGaps(long first, int count) throws IOException {
            float[] samples = new float[count];
            recording.read(info.index(), startSeconds + first / rateHz, samples, 0, count);
            return samples;
        }
    }
}
