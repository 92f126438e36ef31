package io.ictal.seizuretype.internal;

import io.ictal.api.spectrogram.SpectrogramService;
import io.ictal.spectrogram.internal.SpectrogramComponent;
import java.lang.annotation.Annotation;

/** The real spectrogram service, built without a framework as DS would build it. */
final class TestServices {

    static final SpectrogramService SPECTROGRAM = new SpectrogramComponent(new SpectrogramComponent.Config() {
        @Override
        public int threads() {
            return 1;
        }

        @Override
        public double blockSeconds() {
            return 600;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return SpectrogramComponent.Config.class;
        }
    });

    private TestServices() {
    }
}
