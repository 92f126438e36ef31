package io.ictal.video.internal;

import io.ictal.api.detection.ClassificationException;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.EventClassifier;
import io.ictal.api.detection.EventContext;
import io.ictal.api.detection.RecordingVideo;
import io.ictal.api.detection.Trend;
import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelException;
import io.ictal.api.model.ModelRegistry;
import io.ictal.api.recording.RecordingHeader;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Video semiology of each detected seizure, after GESTURES (Pérez-García et al., MICCAI 2021): the
 * event's time range plus margins is mapped onto the video (offset given by the host or from the
 * {@code Video start} annotation, see {@link VideoAlignment}), decoded as consecutive 8-frame snippets
 * at 15 fps (0.53 s), each embedded by the STCNN in batches, and the sequence of embeddings, however
 * long, classified by the BLSTM as focal onset (FOS) or focal to bilateral tonic-clonic (TCS).
 *
 * <p>Returns one detection per event (id = the event's id, label FOS or TCS, scores of both, onset and
 * duration = the part of the range the video covered) and reports the STCNN's per-snippet TCS
 * probability as the trend {@value #TREND}. With several videos, the one covering most of the range
 * is used. Memory is bounded by the batch: frames are decoded one at a time and dropped once embedded.
 */
@Component(service = EventClassifier.class, configurationPid = VideoSemiologyClassifier.PID, property = {
    EventClassifier.TASK + "=" + VideoSemiologyClassifier.TASK,
    EventClassifier.EVENT_TASK + "=" + ModelCard.TASK_SEIZURE_DETECTION})
@Designate(ocd = SemiologyConfig.class)
public final class VideoSemiologyClassifier implements EventClassifier {

    static final String PID = "io.ictal.video";
    static final String TASK = "seizure-semiology";
    static final String TREND = "semiology-tcs";

    private final ModelRegistry registry;
    private final double marginBefore;
    private final double marginAfter;
    private final int batchSnippets;
    /** Most frames held at once by the last classify call (tests check it stays bounded). */
    private volatile int peakFramesHeld;

    @Activate
    public VideoSemiologyClassifier(@Reference ModelRegistry registry, SemiologyConfig config) {
        if (!(config.marginBeforeSeconds() >= 0) || !(config.marginAfterSeconds() >= 0)) {
            throw new IllegalArgumentException(PID + ": marginBeforeSeconds and marginAfterSeconds must be >= 0, were "
                    + config.marginBeforeSeconds() + " and " + config.marginAfterSeconds());
        }
        if (config.batchSnippets() < 1) {
            throw new IllegalArgumentException(PID + ": batchSnippets must be >= 1, was " + config.batchSnippets());
        }
        this.registry = registry;
        this.marginBefore = config.marginBeforeSeconds();
        this.marginAfter = config.marginAfterSeconds();
        this.batchSnippets = config.batchSnippets();
    }

    @Override
    public String task() {
        return TASK;
    }

    @Override
    public String eventTask() {
        return ModelCard.TASK_SEIZURE_DETECTION;
    }

    @Override
    public boolean appliesTo(RecordingHeader header, List<RecordingVideo> videos) {
        return !videos.isEmpty();
    }

    int peakFramesHeld() {
        return peakFramesHeld;
    }

    @Override
    public List<Detection> classify(EventContext context, ClassificationListener listener)
            throws ClassificationException, IOException {
        Detection event = context.event();
        double from = Math.max(0, event.onsetSeconds() - marginBefore);
        double to = event.offsetSeconds() + marginAfter;
        try (SemiologyModels models = SemiologyModels.lease(registry)) {
            RecordingVideo best = null;
            SnippetPlan bestPlan = null;
            for (RecordingVideo video : context.videos()) {
                double offset = VideoAlignment.offsetSeconds(video, context.recording().annotations());
                try (VideoFile file = VideoFile.open(video.file())) {
                    Optional<SnippetPlan> plan = SnippetPlan.of(from, to, offset, file.durationSeconds(), models.frames,
                            models.fps);
                    if (plan.isPresent() && (bestPlan == null || plan.get().snippets() > bestPlan.snippets())) {
                        best = video;
                        bestPlan = plan.get();
                    }
                }
            }
            if (best == null) {
                return List.of();
            }
            try (VideoFile file = VideoFile.open(best.file())) {
                return classify(event, file, bestPlan, models, listener);
            }
        }
    }

    private List<Detection> classify(Detection event, VideoFile file, SnippetPlan plan, SemiologyModels models,
            ClassificationListener listener) throws IOException, ClassificationException {
        int snippetSize = models.snippetSize();
        float[] batch = new float[batchSnippets * snippetSize];
        float[][] embeddings = {new float[0]};
        int[] embeddingDim = {0};
        int[] inBatch = {0};
        int[] done = {0};
        int[] peak = {0};
        boolean[] cancelled = {false};
        Runnable flush = () -> {
            if (inBatch[0] == 0) {
                return;
            }
            Map<String, FloatTensor> out = models.runSnippets(batch, inBatch[0]);
            FloatTensor probabilities = out.get(SemiologyModels.SNIPPET_PROBABILITIES);
            FloatTensor embedding = out.get(SemiologyModels.EMBEDDING);
            int dim = (int) embedding.dim(1);
            embeddingDim[0] = dim;
            int first = done[0];
            float[] all = Arrays.copyOf(embeddings[0], (first + inBatch[0]) * dim);
            float[] values = embedding.data();
            System.arraycopy(values, 0, all, first * dim, values.length);
            embeddings[0] = all;
            int classes = (int) probabilities.dim(1);
            double[] tcs = new double[inBatch[0]];
            for (int i = 0; i < tcs.length; i++) {
                tcs[i] = probabilities.get(i * classes + models.tcsIndex);
            }
            listener.trend(new Trend(TREND, "TCS probability (video)", "", plan.snippetStartSeconds(first),
                    plan.snippetSeconds(), tcs));
            done[0] += inBatch[0];
            inBatch[0] = 0;
            listener.progress((double) done[0] / plan.snippets(), "video semiology of " + event.id());
        };
        try {
            SnippetStream.stream(file, plan, models.height, models.width, (index, frames) -> {
                if (listener.isCancelled()) {
                    cancelled[0] = true;
                    return false;
                }
                int base = inBatch[0] * snippetSize;
                for (int i = 0; i < snippetSize; i++) {
                    batch[base + i] = (frames[i] & 0xFF) / 255f;
                }
                inBatch[0]++;
                // Frames held: the batch plus the snippet being assembled.
                peak[0] = Math.max(peak[0], (inBatch[0] + 1) * models.frames);
                if (inBatch[0] == batchSnippets) {
                    flush.run();
                }
                return true;
            });
            if (cancelled[0]) {
                return List.of();
            }
            flush.run();
        } catch (ModelException e) {
            throw new ClassificationException("video semiology of " + event.id() + " on " + file.file() + ": "
                    + e.getMessage(), e);
        } finally {
            peakFramesHeld = peak[0];
        }
        if (done[0] == 0) {
            return List.of();
        }
        float[] p;
        try {
            p = models.runSequence(embeddings[0], done[0], embeddingDim[0]);
        } catch (ModelException e) {
            throw new ClassificationException("video semiology of " + event.id() + ": " + e.getMessage(), e);
        }
        double fos = clamp(p[0]);
        double tcs = clamp(p[1]);
        String label = tcs > fos ? "TCS" : "FOS";
        double covered = done[0] * plan.snippetSeconds();
        return List.of(new Detection(event.id(), TASK, label, plan.recordingStartSeconds(), covered, List.of(),
                Math.max(fos, tcs), models.identity(), Map.of("FOS", fos, "TCS", tcs), null));
    }

    private static double clamp(float p) {
        return Math.max(0, Math.min(1, p));
    }
}
