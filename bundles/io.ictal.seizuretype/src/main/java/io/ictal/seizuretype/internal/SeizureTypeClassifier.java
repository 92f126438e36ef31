package io.ictal.seizuretype.internal;

import io.ictal.api.detection.ClassificationException;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.EventClassifier;
import io.ictal.api.detection.EventContext;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.detection.RecordingVideo;
import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.Model;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelException;
import io.ictal.api.model.ModelLease;
import io.ictal.api.model.ModelRegistry;
import io.ictal.api.model.SpectrogramInput;
import io.ictal.api.model.TensorSpec;
import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.Segment;
import io.ictal.api.recording.SignalInfo;
import io.ictal.api.spectrogram.MultiSpectralParameters;
import io.ictal.api.spectrogram.SpectrogramException;
import io.ictal.api.spectrogram.SpectrogramService;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The seizure type of each seizure the detector found (after SeizureNet, Asif et al. 2019): the
 * multi-spectral stack (FFT windows 1-16 s, log10 magnitude, as the card says) of every EEG channel
 * over the card's window from the event's onset, one inference on the leased model of task
 * {@code seizure-type}, and one detection per event: the event's id, onset, duration and channels, the
 * most probable type as label and confidence, the probability of every type as scores.
 *
 * <p>Why the window starts at the onset: seizure types are defined by how a seizure starts (ILAE),
 * a tonic-clonic seizure's start is its tonic phase, and the shortest types (absence, myoclonic: a few
 * seconds) are only seen there. The onset is taken to its whole second, and the window is moved back
 * when it would run past the end of the recording's segment.
 *
 * <p>Channels: every EEG signal whose label names a 10-20 electrode, as recorded (referential or
 * bipolar); the model summarises them per frequency and frame (mean, maximum, spread), so their number
 * and order are free. Each is resampled to the card's rate by the spectrogram service.
 */
@Component(service = EventClassifier.class, property = {
    EventClassifier.TASK + "=" + ModelCard.TASK_SEIZURE_TYPE,
    EventClassifier.EVENT_TASK + "=" + ModelCard.TASK_SEIZURE_DETECTION})
public final class SeizureTypeClassifier implements EventClassifier {

    private final ModelRegistry registry;
    private final SpectrogramService spectrogram;

    @Activate
    public SeizureTypeClassifier(@Reference ModelRegistry registry, @Reference SpectrogramService spectrogram) {
        this.registry = registry;
        this.spectrogram = spectrogram;
    }

    @Override
    public String task() {
        return ModelCard.TASK_SEIZURE_TYPE;
    }

    @Override
    public String eventTask() {
        return ModelCard.TASK_SEIZURE_DETECTION;
    }

    @Override
    public boolean appliesTo(RecordingHeader header, List<RecordingVideo> videos) {
        return eegSignals(header).length > 0;
    }

    /** Indices of the EEG signals the model reads: type EEG, label naming a 10-20 electrode. */
    static int[] eegSignals(RecordingHeader header) {
        return header.dataSignals().stream()
                .filter(s -> s.type() == ChannelType.EEG && s.derivation().hasElectrode())
                .mapToInt(SignalInfo::index).toArray();
    }

    @Override
    public List<Detection> classify(EventContext context, ClassificationListener listener)
            throws ClassificationException, IOException {
        Recording recording = context.recording();
        Detection event = context.event();
        int[] signals = eegSignals(recording.header());
        if (signals.length == 0) {
            throw new ClassificationException(recording.file() + ": no EEG channel to classify the seizure type of "
                    + event.id() + ": expected signals of type EEG whose labels name 10-20 electrodes (EEG Fp1-REF, "
                    + "FP1-F7, ...), found " + recording.header().dataSignals().stream().map(SignalInfo::label).toList());
        }
        try (ModelLease lease = lease()) {
            Model model = lease.model();
            Input input = inputOf(model.card());
            double start = windowStart(recording, event, input.windowSeconds());
            float[][][][] stacks;
            try {
                stacks = spectrogram.multiSpectral(recording, signals, start, input.windowSeconds(), input.parameters());
            } catch (SpectrogramException e) {
                throw new ClassificationException(recording.file() + ": cannot compute the seizure-type input of "
                        + event.id() + " over " + start + "-" + (start + input.windowSeconds()) + " s: "
                        + e.getMessage(), e);
            }
            FloatTensor stack = tensor(stacks, input);
            FloatTensor probabilities;
            ModelCard card = model.card();
            try {
                probabilities = model.run(Map.of(input.tensor(), stack)).get(card.outputs().get(0).name());
            } catch (ModelException e) {
                throw new ClassificationException("seizure-type model " + card.id() + " " + card.version()
                        + " failed on " + recording.file() + " event " + event.id() + ": " + e.getMessage(), e);
            }
            listener.progress(1, "seizure type of " + event.id());
            return List.of(detection(event, card, probabilities));
        }
    }

    private ModelLease lease() throws ClassificationException {
        try {
            return registry.lease(ModelCard.TASK_SEIZURE_TYPE);
        } catch (ModelException e) {
            throw new ClassificationException("no usable seizure-type model: " + e.getMessage(), e);
        }
    }

    /** What the card says the model takes, checked before anything is read. */
    record Input(MultiSpectralParameters parameters, String tensor, double windowSeconds, int layers, int bins,
            int frames) {
    }

    static Input inputOf(ModelCard card) throws ClassificationException {
        String where = "model " + card.id() + " " + card.version() + " card field ";
        if (!(card.input().spectrogram() instanceof SpectrogramInput.MultiSpectral multi)) {
            throw new ClassificationException(where + "'input.spectrogram.kind': expected multi-spectral, was "
                    + card.input().spectrogram().kind());
        }
        MultiSpectralParameters p = multi.parameters();
        if (card.input().tensors().size() != 1) {
            throw new ClassificationException(where + "'input.tensors': expected one tensor "
                    + "[batch, channels, layers, bins, frames], was " + card.input().tensors().size());
        }
        TensorSpec tensor = card.input().tensors().get(0);
        double window = card.input().windowSeconds();
        int frames = (int) Math.floor((window - p.longestWindowSeconds()) / p.hopSeconds() + 1e-9) + 1;
        List<Long> expected = List.of(TensorSpec.DYNAMIC, TensorSpec.DYNAMIC, (long) p.layers().size(), (long) p.bins(),
                (long) frames);
        if (frames < 1 || !tensor.shape().equals(expected)) {
            throw new ClassificationException(where + "'input.tensors[0].shape': expected " + expected
                    + " (the multi-spectral parameters over input.windowSeconds " + window + "), was " + tensor.shape());
        }
        long classes = card.outputs().get(0).shape().get(card.outputs().get(0).shape().size() - 1);
        if (classes != card.labels().size()) {
            throw new ClassificationException(where + "'outputs[0].shape': expected one probability per label "
                    + card.labels() + ", was " + card.outputs().get(0).shape());
        }
        return new Input(p, tensor.name(), window, p.layers().size(), p.bins(), frames);
    }

    /**
     * Start of the classified window: the event's onset to its whole second, moved back so that the
     * window ends inside the segment holding the onset, never before the segment's start.
     *
     * @throws ClassificationException the segment is shorter than the window
     */
    static double windowStart(Recording recording, Detection event, double windowSeconds)
            throws ClassificationException {
        Segment segment = null;
        for (Segment s : recording.segments()) {
            if (event.onsetSeconds() >= s.startSeconds() && event.onsetSeconds() < s.startSeconds() + s.durationSeconds()) {
                segment = s;
            }
        }
        if (segment == null || segment.durationSeconds() + 1e-9 < windowSeconds) {
            throw new ClassificationException(recording.file() + ": the seizure-type model needs " + windowSeconds
                    + " s of continuous EEG from the onset of " + event.id() + " (" + event.onsetSeconds() + " s); "
                    + (segment == null ? "no recorded data there" : "the recording's data there lasts only "
                    + segment.durationSeconds() + " s"));
        }
        double last = Math.floor(segment.startSeconds() + segment.durationSeconds() - windowSeconds + 1e-9);
        return Math.max(Math.ceil(segment.startSeconds() - 1e-9), Math.min(Math.floor(event.onsetSeconds()), last));
    }

    /** {@code [1, channels, layers, bins, frames]} from the service's {@code [channel][layer][bin][frame]}. */
    static FloatTensor tensor(float[][][][] stacks, Input input) throws ClassificationException {
        int channels = stacks.length;
        float[] data = new float[channels * input.layers() * input.bins() * input.frames()];
        int k = 0;
        for (float[][][] channel : stacks) {
            if (channel.length != input.layers() || channel[0].length != input.bins()
                    || channel[0][0].length != input.frames()) {
                throw new ClassificationException("multi-spectral stack of " + channel.length + "x" + channel[0].length
                        + "x" + channel[0][0].length + " where the card promises " + input.layers() + "x" + input.bins()
                        + "x" + input.frames());
            }
            for (float[][] layer : channel) {
                for (float[] bin : layer) {
                    System.arraycopy(bin, 0, data, k, bin.length);
                    k += bin.length;
                }
            }
        }
        return FloatTensor.of(new long[] {1, channels, input.layers(), input.bins(), input.frames()}, data);
    }

    private Detection detection(Detection event, ModelCard card, FloatTensor probabilities) {
        Map<String, Double> scores = new LinkedHashMap<>();
        int best = 0;
        for (int i = 0; i < card.labels().size(); i++) {
            scores.put(card.labels().get(i), Math.min(1, Math.max(0, (double) probabilities.get(i))));
            if (probabilities.get(i) > probabilities.get(best)) {
                best = i;
            }
        }
        String label = card.labels().get(best);
        return new Detection(event.id(), task(), label, event.onsetSeconds(), event.durationSeconds(), event.channels(),
                scores.get(label), new ModelIdentity(card.id(), card.version(), card.graphSha256()), scores, null);
    }
}
