package io.ictal.api.spectrogram;

import java.util.Objects;

/**
 * A compressed spectral array (CSA): a coarse spectrogram of a whole recording for a trend panel.
 * Each epoch's value is the mean density of the STFT frames that lie wholly inside the epoch
 * (Welch's average), then scaled by {@code stft.scale}. Frames that touch missing data (a gap of an
 * EDF+D file) are left out of the mean; an epoch with no complete frame is {@link Float#NaN}, so a
 * gap shows as a gap.
 *
 * @param stft the STFT inside each epoch; {@code resampleToHz} must be 0 (trends are computed at
 *     the file's rate)
 * @param epochSeconds length of one trend point in seconds (&ge; stft.windowSeconds)
 */
public record TrendParameters(StftParameters stft, double epochSeconds) {

    public TrendParameters {
        Objects.requireNonNull(stft, "stft");
        if (stft.resampleToHz() != 0) {
            throw new SpectrogramException("stft.resampleToHz", "must be 0 for trends, was " + stft.resampleToHz());
        }
        if (!Double.isFinite(epochSeconds) || epochSeconds < stft.windowSeconds()) {
            throw new SpectrogramException("epochSeconds", "must be finite and >= stft.windowSeconds ("
                    + stft.windowSeconds() + "), was " + epochSeconds);
        }
    }
}
