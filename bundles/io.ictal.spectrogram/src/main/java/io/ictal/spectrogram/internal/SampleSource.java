package io.ictal.spectrogram.internal;

import io.ictal.api.spectrogram.SpectrogramException;

/**
 * Samples as read (float) or as resampled (double), so that one STFT loop serves both without
 * copying a long float signal into doubles.
 */
interface SampleSource {

    /** Transforms the segment starting at {@code start}. */
    void transform(SegmentTransform transform, int start);

    /** Whether {@code [start, start + length)} holds only finite samples. */
    boolean finite(int start, int length);

    /** Refuses a non-finite sample in {@code [start, start + length)}, naming it. */
    default void requireFinite(int start, int length) {
        if (!finite(start, length)) {
            for (int i = start; i < start + length; i++) {
                if (!finite(i, 1)) {
                    throw new SpectrogramException("samples", "must all be finite; sample " + i + " is NaN or infinite");
                }
            }
        }
    }

    static SampleSource of(float[] samples) {
        return new SampleSource() {
            @Override
            public void transform(SegmentTransform transform, int start) {
                transform.transform(samples, start);
            }

            @Override
            public boolean finite(int start, int length) {
                return Samples.finite(samples, start, start + length);
            }
        };
    }

    static SampleSource of(double[] samples) {
        return new SampleSource() {
            @Override
            public void transform(SegmentTransform transform, int start) {
                transform.transform(samples, start);
            }

            @Override
            public boolean finite(int start, int length) {
                return Samples.finite(samples, start, start + length);
            }
        };
    }
}
