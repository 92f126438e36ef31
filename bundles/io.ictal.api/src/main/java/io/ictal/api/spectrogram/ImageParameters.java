package io.ictal.api.spectrogram;

import java.util.Objects;

/**
 * An RGB spectrogram image as in Barry et al.: one image per channel and window, with a fixed
 * frequency axis and a colour map over a fixed or per-image dB range.
 *
 * <p>The decibel spectrogram of {@link #stft} is sampled bilinearly onto {@code height x width}
 * points: row {@code r} at frequency {@code top - r * (top - stft.minHz) / (height - 1)} (row 0 is
 * the highest frequency, as people read it; {@code top} is {@code stft.maxHz} capped at Nyquist),
 * column {@code c} at fractional frame index {@code c * (frames - 1) / (width - 1)}. Each point is
 * normalised to {@code [0, 1]} over the {@link ColourRange} (clamped) and coloured.
 *
 * @param stft the STFT; its scale must be {@link SpectrumScale#DECIBEL}
 * @param imageSeconds length of one image's window in seconds (&gt; 0), used when reading a recording
 * @param height rows (&ge; 2)
 * @param width columns (&ge; 2)
 * @param range fixed or per-image dB range
 * @param minDb bottom of the fixed range
 * @param maxDb top of the fixed range (&gt; minDb)
 * @param colourMap colour map
 */
public record ImageParameters(
        StftParameters stft,
        double imageSeconds,
        int height,
        int width,
        ColourRange range,
        double minDb,
        double maxDb,
        ColourMap colourMap) {

    public ImageParameters {
        Objects.requireNonNull(stft, "stft");
        if (stft.scale() != SpectrumScale.DECIBEL) {
            throw new SpectrogramException("stft.scale", "must be DECIBEL for images, was " + stft.scale());
        }
        if (!Double.isFinite(imageSeconds) || imageSeconds < stft.windowSeconds()) {
            throw new SpectrogramException("imageSeconds", "must be finite and >= stft.windowSeconds ("
                    + stft.windowSeconds() + "), was " + imageSeconds);
        }
        if (height < 2) {
            throw new SpectrogramException("height", "must be >= 2, was " + height);
        }
        if (width < 2) {
            throw new SpectrogramException("width", "must be >= 2, was " + width);
        }
        Objects.requireNonNull(range, "range");
        if (!Double.isFinite(minDb) || !Double.isFinite(maxDb) || maxDb <= minDb) {
            throw new SpectrogramException("maxDb", "minDb and maxDb must be finite with maxDb > minDb, were "
                    + minDb + " and " + maxDb);
        }
        Objects.requireNonNull(colourMap, "colourMap");
    }
}
