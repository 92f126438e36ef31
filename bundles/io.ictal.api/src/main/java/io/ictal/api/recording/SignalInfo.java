package io.ictal.api.recording;

import java.util.Objects;

/**
 * One signal of the header.
 *
 * @param index position in the header (0-based)
 * @param label the label as written, trimmed (e.g. {@code EEG Fp1-REF}, {@code FP1-F7}, {@code EDF Annotations})
 * @param type inferred from the label
 * @param transducer transducer type, trimmed
 * @param physicalDimension unit, e.g. {@code uV}
 * @param physicalMin physical minimum
 * @param physicalMax physical maximum
 * @param digitalMin digital minimum
 * @param digitalMax digital maximum (&gt; digitalMin)
 * @param prefiltering prefiltering, trimmed
 * @param samplesPerRecord samples in each data record (&gt; 0)
 * @param samplingRateHz samples per second (samplesPerRecord / record duration; 0 for annotation-only files)
 */
public record SignalInfo(
        int index,
        String label,
        ChannelType type,
        String transducer,
        String physicalDimension,
        double physicalMin,
        double physicalMax,
        int digitalMin,
        int digitalMax,
        String prefiltering,
        int samplesPerRecord,
        double samplingRateHz) {

    public SignalInfo {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, was " + index);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(transducer, "transducer");
        Objects.requireNonNull(physicalDimension, "physicalDimension");
        Objects.requireNonNull(prefiltering, "prefiltering");
        if (!Double.isFinite(physicalMin) || !Double.isFinite(physicalMax)) {
            throw new IllegalArgumentException("physical min/max must be finite for signal '" + label + "'");
        }
        if (digitalMin >= digitalMax) {
            throw new IllegalArgumentException("digitalMin (" + digitalMin + ") must be < digitalMax ("
                    + digitalMax + ") for signal '" + label + "'");
        }
        if (samplesPerRecord <= 0) {
            throw new IllegalArgumentException("samplesPerRecord must be > 0 for signal '" + label + "'");
        }
        if (!Double.isFinite(samplingRateHz) || samplingRateHz < 0) {
            throw new IllegalArgumentException("samplingRateHz must be finite and >= 0 for signal '" + label + "'");
        }
    }

    /** Physical units per digital step. */
    public double gain() {
        return (physicalMax - physicalMin) / ((double) digitalMax - digitalMin);
    }

    /** Physical value of digital 0: {@code physical = digital * gain() + offset()}. */
    public double offset() {
        return physicalMax - gain() * digitalMax;
    }

    /** The electrodes the label names (10-20 electrode and reference, or a bipolar pair). */
    public Derivation derivation() {
        return Derivation.parse(label);
    }

    /** Whether this is an "EDF Annotations" / "BDF Annotations" signal. */
    public boolean isAnnotation() {
        return type == ChannelType.ANNOTATION;
    }
}
