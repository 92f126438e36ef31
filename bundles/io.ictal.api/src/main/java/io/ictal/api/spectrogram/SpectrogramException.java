package io.ictal.api.spectrogram;

/**
 * Input a spectrogram cannot be computed from (NaN samples, a window longer than the signal, a
 * band beyond Nyquist, a non-positive hop). The message names the parameter and its allowed range.
 */
public class SpectrogramException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public SpectrogramException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    /** The offending parameter, e.g. {@code hopSeconds} or {@code samples}. */
    public String parameter() {
        return parameter;
    }
}
