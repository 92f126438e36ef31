package io.ictal.api.recording;

import java.util.Objects;

/**
 * One data signal of a recording to write. Annotation signals are not listed: the writer adds the
 * EDF+/BDF+ annotation signal itself.
 *
 * @param label e.g. {@code EEG Fp1-REF} or {@code FP1-F7} (at most 16 ASCII characters)
 * @param transducer transducer type (at most 80 ASCII characters), may be empty
 * @param physicalDimension unit, e.g. {@code uV} (at most 8 ASCII characters)
 * @param physicalMin physical value of {@code digitalMin}; samples below it are clipped
 * @param physicalMax physical value of {@code digitalMax}; samples above it are clipped
 * @param digitalMin digital minimum (within the format's range)
 * @param digitalMax digital maximum (&gt; digitalMin)
 * @param prefiltering e.g. {@code HP:0.1Hz LP:75Hz} (at most 80 ASCII characters), may be empty
 * @param samplesPerRecord samples of this signal in each data record (&gt; 0)
 */
public record SignalSpec(
        String label,
        String transducer,
        String physicalDimension,
        double physicalMin,
        double physicalMax,
        int digitalMin,
        int digitalMax,
        String prefiltering,
        int samplesPerRecord) {

    public SignalSpec {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(transducer, "transducer");
        Objects.requireNonNull(physicalDimension, "physicalDimension");
        Objects.requireNonNull(prefiltering, "prefiltering");
        if (!Double.isFinite(physicalMin) || !Double.isFinite(physicalMax) || physicalMin == physicalMax) {
            throw new IllegalArgumentException("physical min/max must be finite and differ for signal '" + label + "'");
        }
        if (digitalMin >= digitalMax) {
            throw new IllegalArgumentException("digitalMin (" + digitalMin + ") must be < digitalMax ("
                    + digitalMax + ") for signal '" + label + "'");
        }
        if (samplesPerRecord <= 0) {
            throw new IllegalArgumentException("samplesPerRecord must be > 0 for signal '" + label + "'");
        }
    }

    /** A 16-bit EDF signal using the full digital range. */
    public static SignalSpec edf(String label, String physicalDimension, double physicalMin, double physicalMax,
            int samplesPerRecord) {
        return new SignalSpec(label, "", physicalDimension, physicalMin, physicalMax, -32768, 32767, "",
                samplesPerRecord);
    }
}
