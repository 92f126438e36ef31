package io.ictal.api.spectrogram;

import java.util.Arrays;
import java.util.Objects;

/**
 * A spectrogram: frame {@code t} centred at {@code firstFrameCentreSeconds + t * hopSeconds}, bin
 * {@code f} at {@code frequenciesHz[f]}. Values are held frame after frame in one array, which a
 * 24-hour spectrogram needs: tens of thousands of small row arrays cost the garbage collector more
 * than computing them.
 */
public final class Spectrogram {

    private final double firstFrameCentreSeconds;
    private final double hopSeconds;
    private final double[] frequenciesHz;
    private final float[] values;
    private final int frameCount;
    private final SpectrumScale scale;

    /**
     * @param values {@code values[frame][bin]}, copied
     */
    public Spectrogram(double firstFrameCentreSeconds, double hopSeconds, double[] frequenciesHz,
            float[][] values, SpectrumScale scale) {
        this(firstFrameCentreSeconds, hopSeconds, frequenciesHz, flatten(values, frequenciesHz), values.length, scale);
    }

    /**
     * @param values frame after frame, {@code frequenciesHz.length} values each (at least one bin), copied
     */
    public Spectrogram(double firstFrameCentreSeconds, double hopSeconds, double[] frequenciesHz, float[] values,
            SpectrumScale scale) {
        this(firstFrameCentreSeconds, hopSeconds, frequenciesHz, Objects.requireNonNull(values, "values").clone(),
                frames(values, frequenciesHz), scale);
    }

    private Spectrogram(double firstFrameCentreSeconds, double hopSeconds, double[] frequenciesHz, float[] owned,
            int frameCount, SpectrumScale scale) {
        if (!Double.isFinite(firstFrameCentreSeconds)) {
            throw new IllegalArgumentException("firstFrameCentreSeconds must be finite");
        }
        if (!(hopSeconds > 0) || Double.isInfinite(hopSeconds)) {
            throw new IllegalArgumentException("hopSeconds must be finite and > 0, was " + hopSeconds);
        }
        this.frequenciesHz = frequenciesHz.clone();
        this.values = owned;
        this.frameCount = frameCount;
        this.firstFrameCentreSeconds = firstFrameCentreSeconds;
        this.hopSeconds = hopSeconds;
        this.scale = Objects.requireNonNull(scale, "scale");
    }

    private static float[] flatten(float[][] values, double[] frequenciesHz) {
        Objects.requireNonNull(values, "values");
        int bins = Objects.requireNonNull(frequenciesHz, "frequenciesHz").length;
        float[] flat = new float[Math.multiplyExact(values.length, bins)];
        for (int t = 0; t < values.length; t++) {
            if (values[t].length != bins) {
                throw new IllegalArgumentException("frame " + t + " has " + values[t].length + " bins, expected "
                        + bins);
            }
            System.arraycopy(values[t], 0, flat, t * bins, bins);
        }
        return flat;
    }

    private static int frames(float[] values, double[] frequenciesHz) {
        int bins = Objects.requireNonNull(frequenciesHz, "frequenciesHz").length;
        if (bins == 0 || values.length % bins != 0) {
            throw new IllegalArgumentException(values.length + " values are not whole frames of " + bins + " bins");
        }
        return values.length / bins;
    }

    public int frameCount() {
        return frameCount;
    }

    public int binCount() {
        return frequenciesHz.length;
    }

    public double firstFrameCentreSeconds() {
        return firstFrameCentreSeconds;
    }

    public double hopSeconds() {
        return hopSeconds;
    }

    /** Centre time of frame {@code t} in seconds. */
    public double frameCentreSeconds(int t) {
        return firstFrameCentreSeconds + t * hopSeconds;
    }

    /** A copy of the bin frequencies. */
    public double[] frequenciesHz() {
        return frequenciesHz.clone();
    }

    /** Value of frame {@code t}, bin {@code f}. */
    public float value(int t, int f) {
        Objects.checkIndex(t, frameCount);
        return values[t * frequenciesHz.length + Objects.checkIndex(f, frequenciesHz.length)];
    }

    /** A copy of frame {@code t}. */
    public float[] frame(int t) {
        Objects.checkIndex(t, frameCount);
        return Arrays.copyOfRange(values, t * frequenciesHz.length, (t + 1) * frequenciesHz.length);
    }

    /** A copy of all values, frame after frame. */
    public float[] values() {
        return values.clone();
    }

    public SpectrumScale scale() {
        return scale;
    }

    @Override
    public String toString() {
        return "Spectrogram[" + frameCount + " frames x " + frequenciesHz.length + " bins, hop " + hopSeconds
                + " s, " + scale + ", " + (frequenciesHz.length == 0 ? "no bins"
                        : frequenciesHz[0] + ".." + frequenciesHz[frequenciesHz.length - 1] + " Hz") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spectrogram s && firstFrameCentreSeconds == s.firstFrameCentreSeconds
                && hopSeconds == s.hopSeconds && scale == s.scale && frameCount == s.frameCount
                && Arrays.equals(frequenciesHz, s.frequenciesHz) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(frequenciesHz) * 31 + Arrays.hashCode(values);
    }
}
