package io.ictal.seizuretype.internal;

import io.ictal.api.spectrogram.SpectrogramService;
import io.ictal.spectrogram.internal.SpectrogramComponent;

/** The real spectrogram service, built without a framework as DS would build it. */
final class TestServices {

    static final SpectrogramService SPECTROGRAM = new SpectrogramComponent(1, 600);

    private TestServices() {
    }
}
