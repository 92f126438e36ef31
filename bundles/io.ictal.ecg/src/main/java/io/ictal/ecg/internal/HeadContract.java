package io.ictal.ecg.internal;

import io.ictal.api.detection.ClassificationException;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.model.ModelCard;
import io.ictal.api.model.SpectrogramInput;
import io.ictal.api.model.TensorSpec;
import io.ictal.api.spectrogram.StftParameters;
import java.util.List;

/**
 * What one head (beat or rhythm model) needs, read from its card and checked against what this
 * classifier builds: an STFT spectrogram input {@code spectrogram [-1, 1, frames, bins]} over
 * {@code windowSeconds}, an RR-feature input {@code rr [-1, rrFeatures]}, optionally the record's usual
 * beat {@code template} of the spectrogram's shape ({@link UsualBeat}), optionally the beat's waveform
 * {@code wave [-1, 1, samples]} with its usual waveform {@code wave_template} of the same shape
 * ({@link BeatWaveform}), and the labels it must find. A card that asks for something else (another
 * input included) is refused with the card's field named.
 *
 * @param card the model card
 * @param stft the spectrogram parameters (resampleToHz is the model's rate: the one resampling path)
 * @param windowSeconds the window each input covers
 * @param hopSeconds step between rhythm windows (unused for beats)
 * @param frames spectrogram frames the graph takes
 * @param bins spectrogram bins the graph takes
 * @param usualBeat whether the graph also takes the usual-beat template
 * @param waveSamples samples of the waveform inputs the graph takes, 0 when it takes none
 */
record HeadContract(ModelCard card, StftParameters stft, double windowSeconds, double hopSeconds, int frames,
        int bins, boolean usualBeat, int waveSamples) {

    static final String SPECTROGRAM = "spectrogram";
    static final String RR = "rr";
    static final String TEMPLATE = "template";
    static final String WAVE = "wave";
    static final String WAVE_TEMPLATE = "wave_template";
    private static final List<String> BUILT = List.of(SPECTROGRAM, RR, TEMPLATE, WAVE, WAVE_TEMPLATE);

    static HeadContract of(ModelCard card, int rrFeatures, List<String> requiredLabels)
            throws ClassificationException {
        if (!(card.input().spectrogram() instanceof SpectrogramInput.Stft stft)) {
            throw refused(card, "input.spectrogram.kind", "stft", card.input().spectrogram().kind());
        }
        if (!(stft.parameters().resampleToHz() > 0)) {
            throw refused(card, "input.spectrogram.resampleToHz", "the model's rate (> 0)",
                    String.valueOf(stft.parameters().resampleToHz()));
        }
        List<Long> spectrogram = shape(card, SPECTROGRAM);
        if (spectrogram.size() != 4 || spectrogram.get(1) != 1 || spectrogram.get(2) < 1 || spectrogram.get(3) < 1) {
            throw refused(card, "input.tensors[spectrogram].shape", "[-1, 1, frames, bins]", spectrogram.toString());
        }
        List<Long> rr = shape(card, RR);
        if (rr.size() != 2 || rr.get(1) != rrFeatures) {
            throw refused(card, "input.tensors[rr].shape", "[-1, " + rrFeatures + "]", rr.toString());
        }
        for (String label : requiredLabels) {
            if (!card.labels().contains(label)) {
                throw refused(card, "labels", "a list containing " + requiredLabels, card.labels().toString());
            }
        }
        // An input this classifier does not build (e.g. a newer model's) would fail inside the graph run:
        // refuse the card here instead, naming the tensors.
        List<String> names = card.input().tensors().stream().map(TensorSpec::name).toList();
        if (!BUILT.containsAll(names)) {
            throw refused(card, "input.tensors", "inputs this classifier builds, among " + BUILT, names.toString());
        }
        boolean usualBeat = names.contains(TEMPLATE);
        if (usualBeat && !shape(card, TEMPLATE).equals(spectrogram)) {
            throw refused(card, "input.tensors[template].shape", "the spectrogram's " + spectrogram,
                    shape(card, TEMPLATE).toString());
        }
        int waveSamples = 0;
        if (names.contains(WAVE) || names.contains(WAVE_TEMPLATE)) {
            List<Long> expected = List.of(-1L, 1L, (long) BeatWaveform.samples(stft.parameters().resampleToHz()));
            for (String name : List.of(WAVE, WAVE_TEMPLATE)) {
                if (!shape(card, name).equals(expected)) {
                    throw refused(card, "input.tensors[" + name + "].shape", expected + " (" + BeatWaveform.BEFORE_S
                            + " s before to " + BeatWaveform.AFTER_S + " s after the R peak at "
                            + stft.parameters().resampleToHz() + " Hz)", shape(card, name).toString());
                }
            }
            waveSamples = (int) (long) expected.get(2);
        }
        return new HeadContract(card, stft.parameters(), card.input().windowSeconds(), card.input().hopSeconds(),
                (int) (long) spectrogram.get(2), (int) (long) spectrogram.get(3), usualBeat, waveSamples);
    }

    private static List<Long> shape(ModelCard card, String name) throws ClassificationException {
        for (TensorSpec t : card.input().tensors()) {
            if (t.name().equals(name)) {
                return t.shape();
            }
        }
        throw refused(card, "input.tensors", "a tensor named '" + name + "'",
                card.input().tensors().stream().map(TensorSpec::name).toList().toString());
    }

    private static ClassificationException refused(ModelCard card, String field, String expected, String was) {
        return new ClassificationException("model " + card.id() + " " + card.version() + " (task " + card.task()
                + "): card field '" + field + "': expected " + expected + ", was " + was);
    }

    /** Whether the graph also takes the beat's waveform and its usual waveform. */
    boolean waveform() {
        return waveSamples > 0;
    }

    int labelIndex(String label) {
        return card.labels().indexOf(label);
    }

    /** The card's threshold for a label, or the fallback when the card names none. */
    double threshold(String label, double fallback) {
        return card.thresholds().getOrDefault(label, fallback);
    }

    ModelIdentity identity() {
        return new ModelIdentity(card.id(), card.version(), card.graphSha256());
    }
}
