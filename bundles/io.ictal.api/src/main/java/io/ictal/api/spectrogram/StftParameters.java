package io.ictal.api.spectrogram;

import java.util.Objects;

/**
 * How to compute a spectrogram. Validated on construction (except against a signal's rate, which
 * the service checks).
 *
 * @param windowSeconds segment length in seconds (&gt; 0)
 * @param hopSeconds step between segment starts in seconds (&gt; 0)
 * @param taper window function
 * @param detrend per-segment detrending
 * @param scale unit of the output values
 * @param minHz lowest frequency kept (&ge; 0)
 * @param maxHz highest frequency kept (&gt; minHz; {@link Double#POSITIVE_INFINITY} for Nyquist)
 * @param resampleToHz rate to resample the signal to first, or 0 to keep the signal's rate
 */
public record StftParameters(
        double windowSeconds,
        double hopSeconds,
        Taper taper,
        Detrend detrend,
        SpectrumScale scale,
        double minHz,
        double maxHz,
        double resampleToHz) {

    public StftParameters {
        if (!Double.isFinite(windowSeconds) || windowSeconds <= 0) {
            throw new SpectrogramException("windowSeconds", "must be finite and > 0, was " + windowSeconds);
        }
        if (!Double.isFinite(hopSeconds) || hopSeconds <= 0) {
            throw new SpectrogramException("hopSeconds", "must be finite and > 0, was " + hopSeconds);
        }
        Objects.requireNonNull(taper, "taper");
        Objects.requireNonNull(detrend, "detrend");
        Objects.requireNonNull(scale, "scale");
        if (!Double.isFinite(minHz) || minHz < 0) {
            throw new SpectrogramException("minHz", "must be finite and >= 0, was " + minHz);
        }
        if (Double.isNaN(maxHz) || maxHz <= minHz) {
            throw new SpectrogramException("maxHz", "must be > minHz (" + minHz + "), was " + maxHz);
        }
        if (!Double.isFinite(resampleToHz) || resampleToHz < 0) {
            throw new SpectrogramException("resampleToHz", "must be 0 (keep) or a rate > 0, was " + resampleToHz);
        }
    }

    /** Hann window, constant detrend, density, full band, the signal's own rate. */
    public static StftParameters of(double windowSeconds, double hopSeconds) {
        return new StftParameters(windowSeconds, hopSeconds, Taper.HANN, Detrend.CONSTANT,
                SpectrumScale.DENSITY, 0, Double.POSITIVE_INFINITY, 0);
    }
}
