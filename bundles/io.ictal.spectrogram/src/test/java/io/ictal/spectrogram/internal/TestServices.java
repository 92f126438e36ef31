package io.ictal.spectrogram.internal;

import java.lang.annotation.Annotation;

/** Builds components without a framework, as DS would with a configuration. */
final class TestServices {

    private TestServices() {
    }

    static SpectrogramComponent component(int threads, double blockSeconds) {
        return new SpectrogramComponent(new SpectrogramComponent.Config() {
            @Override
            public int threads() {
                return threads;
            }

            @Override
            public double blockSeconds() {
                return blockSeconds;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return SpectrogramComponent.Config.class;
            }
        });
    }
}
