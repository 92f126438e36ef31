package io.ictal.spectrogram.internal;

import io.ictal.api.spectrogram.Spectrogram;
import io.ictal.api.spectrogram.SpectrogramException;
import io.ictal.api.spectrogram.SpectrumScale;
import io.ictal.api.spectrogram.StftParameters;

/**
 * An STFT fitted to one signal: segment and hop in samples, the kept bins, the density scale.
 * Computes any range of frames, so callers can split the work over blocks and threads.
 */
final class StftPlan {

    final StftParameters parameters;
    /** Rate of the samples transformed (after any resampling). */
    final double rateHz;
    final int segment;
    final int step;
    final int firstBin;
    final int binCount;
    private final double densityScale;
    /** The taper(s), made once: DPSS tapers take an eigen-decomposition, a Hann window {@code segment} cosines. */
    private final double[][] tapers;
    /** Density factor of each kept bin: the scale, doubled for bins that stand for a +/- frequency pair. */
    private final double[] binFactors;

    /**
     * @param rateHz rate of the samples transformed (already resampled)
     * @param signalSamples their number
     */
    StftPlan(StftParameters parameters, double rateHz, long signalSamples) {
        this.parameters = parameters;
        this.rateHz = rateHz;
        this.segment = Samples.window(parameters.windowSeconds(), rateHz);
        this.step = Samples.count("hopSeconds", parameters.hopSeconds(), rateHz);
        Samples.requireWindowFits("windowSeconds", segment, signalSamples, rateHz);
        double nyquist = rateHz / 2;
        if (parameters.maxHz() != Double.POSITIVE_INFINITY && parameters.maxHz() > nyquist) {
            throw new SpectrogramException("maxHz", "must be <= Nyquist (" + nyquist + " Hz at " + rateHz
                    + " Hz) or Infinity, was " + parameters.maxHz());
        }
        double binHz = rateHz / segment;
        int lastBin = segment / 2;
        int first = (int) Math.ceil(parameters.minHz() / binHz - 1e-9);
        int last = (int) Math.min(lastBin, Math.floor(Math.min(parameters.maxHz(), nyquist) / binHz + 1e-9));
        if (first > last) {
            throw new SpectrogramException("minHz", "the band " + parameters.minHz() + ".." + parameters.maxHz()
                    + " Hz holds no frequency bin (bins are " + binHz + " Hz apart, up to " + nyquist + " Hz)");
        }
        this.firstBin = first;
        this.binCount = last - first + 1;
        this.tapers = SegmentTransform.tapers(parameters.taper(), segment);
        this.densityScale = 1.0 / (rateHz * SegmentTransform.windowPower(tapers[0]));
        this.binFactors = new double[binCount];
        for (int b = 0; b < binCount; b++) {
            binFactors[b] = densityScale * (isUnpaired(firstBin + b) ? 1 : 2);
        }
    }

    /** Frames that fit in {@code samples} samples (scipy: no padding, no boundary extension). */
    long frameCount(long samples) {
        return samples < segment ? 0 : (samples - segment) / step + 1;
    }

    /** Working buffers and an FFT plan for one thread. */
    SegmentTransform newTransform() {
        return new SegmentTransform(tapers, parameters.detrend());
    }

    /** One-sided density of bin {@code k} of the transform's last segment, scipy {@code scaling='density'}. */
    double density(SegmentTransform transform, int k) {
        return transform.power(k) * binFactors[k - firstBin];
    }

    /** DC and (for even segments) Nyquist have no mirror bin, so they are not doubled. */
    private boolean isUnpaired(int k) {
        return k == 0 || (segment % 2 == 0 && k == segment / 2);
    }

    /** Writes the kept bins of the transform's last segment, in the parameters' scale, at {@code out[at...]}. */
    void writeFrame(SegmentTransform transform, double[] powers, float[] out, int at) {
        transform.powers(powers);
        if (parameters.scale() == SpectrumScale.DENSITY) {
            for (int b = 0; b < binCount; b++) {
                out[at + b] = (float) (powers[firstBin + b] * binFactors[b]);
            }
            return;
        }
        for (int b = 0; b < binCount; b++) {
            out[at + b] = (float) scaled(powers[firstBin + b] * binFactors[b]);
        }
    }

    double scaled(double density) {
        return switch (parameters.scale()) {
            case DENSITY -> density;
            case LOG10 -> Samples.log10(density);
            case DECIBEL -> 10 * Samples.log10(density);
        };
    }

    double[] frequencies() {
        double[] f = new double[binCount];
        for (int b = 0; b < binCount; b++) {
            f[b] = (firstBin + b) * rateHz / segment;
        }
        return f;
    }

    /** Room for {@code frames} frames, frame after frame; refuses a spectrogram beyond a Java array. */
    float[] newValues(long frames) {
        long values = frames * binCount;
        if (values > Integer.MAX_VALUE - 8) {
            throw new SpectrogramException("durationSeconds", "the spectrogram would hold " + values
                    + " values, more than an array can (2^31); use a shorter range or a longer hop");
        }
        return new float[(int) values];
    }

    /**
     * Frames {@code [from, to)} of {@code samples}, whose sample 0 is frame {@code from}'s first
     * sample minus {@code from} hops, written as frames {@code outFrame...} of {@code out}.
     */
    void frames(SampleSource samples, int from, int to, float[] out, int outFrame) {
        frames(newTransform(), samples, from, to, out, outFrame);
    }

    /** As {@link #frames(SampleSource, int, int, float[], int)} with the calling thread's transform. */
    void frames(SegmentTransform transform, SampleSource samples, int from, int to, float[] out, int outFrame) {
        double[] powers = new double[transform.binCount()];
        for (int t = from; t < to; t++) {
            samples.transform(transform, t * step);
            writeFrame(transform, powers, out, (outFrame + t - from) * binCount);
            if (!Double.isFinite(powers[0])) {
                // A NaN or infinite sample reaches every bin, DC included; checking here spares a
                // pass over the whole signal before the STFT.
                samples.requireFinite(t * step, segment);
            }
        }
    }

    Spectrogram spectrogram(float[] values) {
        return new Spectrogram(segment / 2.0 / rateHz, step / rateHz, frequencies(), values, parameters.scale());
    }
}
