package io.ictal.ecg.internal;

import io.ictal.api.spectrogram.SpectrogramService;
import io.ictal.spectrogram.internal.SpectrogramComponent;
import java.lang.annotation.Annotation;

/** The real spectrogram service as a plain object, configured as DS would. */
final class TestServices {

    private TestServices() {
    }

    static SpectrogramService spectrograms() {
        return new SpectrogramComponent(new SpectrogramComponent.Config() {
            @Override
            public int threads() {
                return 1;
            }

            @Override
            public double blockSeconds() {
                return 60;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return SpectrogramComponent.Config.class;
            }
        });
    }
}
