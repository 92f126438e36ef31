package io.ictal.video.internal;

import io.ictal.api.detection.ClassificationException;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.model.FloatTensor;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.ModelException;
import io.ictal.api.model.ModelLease;
import io.ictal.api.model.ModelRegistry;
import io.ictal.api.model.TensorSpec;
import java.util.List;
import java.util.Map;

/**
 * The two graphs of the video semiology model, leased together: the snippet STCNN (task
 * {@value #SNIPPET_TASK}: {@code snippets [N, 1, frames, height, width]} grey/255 &rarr;
 * {@code snippet_probabilities [N, 3]} (none, FOS, TCS) and {@code embedding [N, E]}) and the sequence
 * BLSTM (task {@value #SEQUENCE_TASK}: {@code embeddings [1, T, E]} &rarr; {@code probabilities [1, 2]}
 * (FOS, TCS)). They are trained together and shipped in one bundle; the two cards must carry the
 * same version, or the BLSTM would read embeddings it was not trained on.
 */
final class SemiologyModels implements AutoCloseable {

    static final String SNIPPET_TASK = "video-semiology-snippet";
    static final String SEQUENCE_TASK = ModelCard.TASK_VIDEO_SEMIOLOGY;
    static final String SNIPPETS = "snippets";
    static final String SNIPPET_PROBABILITIES = "snippet_probabilities";
    static final String EMBEDDING = "embedding";
    static final String EMBEDDINGS = "embeddings";
    static final String PROBABILITIES = "probabilities";
    static final List<String> SEQUENCE_LABELS = List.of("FOS", "TCS");

    private final ModelLease snippet;
    private final ModelLease sequence;
    final int frames;
    final int height;
    final int width;
    final double fps;
    final int tcsIndex;

    private SemiologyModels(ModelLease snippet, ModelLease sequence) throws ClassificationException {
        this.snippet = snippet;
        this.sequence = sequence;
        ModelCard card = snippet.model().card();
        TensorSpec input = card.input().tensors().stream().filter(t -> t.name().equals(SNIPPETS)).findFirst()
                .orElseThrow(() -> new ClassificationException("model " + card.id() + " " + card.version()
                        + ": card field 'input.tensors' has no '" + SNIPPETS + "' tensor"));
        List<Long> shape = input.shape();
        if (shape.size() != 5 || shape.get(1) != 1 || shape.subList(2, 5).contains(TensorSpec.DYNAMIC)) {
            throw new ClassificationException("model " + card.id() + " " + card.version() + ": card field "
                    + "'input.tensors[" + SNIPPETS + "].shape' is " + shape + "; expected [-1, 1, frames, height, width]");
        }
        this.frames = shape.get(2).intValue();
        this.height = shape.get(3).intValue();
        this.width = shape.get(4).intValue();
        this.fps = card.input().samplingRateHz();
        this.tcsIndex = card.labels().indexOf("TCS");
        if (tcsIndex < 0 || !sequence.model().card().labels().equals(SEQUENCE_LABELS)) {
            throw new ClassificationException("video semiology models: expected labels containing TCS for "
                    + SNIPPET_TASK + " and " + SEQUENCE_LABELS + " for " + SEQUENCE_TASK + ", were " + card.labels()
                    + " and " + sequence.model().card().labels());
        }
    }

    /**
     * @throws ClassificationException a task has no model, or the two active models differ in version
     *     (e.g. two model bundles half-installed) even after a second try
     */
    static SemiologyModels lease(ModelRegistry registry) throws ClassificationException {
        for (int attempt = 0; ; attempt++) {
            ModelLease snippet = null;
            ModelLease sequence = null;
            try {
                snippet = registry.lease(SNIPPET_TASK);
                sequence = registry.lease(SEQUENCE_TASK);
                ModelCard a = snippet.model().card();
                ModelCard b = sequence.model().card();
                if (a.version().equals(b.version())) {
                    return new SemiologyModels(snippet, sequence);
                }
                if (attempt > 0) {
                    throw new ClassificationException("video semiology: the active " + SNIPPET_TASK + " model is "
                            + a.id() + " " + a.version() + " but the active " + SEQUENCE_TASK + " model is " + b.id()
                            + " " + b.version() + "; expected one model bundle with both at the same version");
                }
                // A model bundle swap may have happened between the two leases: try once more.
            } catch (ModelException e) {
                close(snippet, sequence);
                throw new ClassificationException("video semiology: " + e.getMessage(), e);
            } catch (ClassificationException | RuntimeException e) {
                close(snippet, sequence);
                throw e;
            }
            close(snippet, sequence);
        }
    }

    private static void close(ModelLease a, ModelLease b) {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    /** Values per snippet in the STCNN input. */
    int snippetSize() {
        return frames * height * width;
    }

    /**
     * @param snippets {@code count} snippets, grey/255, row-major [count, 1, frames, height, width]
     * @return snippet_probabilities and embedding
     */
    Map<String, FloatTensor> runSnippets(float[] snippets, int count) {
        FloatTensor input = FloatTensor.of(new long[] {count, 1, frames, height, width},
                count * snippetSize() == snippets.length ? snippets
                        : java.util.Arrays.copyOf(snippets, count * snippetSize()));
        return snippet.model().run(Map.of(SNIPPETS, input));
    }

    /** P(FOS), P(TCS) of a whole sequence of embeddings [T, E]. */
    float[] runSequence(float[] embeddings, int length, int dim) {
        FloatTensor input = FloatTensor.of(new long[] {1, length, dim}, embeddings);
        return sequence.model().run(Map.of(EMBEDDINGS, input)).get(PROBABILITIES).data();
    }

    ModelIdentity identity() {
        ModelCard card = sequence.model().card();
        return new ModelIdentity(card.id(), card.version(), card.graphSha256());
    }

    @Override
    public void close() {
        close(snippet, sequence);
    }
}
