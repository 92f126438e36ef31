package io.ictal.api.spectrogram;

import org.osgi.annotation.versioning.ProviderType;

/** Computes spectrograms. Registered as an OSGi service; thread-safe. */
@ProviderType
public interface SpectrogramService {

    /**
     * STFT of one signal.
     *
     * @param samples the signal (not modified)
     * @param samplingRateHz its rate
     * @throws SpectrogramException NaN/Inf samples, a window longer than the signal, a band beyond
     *     Nyquist
     */
    Spectrogram stft(float[] samples, double samplingRateHz, StftParameters parameters);
}
