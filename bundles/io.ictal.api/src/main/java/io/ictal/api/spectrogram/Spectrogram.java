package io.ictal.api.spectrogram;

import java.util.Arrays;
import java.util.Objects;

/**
 * A spectrogram: {@code values[frame][bin]}, frame {@code t} centred at
 * {@code firstFrameCentreSeconds + t * hopSeconds}, bin {@code f} at {@code frequenciesHz[f]}.
 */
public final class Spectrogram {

    private final double firstFrameCentreSeconds;
    private final double hopSeconds;
    private final double[] frequenciesHz;
    private final float[][] values;
    private final SpectrumScale scale;

    public Spectrogram(double firstFrameCentreSeconds, double hopSeconds, double[] frequenciesHz,
            float[][] values, SpectrumScale scale) {
        if (!Double.isFinite(firstFrameCentreSeconds)) {
            throw new IllegalArgumentException("firstFrameCentreSeconds must be finite");
        }
        if (!(hopSeconds > 0) || Double.isInfinite(hopSeconds)) {
            throw new IllegalArgumentException("hopSeconds must be finite and > 0, was " + hopSeconds);
        }
        this.frequenciesHz = Objects.requireNonNull(frequenciesHz, "frequenciesHz").clone();
        Objects.requireNonNull(values, "values");
        this.values = new float[values.length][];
        for (int t = 0; t < values.length; t++) {
            if (values[t].length != frequenciesHz.length) {
                throw new IllegalArgumentException("frame " + t + " has " + values[t].length + " bins, expected "
                        + frequenciesHz.length);
            }
            this.values[t] = values[t].clone();
        }
        this.firstFrameCentreSeconds = firstFrameCentreSeconds;
        this.hopSeconds = hopSeconds;
        this.scale = Objects.requireNonNull(scale, "scale");
    }

    public int frameCount() {
        return values.length;
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
        return values[t][f];
    }

    /** A copy of frame {@code t}. */
    public float[] frame(int t) {
        return values[t].clone();
    }

    public SpectrumScale scale() {
        return scale;
    }

    @Override
    public String toString() {
        return "Spectrogram[" + values.length + " frames x " + frequenciesHz.length + " bins, hop " + hopSeconds
                + " s, " + scale + ", " + (frequenciesHz.length == 0 ? "no bins"
                        : frequenciesHz[0] + ".." + frequenciesHz[frequenciesHz.length - 1] + " Hz") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spectrogram s && firstFrameCentreSeconds == s.firstFrameCentreSeconds
                && hopSeconds == s.hopSeconds && scale == s.scale && Arrays.equals(frequenciesHz, s.frequenciesHz)
                && Arrays.deepEquals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(frequenciesHz) * 31 + Arrays.deepHashCode(values);
    }
}
