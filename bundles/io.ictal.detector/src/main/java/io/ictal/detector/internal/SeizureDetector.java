package io.ictal.detector.internal;

import io.ictal.api.detection.Classification;
import io.ictal.api.detection.ClassificationException;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.detection.RecordingClassifier;
import io.ictal.api.detection.Trend;
import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.Model;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelException;
import io.ictal.api.model.ModelLease;
import io.ictal.api.model.ModelRegistry;
import io.ictal.api.model.SpectrogramInput;
import io.ictal.api.model.TensorSpec;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.Segment;
import io.ictal.api.spectrogram.ImageParameters;
import io.ictal.api.spectrogram.SpectrogramService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The seizure detector (Barry et al. 2021, per-channel spectrogram images and a CNN): for each window
 * of the card's length and hop, one RGB spectrogram image per bipolar channel, a batched inference on
 * the leased model, the channel probabilities aggregated into a recording-level probability (mean of
 * the most seizure-like channels), reported as the trend {@value #TREND} as windows complete, and
 * turned into seizure events by {@link EventFinder} with the card's thresholds.
 *
 * <p>The card's thresholds: an event starts at {@code p(seizure) >= thresholds.seizure} and ends at
 * {@code p(background) >= thresholds.background} (hysteresis; without a background threshold the
 * event ends below 60 % of the start threshold). The model's second output is a class-activation
 * map: each event's explanation shows it over the spectrogram of its most seizure-like window.
 *
 * <p>When the card's {@code input.normalisation.method} is {@value LevelReference#METHOD}, a first pass
 * over at most {@value LevelReference#SAMPLED_WINDOWS} windows takes the recording's level reference and
 * every image's colour range sits that far above the card's: the model sees levels relative to the
 * recording's own background, not the amplifier's microvolts.
 *
 * <p>Memory stays bounded: the recording is read {@code batchWindows} windows at a time.
 */
@Component(service = RecordingClassifier.class, property = RecordingClassifier.TASK + "="
        + ModelCard.TASK_SEIZURE_DETECTION, configurationPid = SeizureDetector.PID)
@Designate(ocd = DetectorConfig.class)
public final class SeizureDetector implements RecordingClassifier {

    static final String PID = "io.ictal.detector";
    static final String TREND = "seizure-probability";
    static final String LABEL = "seizure";
    /** Fewest channels whose median counts (recordingProbability). */
    static final int BREADTH_CHANNELS = 8;
    private static final String THREAD_PREFIX = "ictal-detector-images-";

    private final ModelRegistry registry;
    private final SpectrogramService spectrogram;
    private final DetectorConfig config;
    private final ExecutorService imageThreads;
    private final int threadCount;

    @Activate
    public SeizureDetector(@Reference ModelRegistry registry, @Reference SpectrogramService spectrogram,
            DetectorConfig config) {
        if (config.topChannels() < 1) {
            throw new IllegalArgumentException(PID + ": topChannels must be >= 1, was " + config.topChannels());
        }
        if (!(config.medianChannelGain() >= 0) || Double.isInfinite(config.medianChannelGain())) {
            throw new IllegalArgumentException(PID + ": medianChannelGain must be finite and >= 0, was "
                    + config.medianChannelGain());
        }
        if (config.batchWindows() < 1) {
            throw new IllegalArgumentException(PID + ": batchWindows must be >= 1, was " + config.batchWindows());
        }
        if (config.smoothingWindows() < 1 || config.smoothingWindows() % 2 == 0) {
            throw new IllegalArgumentException(PID + ": smoothingWindows must be odd and >= 1, was "
                    + config.smoothingWindows());
        }
        this.registry = registry;
        this.spectrogram = spectrogram;
        this.config = config;
        this.threadCount = config.imageThreads() > 0 ? config.imageThreads()
                : Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        this.imageThreads = Executors.newFixedThreadPool(threadCount, r -> {
            Thread t = new Thread(r, THREAD_PREFIX + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    public void deactivate() {
        imageThreads.shutdownNow();
    }

    @Override
    public String task() {
        return ModelCard.TASK_SEIZURE_DETECTION;
    }

    @Override
    public boolean appliesTo(RecordingHeader header) {
        return !Montage.of(header).channels().isEmpty();
    }

    @Override
    public Classification classify(Recording recording, ClassificationListener listener)
            throws ClassificationException, IOException {
        RecordingHeader header = recording.header();
        Montage montage = Montage.of(header);
        if (montage.channels().isEmpty()) {
            throw new ClassificationException(recording.file() + ": no EEG channels to classify: expected referential "
                    + "10-20 electrodes of the double banana (Fp1, F7, T7, P7, O1, ...) or bipolar EEG pairs (FP1-F7)");
        }
        String mixed = Montage.mixedRates(header, montage);
        if (mixed != null) {
            throw new ClassificationException(recording.file() + ": " + mixed + "; the detector needs one rate");
        }
        try (ModelLease lease = lease()) {
            Model model = lease.model();
            return new Run(recording, montage, model, inputOf(model.card()), listener).classify();
        }
    }

    private ModelLease lease() throws ClassificationException {
        try {
            return registry.lease(ModelCard.TASK_SEIZURE_DETECTION);
        } catch (ModelException e) {
            throw new ClassificationException("no usable seizure-detection model: " + e.getMessage(), e);
        }
    }

    /** What the card says the model takes, checked before any window is read. */
    record Input(ImageParameters image, boolean levelReferenced, String tensor, String camOutput, double windowSeconds,
            double hopSeconds, double on, double off) {
    }

    static Input inputOf(ModelCard card) throws ClassificationException {
        String where = "model " + card.id() + " " + card.version() + " card field ";
        if (!(card.input().spectrogram() instanceof SpectrogramInput.Image image)) {
            throw new ClassificationException(where + "'input.spectrogram.kind': expected image, was "
                    + card.input().spectrogram().kind());
        }
        ImageParameters p = image.parameters();
        if (card.input().tensors().size() != 1) {
            throw new ClassificationException(where + "'input.tensors': expected one image tensor, was "
                    + card.input().tensors().size());
        }
        TensorSpec tensor = card.input().tensors().get(0);
        List<Long> expected = List.of(TensorSpec.DYNAMIC, 3L, (long) p.height(), (long) p.width());
        if (!tensor.shape().equals(expected)) {
            throw new ClassificationException(where + "'input.tensors[0].shape': expected " + expected
                    + " (the image parameters), was " + tensor.shape());
        }
        if (!card.labels().contains(LABEL) || !card.thresholds().containsKey(LABEL)) {
            throw new ClassificationException(where + "'thresholds': expected a threshold for label '" + LABEL
                    + "', labels " + card.labels() + ", thresholds " + card.thresholds());
        }
        double on = card.thresholds().get(LABEL);
        Double background = card.thresholds().get("background");
        double off = background == null ? 0.6 * on : 1 - background;
        if (!(off < on)) {
            throw new ClassificationException(where + "'thresholds.background': expected above " + (1 - on)
                    + " so that events end below their start threshold, was " + background);
        }
        String method = card.input().normalisation().method();
        if (!method.equals(LevelReference.NONE) && !method.equals(LevelReference.METHOD)) {
            throw new ClassificationException(where + "'input.normalisation.method': expected " + LevelReference.NONE
                    + " or " + LevelReference.METHOD + ", was " + method);
        }
        String cam = card.outputs().size() > 1 ? card.outputs().get(1).name() : null;
        if (Math.abs(card.input().windowSeconds() - p.imageSeconds()) > 1e-9) {
            throw new ClassificationException(where + "'input.windowSeconds': expected the image's "
                    + p.imageSeconds() + " s, was " + card.input().windowSeconds());
        }
        return new Input(p, method.equals(LevelReference.METHOD), tensor.name(), cam, card.input().windowSeconds(),
                card.input().hopSeconds(), on, off);
    }

    /** One classification: its state lives here, so the component serves several recordings at once. */
    private final class Run {
        private final Recording recording;
        private final Montage montage;
        private final Model model;
        private final Input input;
        private final ClassificationListener listener;
        private final ModelIdentity identity;
        private final int window;
        private final int hop;
        private final int[] signals;
        private final Map<Integer, Detection> detections = new LinkedHashMap<>();
        private final EventFinder events;
        private final int height;
        private final int width;
        /** The card's image parameters, their range above the recording's level reference where the card asks. */
        private ImageParameters image;

        Run(Recording recording, Montage montage, Model model, Input input, ClassificationListener listener) {
            this.recording = recording;
            this.montage = montage;
            this.model = model;
            this.input = input;
            this.listener = listener;
            ModelCard card = model.card();
            this.identity = new ModelIdentity(card.id(), card.version(), card.graphSha256());
            this.window = (int) Math.round(input.windowSeconds() * montage.rateHz());
            this.hop = (int) Math.round(input.hopSeconds() * montage.rateHz());
            this.signals = montage.signals();
            this.height = input.image().height();
            this.width = input.image().width();
            this.events = new EventFinder(input.on(), input.off(), config.smoothingWindows(),
                    config.minDurationSeconds(), config.mergeGapSeconds(), input.hopSeconds(), this::report);
        }

        Classification classify() throws IOException, ClassificationException {
            image = input.levelReferenced() ? LevelReference.above(input.image(), levelReference()) : input.image();
            double total = 0;
            for (Segment s : recording.segments()) {
                total += s.durationSeconds();
            }
            double done = 0;
            boolean complete = true;
            for (Segment segment : recording.segments()) {
                long samples = Math.round(segment.durationSeconds() * montage.rateHz());
                long windows = samples < window ? 0 : (samples - window) / hop + 1;
                for (long first = 0; first < windows && complete; first += config.batchWindows()) {
                    if (listener.isCancelled()) {
                        complete = false;
                        break;
                    }
                    int count = (int) Math.min(config.batchWindows(), windows - first);
                    block(segment.startSeconds() + first * hop / montage.rateHz(), count);
                    double covered = done + Math.min(segment.durationSeconds(), (first + count) * hop / montage.rateHz());
                    listener.progress(total == 0 ? 1 : Math.min(1, covered / total), "seizure detection");
                }
                events.flush();
                done += segment.durationSeconds();
                if (!complete) {
                    break;
                }
            }
            events.finish();
            if (complete) {
                listener.progress(1, "seizure detection done");
            }
            List<Detection> all = new ArrayList<>(detections.values());
            all.sort(Comparator.comparingDouble(Detection::onsetSeconds));
            return new Classification(task(), identity, all, complete);
        }

        /**
         * {@link LevelReference} over windows sampled evenly from every segment, every channel; windows with
         * missing data are left out (as from classification). 0 when no window is complete: nothing is imaged then.
         */
        private double levelReference() throws IOException {
            List<Double> starts = new ArrayList<>();
            for (Segment segment : recording.segments()) {
                long samples = Math.round(segment.durationSeconds() * montage.rateHz());
                long windows = samples < window ? 0 : (samples - window) / hop + 1;
                for (long w = 0; w < windows; w++) {
                    starts.add(segment.startSeconds() + w * hop / montage.rateHz());
                }
            }
            long[] picks = LevelReference.sampled(starts.size());
            double[] medians = new double[picks.length * signals.length];
            int n = 0;
            float[][] raw = new float[signals.length][window];
            for (long pick : picks) {
                for (int i = 0; i < signals.length; i++) {
                    recording.read(signals[i], starts.get((int) pick), raw[i], 0, window);
                }
                float[][] channels = montage.derive(signals, raw);
                if (Arrays.stream(channels).anyMatch(SeizureDetector::hasMissing)) {
                    continue;
                }
                for (float[] samples : channels) {
                    medians[n++] = LevelReference.medianDecibel(spectrogram, samples, montage.rateHz(), input.image());
                }
            }
            return n == 0 ? 0 : LevelReference.percentile(Arrays.copyOf(medians, n), LevelReference.PERCENTILE);
        }

        /** Reads, images and classifies {@code count} windows starting at {@code start}. */
        private void block(double start, int count) throws IOException, ClassificationException {
            int length = (count - 1) * hop + window;
            float[][] raw = new float[signals.length][length];
            for (int i = 0; i < signals.length; i++) {
                recording.read(signals[i], start, raw[i], 0, length);
            }
            float[][] channels = montage.derive(signals, raw);
            int nChannels = channels.length;
            int imageSize = 3 * height * width;
            float[] batch = new float[count * nChannels * imageSize];
            boolean[][] imaged = new boolean[nChannels][count];
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < nChannels; c++) {
                int channel = c;
                work.add(imageThreads.submit(() -> images(channels[channel], channel, nChannels, batch, imaged[channel])));
            }
            await(work);
            boolean[] valid = new boolean[count];
            for (int w = 0; w < count; w++) {
                valid[w] = true;
                for (boolean[] channel : imaged) {
                    valid[w] &= channel[w];
                }
            }
            Map<String, FloatTensor> out;
            try {
                out = model.run(Map.of(input.tensor(), FloatTensor.of(
                        new long[] {(long) count * nChannels, 3, height, width}, batch)));
            } catch (ModelException e) {
                throw new ClassificationException("seizure-detection model " + identity.id() + " " + identity.version()
                        + " failed on " + recording.file() + " at " + start + " s: " + e.getMessage(), e);
            }
            FloatTensor probabilities = out.get(model.card().outputs().get(0).name());
            FloatTensor cam = input.camOutput() == null ? null : out.get(input.camOutput());
            double[] trace = new double[count];
            for (int w = 0; w < count; w++) {
                double windowStart = start + (double) w * hop / montage.rateHz();
                double centre = windowStart + input.windowSeconds() / 2;
                if (!valid[w]) {
                    trace[w] = Double.NaN;
                    events.add(centre, Double.NaN, null, null);
                    continue;
                }
                double[] perChannel = new double[nChannels];
                int best = 0;
                for (int c = 0; c < nChannels; c++) {
                    perChannel[c] = probabilities.get(((w * nChannels + c) * 2) + 1);
                    if (perChannel[c] > perChannel[best]) {
                        best = c;
                    }
                }
                trace[w] = recordingProbability(perChannel, config.topChannels(), config.medianChannelGain());
                EventFinder.Evidence evidence = null;
                if (trace[w] >= input.on() && cam != null) {
                    int image = w * nChannels + best;
                    evidence = new EventFinder.Evidence(windowStart, input.windowSeconds(), best, perChannel[best],
                            imageAt(batch, image * imageSize), camAt(cam, image));
                }
                events.add(centre, trace[w], perChannel, evidence);
            }
            listener.trend(new Trend(TREND, "Seizure probability", "", start + input.windowSeconds() / 2,
                    input.hopSeconds(), trace));
        }

        /**
         * One channel's images of the block's windows into the batch (window-major, then channel); a window
         * with missing data has none and is not marked imaged.
         */
        private void images(float[] samples, int channel, int nChannels, float[] batch, boolean[] imaged) {
            int imageSize = 3 * height * width;
            float[][][][] rgbs = spectrogram.images(samples, montage.rateHz(), image, input.hopSeconds());
            for (int w = 0; w < imaged.length; w++) {
                float[][][] rgb = rgbs[w];
                imaged[w] = rgb != null;
                if (rgb == null) {
                    continue;
                }
                int offset = (w * nChannels + channel) * imageSize;
                for (int k = 0; k < 3; k++) {
                    for (int r = 0; r < height; r++) {
                        System.arraycopy(rgb[k][r], 0, batch, offset + (k * height + r) * width, width);
                    }
                }
            }
        }

        private float[][][] imageAt(float[] batch, int offset) {
            float[][][] rgb = new float[3][height][width];
            for (int k = 0; k < 3; k++) {
                for (int r = 0; r < height; r++) {
                    System.arraycopy(batch, offset + (k * height + r) * width, rgb[k][r], 0, width);
                }
            }
            return rgb;
        }

        private float[] camAt(FloatTensor cam, int image) {
            int size = height * width;
            if (cam.size() / cam.dim(0) != size) {
                return null;
            }
            float[] out = new float[size];
            for (int i = 0; i < size; i++) {
                out[i] = cam.get(image * size + i);
            }
            return out;
        }

        private void report(EventFinder.Event e) {
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < e.channelSums.length; c++) {
                order.add(c);
            }
            order.sort(Comparator.comparingDouble(c -> -e.channelSums[c]));
            double[] means = new double[e.channelSums.length];
            for (int c = 0; c < means.length; c++) {
                means[c] = e.channelSums[c] / e.windows;
            }
            // A generalised event (its median channel carried it over the threshold) involves every channel
            // at that median's level, not only those above the threshold themselves.
            double gain = config.medianChannelGain();
            boolean generalised = means.length >= BREADTH_CHANNELS && gain * median(means) >= input.on();
            double involvedFrom = generalised ? input.on() / gain : input.on();
            List<String> involved = new ArrayList<>();
            for (int c : order) {
                if (involved.isEmpty() || means[c] >= involvedFrom) {
                    involved.add(montage.channels().get(c).label());
                }
            }
            EventFinder.Evidence best = e.best;
            var explanation = best == null || best.cam() == null ? null
                    : Explanations.of(best, montage.channels().get(best.channel()).label(), spectrogram);
            Detection d = new Detection(String.format(Locale.ROOT, "seizure-%04d", e.number), task(), LABEL, e.onset,
                    e.duration(), involved, Math.min(1, Math.max(0, e.peak)), identity, Map.of(), explanation);
            detections.put(e.number, d);
            listener.detected(List.of(d));
        }
    }

    /** Whether a window has samples no data record covers (NaN: an EDF+D gap, the recording's end). */
    static boolean hasMissing(float[] samples) {
        for (float v : samples) {
            if (Float.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One window's recording-level probability from its channel probabilities: the mean of the {@code k}
     * most seizure-like channels (a focal discharge; one channel alone, an electrode pop, cannot raise it
     * as much), or {@code medianGain} times the median channel (capped at 1) where that is higher: a
     * generalised discharge raises most channels moderately while artifacts raise one or two strongly
     * (training/detector/README.md, session 11). Only with at least {@value #BREADTH_CHANNELS} channels: the
     * median of a few says nothing about breadth (of two, it is their mean).
     */
    static double recordingProbability(double[] channels, int k, double medianGain) {
        double[] sorted = sorted(channels); // one sort per window serves both
        double top = topMeanOfSorted(sorted, k);
        if (medianGain == 0 || sorted.length < BREADTH_CHANNELS) {
            return top;
        }
        return Math.max(top, Math.min(1, medianGain * medianOfSorted(sorted)));
    }

    static double median(double[] values) {
        return medianOfSorted(sorted(values));
    }

    /** Mean of the {@code k} largest values. */
    static double topMean(double[] values, int k) {
        return topMeanOfSorted(sorted(values), k);
    }

    private static double[] sorted(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double medianOfSorted(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double topMeanOfSorted(double[] sorted, int k) {
        int n = Math.min(k, sorted.length);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += sorted[sorted.length - 1 - i];
        }
        return sum / n;
    }

    private static void await(List<Future<?>> work) throws IOException {
        try {
            for (Future<?> f : work) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building spectrogram images", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }
}
