package io.ictal.spectrogram.internal;


/** Builds components without a framework, as DS would with a configuration. */
final class TestServices {

    private TestServices() {
    }

    static SpectrogramComponent component(int threads, double blockSeconds) {
        return new SpectrogramComponent(threads, blockSeconds);
    }
}
