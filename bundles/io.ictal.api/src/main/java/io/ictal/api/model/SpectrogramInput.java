package io.ictal.api.model;

import io.ictal.api.spectrogram.ImageParameters;
import io.ictal.api.spectrogram.MultiSpectralParameters;
import io.ictal.api.spectrogram.StftParameters;
import java.util.Objects;

/**
 * How a model's input is made from a signal window: with which of the spectrogram service's
 * methods and exactly which parameters, so that training and inference compute the same tensors.
 */
public sealed interface SpectrogramInput
        permits SpectrogramInput.RawSamples, SpectrogramInput.Stft, SpectrogramInput.MultiSpectral,
        SpectrogramInput.Image {

    /** The card's name of this kind, e.g. {@code image}. */
    String kind();

    /** The model takes the (resampled, normalised) samples themselves. */
    record RawSamples() implements SpectrogramInput {
        @Override
        public String kind() {
            return "none";
        }
    }

    /** A plain STFT: {@code SpectrogramService.stft(..., parameters)}. */
    record Stft(StftParameters parameters) implements SpectrogramInput {
        public Stft {
            Objects.requireNonNull(parameters, "parameters");
        }

        @Override
        public String kind() {
            return "stft";
        }
    }

    /** A multi-spectral stack (SeizureNet): {@code SpectrogramService.multiSpectral(..., parameters)}. */
    record MultiSpectral(MultiSpectralParameters parameters) implements SpectrogramInput {
        public MultiSpectral {
            Objects.requireNonNull(parameters, "parameters");
        }

        @Override
        public String kind() {
            return "multi-spectral";
        }
    }

    /** An RGB spectrogram image (Barry et al.): {@code SpectrogramService.image(..., parameters)}. */
    record Image(ImageParameters parameters) implements SpectrogramInput {
        public Image {
            Objects.requireNonNull(parameters, "parameters");
        }

        @Override
        public String kind() {
            return "image";
        }
    }
}
