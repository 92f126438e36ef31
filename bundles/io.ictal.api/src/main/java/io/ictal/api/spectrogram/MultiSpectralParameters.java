package io.ictal.api.spectrogram;

import java.util.List;
import java.util.Objects;

/**
 * A multi-spectral stack as in SeizureNet's preparation: one log10-magnitude spectrogram per layer
 * (window length, band), all on one grid so that they stack as model input channels.
 *
 * <p>The grid: with {@code n} the samples of the longest window and {@code step} the samples of
 * the hop (both rounded), frame {@code k} is centred on sample {@code k * step + n / 2} (integer
 * division) for every layer, so all layers share frame times; a layer of window {@code m} samples
 * transforms samples {@code [centre - m / 2, centre - m / 2 + m)}. Each segment is detrended,
 * tapered, transformed with an {@code m}-point real FFT, and {@code log10(max(|X|, LOG_FLOOR))} of
 * the magnitude is interpolated linearly in frequency onto {@code bins} points evenly spaced from
 * {@code minHz} to the layer's top (its {@code maxHz} capped at Nyquist).
 *
 * @param layers the layers, in output order (at least one)
 * @param minHz bottom of every band (&ge; 0 and below every layer's top)
 * @param hopSeconds step between frames in seconds (&gt; 0)
 * @param bins frequency points per layer (&ge; 2)
 * @param taper window function of every layer
 * @param detrend per-segment detrending
 * @param resampleToHz rate to resample the signal to first, or 0 to keep the signal's rate
 */
public record MultiSpectralParameters(
        List<SpectralLayer> layers,
        double minHz,
        double hopSeconds,
        int bins,
        Taper taper,
        Detrend detrend,
        double resampleToHz) {

    public MultiSpectralParameters {
        layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
        if (layers.isEmpty()) {
            throw new SpectrogramException("layers", "must hold at least one layer");
        }
        if (!Double.isFinite(minHz) || minHz < 0) {
            throw new SpectrogramException("minHz", "must be finite and >= 0, was " + minHz);
        }
        for (SpectralLayer layer : layers) {
            if (layer.maxHz() <= minHz) {
                throw new SpectrogramException("maxHz", "every layer's maxHz must be > minHz (" + minHz + "), was "
                        + layer.maxHz());
            }
        }
        if (!Double.isFinite(hopSeconds) || hopSeconds <= 0) {
            throw new SpectrogramException("hopSeconds", "must be finite and > 0, was " + hopSeconds);
        }
        if (bins < 2) {
            throw new SpectrogramException("bins", "must be >= 2, was " + bins);
        }
        Objects.requireNonNull(taper, "taper");
        Objects.requireNonNull(detrend, "detrend");
        if (!Double.isFinite(resampleToHz) || resampleToHz < 0) {
            throw new SpectrogramException("resampleToHz", "must be 0 (keep) or a rate > 0, was " + resampleToHz);
        }
    }

    /**
     * SeizureNet's stack: windows of 1, 2, 4, 8 and 16 s with bands from 1 Hz up to 12, 24, 48, 64
     * and 96 Hz, Hann taper, constant detrend, the signal's own rate.
     */
    public static MultiSpectralParameters seizureNet(double hopSeconds, int bins) {
        return new MultiSpectralParameters(List.of(new SpectralLayer(1, 12), new SpectralLayer(2, 24),
                new SpectralLayer(4, 48), new SpectralLayer(8, 64), new SpectralLayer(16, 96)), 1, hopSeconds, bins,
                Taper.HANN, Detrend.CONSTANT, 0);
    }

    /** The longest window of the layers, which sets the frame grid. */
    public double longestWindowSeconds() {
        return layers.stream().mapToDouble(SpectralLayer::windowSeconds).max().orElseThrow();
    }
}
