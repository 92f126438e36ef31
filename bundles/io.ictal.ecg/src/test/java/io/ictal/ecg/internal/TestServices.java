package io.ictal.ecg.internal;

import io.ictal.api.spectrogram.SpectrogramService;
import io.ictal.spectrogram.internal.SpectrogramComponent;

/** The real spectrogram service as a plain object, configured as DS would. */
final class TestServices {

    private TestServices() {
    }

    static SpectrogramService spectrograms() {
        return new SpectrogramComponent(1, 60);
    }
}
