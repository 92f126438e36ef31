package io.ictal.api.model;

import java.util.List;
import java.util.Objects;

/**
 * What a classifier must feed a model: the graph's input tensors and how they are made from a
 * recording. Training and inference read the same contract, so a mismatch is a card error, not a
 * silent accuracy loss.
 *
 * @param tensors the graph's inputs (at least one)
 * @param samplingRateHz rate the signal is resampled to before anything else
 * @param windowSeconds length of one classified window
 * @param hopSeconds step between window starts
 * @param spectrogram how the input is computed from a window, as the spectrogram service takes it
 * @param montage the montage the channels are in, e.g. {@code bipolar-double-banana}, {@code referential}
 * @param channels channel labels in input order (empty: any single channel, the model is applied per channel)
 * @param normalisation how values are scaled
 */
public record InputContract(
        List<TensorSpec> tensors,
        double samplingRateHz,
        double windowSeconds,
        double hopSeconds,
        SpectrogramInput spectrogram,
        String montage,
        List<String> channels,
        Normalisation normalisation) {

    public InputContract {
        tensors = List.copyOf(Objects.requireNonNull(tensors, "tensors"));
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("input tensors must not be empty");
        }
        if (tensors.stream().map(TensorSpec::name).distinct().count() != tensors.size()) {
            throw new IllegalArgumentException("input tensor names must be unique, were "
                    + tensors.stream().map(TensorSpec::name).toList());
        }
        Checks.requirePositive(samplingRateHz, "samplingRateHz");
        Checks.requirePositive(windowSeconds, "windowSeconds");
        Checks.requirePositive(hopSeconds, "hopSeconds");
        Objects.requireNonNull(spectrogram, "spectrogram");
        Checks.requireText(montage, "montage");
        channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
        Objects.requireNonNull(normalisation, "normalisation");
    }
}
