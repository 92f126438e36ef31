package io.ictal.api.spectrogram;

import io.ictal.api.recording.Recording;
import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Computes spectrograms, multi-spectral stacks, RGB spectrogram images and trends. Registered as an
 * OSGi service; thread-safe. Parameters are value objects a model card describes, so the training
 * pipeline ({@code training/ictal_training/spectrogram.py}) produces the same tensors.
 *
 * <p>Methods taking arrays refuse NaN and infinite samples. Methods reading a {@link Recording}
 * refuse a range where the recording has no data (NaN samples), except {@link #trends}, which shows
 * gaps as NaN epochs.
 */
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

    /**
     * STFT of signals of a recording over {@code [startSeconds, startSeconds + durationSeconds)},
     * read in blocks so that memory stays bounded however long the range is (the result excepted).
     * Each result equals {@link #stft(float[], double, StftParameters)} of the whole range's samples.
     *
     * @param signals indices into the recording's signals
     * @return one spectrogram per signal, in the order given; frame times are relative to startSeconds
     * @throws SpectrogramException a parameter does not fit a signal, or the range holds no data somewhere
     * @throws IOException reading the recording failed
     */
    Spectrogram[] stft(Recording recording, int[] signals, double startSeconds, double durationSeconds,
            StftParameters parameters) throws IOException;

    /**
     * The samples at another rate, resampled exactly as the methods above resample when
     * {@code resampleToHz} is set ({@code scipy.signal.resample_poly} with its defaults; a copy when
     * the rates are equal), for a model that reads the waveform beside its spectrogram.
     *
     * @param samples the signal (not modified)
     * @param samplingRateHz its rate
     * @param toHz the rate wanted
     * @return {@code ceil(samples.length * toHz / samplingRateHz)} samples
     * @throws SpectrogramException NaN/Inf samples, a rate that is not finite and positive, a ratio of
     *     rates too complex to resample
     */
    float[] resample(float[] samples, double samplingRateHz, double toHz);

    /**
     * Multi-spectral stack of one signal.
     *
     * @return {@code [layer][bin][frame]}: bin 0 at minHz; see {@link MultiSpectralParameters} for the grid
     * @throws SpectrogramException NaN/Inf samples, the longest window longer than the signal
     */
    float[][][] multiSpectral(float[] samples, double samplingRateHz, MultiSpectralParameters parameters);

    /**
     * Multi-spectral stacks of signals of a recording over one window (a model's input).
     *
     * @return {@code [signal][layer][bin][frame]}
     */
    float[][][][] multiSpectral(Recording recording, int[] signals, double startSeconds, double durationSeconds,
            MultiSpectralParameters parameters) throws IOException;

    /**
     * RGB spectrogram image of the given samples (all of them: the caller cuts the window).
     *
     * @return {@code [channel r/g/b][row][column]}, values in {@code [0, 1]}
     */
    float[][][] image(float[] samples, double samplingRateHz, ImageParameters parameters);

    /**
     * RGB images of consecutive windows of one signal, as the detector walks a recording: window
     * {@code w} holds samples {@code [w * hop, w * hop + window)}, {@code window} and {@code hop} being
     * {@code imageSeconds} and {@code hopSeconds} in whole samples (rounded), for every window that fits.
     * Each image equals {@link #image} of its window's samples; STFT frames that overlapping windows
     * share are computed once.
     *
     * @param samples the signal (not modified); NaN marks missing data
     * @param hopSeconds step between window starts (&gt; 0)
     * @return {@code [window][channel r/g/b][row][column]}; {@code null} for a window holding a NaN or
     *     infinite sample, so that a recording's gaps leave holes instead of failing the others
     * @throws SpectrogramException a parameter does not fit the rate (e.g. a hop under one sample)
     * @since 1.3
     */
    float[][][][] images(float[] samples, double samplingRateHz, ImageParameters parameters, double hopSeconds);

    /**
     * One RGB image per signal for the window {@code [startSeconds, startSeconds + imageSeconds)}.
     *
     * @return {@code [signal][channel r/g/b][row][column]}
     */
    float[][][][] images(Recording recording, int[] signals, double startSeconds, ImageParameters parameters)
            throws IOException;

    /**
     * Encodes an image tensor as an 8-bit RGB PNG for people ({@code round(255 * value)}).
     *
     * @param rgb {@code [3][height][width]}, values in {@code [0, 1]}
     */
    byte[] png(float[][][] rgb);

    /** Compressed spectral array of one signal; see {@link TrendParameters}. */
    Spectrogram trend(float[] samples, double samplingRateHz, TrendParameters parameters);

    /**
     * Compressed spectral arrays of signals over a whole recording, read one epoch at a time.
     *
     * @return one trend per signal; frame {@code t} is epoch {@code t}, centred at
     *     {@code (t + 0.5) * epochSeconds} from the recording start
     */
    Spectrogram[] trends(Recording recording, int[] signals, TrendParameters parameters) throws IOException;
}
