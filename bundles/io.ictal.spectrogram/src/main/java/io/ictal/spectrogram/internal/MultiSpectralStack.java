package io.ictal.spectrogram.internal;

import io.ictal.api.spectrogram.MultiSpectralParameters;
import io.ictal.api.spectrogram.SpectralLayer;
import io.ictal.api.spectrogram.SpectrogramException;
import java.io.IOException;

/** SeizureNet's multi-spectral stack; the grid is documented on {@link MultiSpectralParameters}. */
final class MultiSpectralStack {

    private MultiSpectralStack() {
    }

    /**
     * @param samples the (resampled) signal
     * @param length its number of samples
     * @param rateHz its rate
     * @return {@code [layer][bin][frame]}
     */
    static float[][][] compute(SampleSource samples, int length, double rateHz, MultiSpectralParameters p,
            Workers workers) throws IOException {
        int step = Samples.count("hopSeconds", p.hopSeconds(), rateHz);
        int longest = Samples.count("windowSeconds", p.longestWindowSeconds(), rateHz);
        Samples.requireWindowFits("windowSeconds", longest, length, rateHz);
        int frames = (length - longest) / step + 1;
        float[][][] stack = new float[p.layers().size()][p.bins()][frames];
        workers.forEach(p.layers().size(), l -> computeLayer(samples, rateHz, p, p.layers().get(l), step,
                longest, stack[l]));
        return stack;
    }

    private static void computeLayer(SampleSource samples, double rateHz, MultiSpectralParameters p,
            SpectralLayer layer, int step, int longest, float[][] out) {
        int segment = Samples.window(layer.windowSeconds(), rateHz);
        double top = Math.min(layer.maxHz(), rateHz / 2);
        if (top <= p.minHz()) {
            throw new SpectrogramException("minHz", "must be below every layer's top (maxHz capped at Nyquist, "
                    + top + " Hz at " + rateHz + " Hz), was " + p.minHz());
        }
        double binHz = rateHz / segment;
        SegmentTransform transform = new SegmentTransform(segment, p.taper(), p.detrend());
        double[] logMagnitude = new double[transform.binCount()];
        int frames = out[0].length;
        for (int t = 0; t < frames; t++) {
            samples.transform(transform, t * step + longest / 2 - segment / 2);
            for (int k = 0; k < logMagnitude.length; k++) {
                logMagnitude[k] = Samples.log10(Math.sqrt(transform.power(k)));
            }
            for (int b = 0; b < p.bins(); b++) {
                double f = p.minHz() + b * (top - p.minHz()) / (p.bins() - 1);
                out[b][t] = (float) Interpolation.uniform(logMagnitude, 0, binHz, f);
            }
        }
    }
}
