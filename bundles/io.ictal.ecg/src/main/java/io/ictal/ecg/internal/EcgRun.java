package io.ictal.ecg.internal;

import io.ictal.api.detection.Classification;
import io.ictal.api.detection.ClassificationException;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.Trend;
import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.Model;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.Segment;
import io.ictal.api.recording.SignalInfo;
import io.ictal.api.spectrogram.Spectrogram;
import io.ictal.api.spectrogram.SpectrogramService;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One classifier run over one recording. The recording is read chunk by chunk for R-peak detection;
 * beats are classified once the peaks 150 s after them are known (their RR features need them) and,
 * for a beat model that takes the usual beat, once the 64 beats around them are (their median), and
 * rhythm windows as soon as they are covered. Memory: one chunk of samples, one batch of model
 * inputs, the spectrograms (and, for a beat model that takes them, the waveforms: ~0.45 kB more) of
 * the beats detected but not yet classified (~1.5 kB each, at most a chunk and 150 s of beats), and the
 * R-peak times (8 bytes a beat, ~1 MB for 24 hours).
 */
final class EcgRun {

    /** Extra signal on both sides of a chunk so that a peak at its border is detected as in the middle. */
    private static final double MARGIN_S = 5;
    private static final String[] ECTOPIC = {"S", "V"};

    private final Recording recording;
    private final int signal;
    private final String channel;
    private final double rate;
    private final double duration;
    private final Model beatModel;
    private final HeadContract beatHead;
    private final Model rhythmModel;
    private final HeadContract rhythmHead;
    private final SpectrogramService spectrograms;
    private final EcgClassifier.Settings settings;
    private final ClassificationListener listener;

    private double[] peaks = new double[4096];
    private int peakCount;
    private int nextBeat;
    /** Spectrograms of beats nextBeat, nextBeat + 1, ... (null where the window leaves the signal). */
    private final ArrayDeque<BeatInput> computed = new ArrayDeque<>();
    private final UsualBeat usualBeat = new UsualBeat();
    /** The usual waveform, over the same beats as the usual beat (fed only when the beat model takes waveforms). */
    private final UsualBeat usualWave = new UsualBeat();
    private double nextRhythmStart;
    private final List<Detection> detections = new ArrayList<>();
    private final EctopicRuns runs;
    private final AfEpisodes afEpisodes;
    private final TrendBins trends;

    EcgRun(Recording recording, SignalInfo ecg, Model beatModel, HeadContract beatHead, Model rhythmModel,
            HeadContract rhythmHead, SpectrogramService spectrograms, EcgClassifier.Settings settings,
            ClassificationListener listener) {
        this.recording = recording;
        this.signal = ecg.index();
        this.channel = ecg.label();
        this.rate = ecg.samplingRateHz();
        this.duration = recording.segments().stream().mapToDouble(Segment::endSeconds).max()
                .orElse(recording.header().durationSeconds());
        this.beatModel = beatModel;
        this.beatHead = beatHead;
        this.rhythmModel = rhythmModel;
        this.rhythmHead = rhythmHead;
        this.spectrograms = spectrograms;
        this.settings = settings;
        this.listener = listener;
        List<String> channels = List.of(channel);
        this.afEpisodes = new AfEpisodes(rhythmHead, settings.afMinSeconds(), settings.afOffProbability(),
                settings.afMergeGapSeconds(), settings.afMinRrIrregularity(), this::rrIrregularity, channels,
                this::report);
        // Rhythm windows run ahead of beats (beats wait 150 s for their RR features), so the AF
        // episodes around a run are known when the run ends.
        this.runs = new EctopicRuns(beatHead, ECTOPIC, settings.runMinBeats(), channels, this::report,
                (label, first, last) -> label.equals("S") && afEpisodes.covers(first, last));
        this.trends = new TrendBins(settings.trendStepSeconds(), duration, listener);
    }

    Classification run() throws IOException, ClassificationException {
        listener.progress(0, "ECG: R peaks on " + channel);
        boolean complete = true;
        for (double start = 0; start < duration; start += settings.chunkSeconds()) {
            if (listener.isCancelled()) {
                complete = false;
                break;
            }
            double end = Math.min(duration, start + settings.chunkSeconds());
            detectPeaks(start, end);
            boolean last = end >= duration;
            double beatHorizon = last ? Double.POSITIVE_INFINITY : end - RrFeatures.LONG_RR_S;
            // Rhythm first: a supraventricular run is judged against the AF episodes around it.
            if (!classifyRhythm(end) || !classifyBeats(beatHorizon, last)) {
                complete = false;
                break;
            }
            // beats held back for their usual beat are not classified yet: their bins wait
            trends.flush(last ? Double.POSITIVE_INFINITY
                    : Math.min(beatHorizon, nextBeat < peakCount ? peaks[nextBeat] : beatHorizon));
            listener.progress(end / duration, "ECG: " + peakCount + " beats, " + detections.size() + " findings");
        }
        runs.close();
        afEpisodes.close();
        if (complete) {
            trends.flush(Double.POSITIVE_INFINITY);
        }
        detections.sort(Comparator.comparingDouble(Detection::onsetSeconds).thenComparing(Detection::id));
        return new Classification(EcgClassifier.BEAT_TASK, beatHead.identity(), detections, complete);
    }

    /** Median |dRR| / mean RR of the beats in [start, end): the rhythm RR feature over any span. */
    private double rrIrregularity(double start, double end) {
        return RrFeatures.rhythm(peaks, peakCount, start, end - start)[RrFeatures.RHYTHM_IRREGULARITY];
    }

    private void report(Detection detection) {
        detections.add(detection);
        listener.detected(List.of(detection));
    }

    /** R peaks in [start, end), detected on [start - margin, end + margin) one finite stretch at a time. */
    private void detectPeaks(double start, double end) throws IOException {
        double from = Math.max(0, start - MARGIN_S);
        double to = Math.min(duration, end + MARGIN_S);
        int first = (int) Math.round(from * rate);
        float[] x = recording.read(signal, first / rate, to - first / rate);
        int i = 0;
        while (i < x.length) {
            while (i < x.length && !Float.isFinite(x[i])) {
                i++;
            }
            int runStart = i;
            while (i < x.length && Float.isFinite(x[i])) {
                i++;
            }
            if (i > runStart) {
                for (int p : RPeakDetector.detect(Arrays.copyOfRange(x, runStart, i), rate)) {
                    double t = (first + runStart + p) / rate;
                    if (t >= start && t < end
                            && (peakCount == 0 || t - peaks[peakCount - 1] >= RPeakDetector.REFRACTORY_S)) {
                        addPeak(t);
                    }
                }
            }
        }
    }

    private void addPeak(double t) {
        if (peakCount == peaks.length) {
            peaks = Arrays.copyOf(peaks, peakCount * 2);
        }
        peaks[peakCount++] = t;
        trends.beat(t);
    }

    /**
     * A detected beat's spectrogram (null off the signal), its ordinal among the beats that have one, and
     * its waveform when the beat model takes one (else null).
     */
    private record BeatInput(float[] spectrogram, int ordinal, float[] wave) {
    }

    /**
     * Classifies the beats before the horizon whose inputs are known; false when cancelled. Every
     * detected beat's spectrogram is computed first: the usual beat needs those after it.
     */
    private boolean classifyBeats(double horizon, boolean last) throws IOException, ClassificationException {
        for (int beat = nextBeat + computed.size(); beat < peakCount; beat++) {
            float[] window = window(peaks[beat] - beatHead.windowSeconds() / 2, beatHead.windowSeconds());
            if (window == null) {
                computed.add(new BeatInput(null, -1, null));
                continue;
            }
            float[] spectrogram = spectrogram(window, beatHead);
            float[] wave = null;
            if (beatHead.waveform()) {
                wave = BeatWaveform.of(window, rate, beatHead.windowSeconds(), beatHead.stft().resampleToHz(),
                        spectrograms);
                usualWave.add(wave); // in step with usualBeat: the same ordinal
            }
            computed.add(new BeatInput(spectrogram, usualBeat.add(spectrogram), wave));
        }
        if (last) {
            usualBeat.end();
            if (beatHead.waveform()) {
                usualWave.end();
            }
        }
        Batch batch = new Batch(beatHead, RrFeatures.BEAT, settings.batchSize());
        List<Integer> pending = new ArrayList<>();
        while (!computed.isEmpty() && peaks[nextBeat] < horizon) {
            BeatInput input = computed.peek();
            if (input.spectrogram() == null) {
                computed.poll();
                nextBeat++;
                if (!flushBeats(batch, pending)) {
                    return false;
                }
                runs.gap();
                continue;
            }
            if ((beatHead.usualBeat() || beatHead.waveform()) && !usualBeat.ready(input.ordinal())) {
                break; // its 64-beat window reaches past the detected peaks (asystole, lead off): next chunk
            }
            computed.poll();
            int beat = nextBeat++;
            batch.add(input.spectrogram(), RrFeatures.beat(peaks, peakCount, beat),
                    beatHead.usualBeat() ? usualBeat.of(input.ordinal()) : null, input.wave(),
                    beatHead.waveform() ? usualWave.of(input.ordinal()) : null);
            pending.add(beat);
            if (batch.full() && !flushBeats(batch, pending)) {
                return false;
            }
        }
        return flushBeats(batch, pending);
    }

    /** Runs the beat model on the batch and hands the beats on in time order; false when cancelled. */
    private boolean flushBeats(Batch batch, List<Integer> pending) throws ClassificationException {
        if (pending.isEmpty()) {
            return true;
        }
        if (listener.isCancelled()) {
            return false;
        }
        float[][] probabilities = batch.run(beatModel);
        for (int k = 0; k < probabilities.length; k++) {
            double t = peaks[pending.get(k)];
            int label = argmax(probabilities[k]);
            runs.beat(t, label, probabilities[k]);
            trends.classified(t, beatHead.card().labels().get(label));
        }
        pending.clear();
        return true;
    }

    /** Classifies the rhythm windows that end by {@code limit}; false when cancelled. */
    private boolean classifyRhythm(double limit) throws IOException, ClassificationException {
        Batch batch = new Batch(rhythmHead, RrFeatures.RHYTHM, settings.batchSize());
        List<Double> starts = new ArrayList<>();
        double seconds = rhythmHead.windowSeconds();
        while (nextRhythmStart + seconds <= limit + 1e-9) {
            double start = nextRhythmStart;
            nextRhythmStart += rhythmHead.hopSeconds();
            float[] window = window(start, seconds);
            if (window == null) {
                if (!flushRhythm(batch, starts)) {
                    return false;
                }
                afEpisodes.gap();
                continue;
            }
            batch.add(spectrogram(window, rhythmHead), RrFeatures.rhythm(peaks, peakCount, start, seconds), null, null,
                    null);
            starts.add(start);
            if (batch.full() && !flushRhythm(batch, starts)) {
                return false;
            }
        }
        return flushRhythm(batch, starts);
    }

    /** Runs the rhythm model on the batch, feeds the AF episodes and the AF-probability trend; false when cancelled. */
    private boolean flushRhythm(Batch batch, List<Double> starts) throws ClassificationException {
        if (starts.isEmpty()) {
            return true;
        }
        if (listener.isCancelled()) {
            return false;
        }
        float[][] probabilities = batch.run(rhythmModel);
        int af = rhythmHead.labelIndex("A");
        double seconds = rhythmHead.windowSeconds();
        double[] afTrend = new double[probabilities.length];
        for (int k = 0; k < probabilities.length; k++) {
            afEpisodes.window(starts.get(k), starts.get(k) + seconds, probabilities[k]);
            afTrend[k] = probabilities[k][af];
        }
        if (contiguous(starts)) {
            listener.trend(new Trend("ecg-af-probability", "AF probability (ECG)", "", starts.get(0) + seconds / 2,
                    rhythmHead.hopSeconds(), afTrend));
        }
        starts.clear();
        return true;
    }

    private boolean contiguous(List<Double> starts) {
        for (int k = 1; k < starts.size(); k++) {
            if (Math.abs(starts.get(k) - starts.get(k - 1) - rhythmHead.hopSeconds()) > 1e-6) {
                return false;
            }
        }
        return !starts.isEmpty();
    }

    /** Samples of [start, start + seconds), or null where the recording has no data for all of it. */
    private float[] window(double start, double seconds) throws IOException {
        if (start < 0 || start + seconds > duration + 1e-9) {
            return null;
        }
        float[] x = recording.read(signal, start, seconds);
        for (float v : x) {
            if (!Float.isFinite(v)) {
                return null;
            }
        }
        return x;
    }

    private float[] spectrogram(float[] window, HeadContract head) throws ClassificationException {
        Spectrogram s = spectrograms.stft(window, rate, head.stft());
        if (s.frameCount() != head.frames() || s.binCount() != head.bins()) {
            throw new ClassificationException("model " + head.card().id() + " " + head.card().version()
                    + " takes spectrograms of " + head.frames() + " frames x " + head.bins() + " bins, but "
                    + head.windowSeconds() + " s of " + channel + " at " + rate + " Hz give " + s.frameCount()
                    + " x " + s.binCount() + ": card fields input.windowSeconds and input.spectrogram disagree");
        }
        return s.values();
    }

    static int argmax(float[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Model inputs gathered until a call is worth it. */
    private static final class Batch {
        private final HeadContract head;
        private final int rrFeatures;
        private final int capacity;
        private final float[] spectrograms;
        private final float[] rr;
        private final float[] templates;
        private final float[] waves;
        private final float[] waveTemplates;
        private int size;

        Batch(HeadContract head, int rrFeatures, int capacity) {
            this.head = head;
            this.rrFeatures = rrFeatures;
            this.capacity = capacity;
            this.spectrograms = new float[capacity * head.frames() * head.bins()];
            this.rr = new float[capacity * rrFeatures];
            this.templates = head.usualBeat() ? new float[spectrograms.length] : null;
            this.waves = head.waveform() ? new float[capacity * head.waveSamples()] : null;
            this.waveTemplates = head.waveform() ? new float[capacity * head.waveSamples()] : null;
        }

        /**
         * template: the usual beat when the head takes one; wave, waveTemplate: the beat's waveform and
         * the usual waveform when it takes them (else ignored, may be null).
         */
        void add(float[] spectrogram, float[] features, float[] template, float[] wave, float[] waveTemplate) {
            System.arraycopy(spectrogram, 0, spectrograms, size * spectrogram.length, spectrogram.length);
            System.arraycopy(features, 0, rr, size * rrFeatures, rrFeatures);
            if (templates != null) {
                System.arraycopy(template, 0, templates, size * template.length, template.length);
            }
            if (waves != null) {
                System.arraycopy(wave, 0, waves, size * wave.length, wave.length);
                System.arraycopy(waveTemplate, 0, waveTemplates, size * waveTemplate.length, waveTemplate.length);
            }
            size++;
        }

        boolean full() {
            return size == capacity;
        }

        /** Runs the model on the batch and empties it: one probability row per input. */
        float[][] run(Model model) throws ClassificationException {
            int frameValues = head.frames() * head.bins();
            long[] spectrogramShape = {size, 1, head.frames(), head.bins()};
            Map<String, FloatTensor> inputs = new HashMap<>();
            inputs.put(HeadContract.SPECTROGRAM, FloatTensor.of(spectrogramShape,
                    Arrays.copyOf(spectrograms, size * frameValues)));
            inputs.put(HeadContract.RR, FloatTensor.of(new long[] {size, rrFeatures}, Arrays.copyOf(rr, size * rrFeatures)));
            if (templates != null) {
                inputs.put(HeadContract.TEMPLATE, FloatTensor.of(spectrogramShape,
                        Arrays.copyOf(templates, size * frameValues)));
            }
            if (waves != null) {
                long[] waveShape = {size, 1, head.waveSamples()};
                inputs.put(HeadContract.WAVE, FloatTensor.of(waveShape, Arrays.copyOf(waves, size * head.waveSamples())));
                inputs.put(HeadContract.WAVE_TEMPLATE, FloatTensor.of(waveShape,
                        Arrays.copyOf(waveTemplates, size * head.waveSamples())));
            }
            Map<String, FloatTensor> out;
            try {
                out = model.run(inputs);
            } catch (RuntimeException e) {
                throw new ClassificationException("model " + head.card().id() + " " + head.card().version()
                        + " failed: " + e.getMessage(), e);
            }
            FloatTensor probabilities = out.get(head.card().outputs().get(0).name());
            int classes = head.card().labels().size();
            float[] data = probabilities.data();
            float[][] rows = new float[size][];
            for (int k = 0; k < size; k++) {
                rows[k] = Arrays.copyOfRange(data, k * classes, (k + 1) * classes);
            }
            size = 0;
            return rows;
        }
    }
}
