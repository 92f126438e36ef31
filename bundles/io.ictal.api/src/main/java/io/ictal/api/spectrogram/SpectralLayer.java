package io.ictal.api.spectrogram;

/**
 * One layer of a multi-spectral stack: an FFT window length and the top of its band.
 *
 * @param windowSeconds FFT window length in seconds (&gt; 0)
 * @param maxHz top of the layer's band in Hz (&gt; 0); capped at Nyquist when computed
 */
public record SpectralLayer(double windowSeconds, double maxHz) {

    public SpectralLayer {
        if (!Double.isFinite(windowSeconds) || windowSeconds <= 0) {
            throw new SpectrogramException("windowSeconds", "must be finite and > 0, was " + windowSeconds);
        }
        if (!Double.isFinite(maxHz) || maxHz <= 0) {
            throw new SpectrogramException("maxHz", "must be finite and > 0, was " + maxHz);
        }
    }
}
