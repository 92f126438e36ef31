package io.ictal.workflow.internal;

import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.SignalInfo;
import io.ictal.api.spectrogram.Detrend;
import io.ictal.api.spectrogram.Spectrogram;
import io.ictal.api.spectrogram.SpectrogramService;
import io.ictal.api.spectrogram.SpectrumScale;
import io.ictal.api.spectrogram.StftParameters;
import io.ictal.api.spectrogram.Taper;
import io.ictal.api.spectrogram.TrendParameters;
import io.ictal.viewer.spi.TrendSegment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The trend panel's compressed spectral array: per classic EEG band, the band power averaged over
 * the EEG channels, in dB, one value per epoch. One series per band rather than a 2-D array because
 * the SPI's trends are series; a viewer draws the four as stacked lines or a coarse CSA.
 *
 * <p>Channels are computed one at a time (the spectrogram service streams each over the file), so
 * memory is one channel's trend (a 24-h file at 10 s epochs: ~2 MB).
 */
final class CsaTrend {

    /** The STFT window inside each epoch (2 s: 0.5 Hz resolution), hop 1 s. */
    static final double WINDOW_SECONDS = 2;

    /** Series ids are {@code csa/<band>}. */
    static final String SERIES_PREFIX = "csa/";

    private record Band(String name, double lowHz, double highHz) {
    }

    private static final List<Band> BANDS = List.of(
            new Band("delta", 0.5, 4), new Band("theta", 4, 8), new Band("alpha", 8, 13), new Band("beta", 13, 30));

    private CsaTrend() {
    }

    /** Whether the recording has a channel the CSA can use. */
    static boolean appliesTo(Recording recording) {
        return !channels(recording).isEmpty();
    }

    private static List<SignalInfo> channels(Recording recording) {
        // 8 Hz Nyquist at least, or not even the theta band fits.
        return recording.header().dataSignals().stream()
                .filter(s -> s.type() == ChannelType.EEG && s.samplingRateHz() >= 16).toList();
    }

    /**
     * Computes the band series.
     *
     * @return one segment per band, empty when cancelled
     * @throws IOException reading the recording failed
     */
    static List<TrendSegment> compute(Recording recording, SpectrogramService service, double epochSeconds,
            BooleanSupplier cancelled, DoubleConsumer progress) throws IOException {
        List<SignalInfo> channels = channels(recording);
        double[][] sums = null;
        int[][] counts = null;
        for (int c = 0; c < channels.size(); c++) {
            if (cancelled.getAsBoolean()) {
                return List.of();
            }
            SignalInfo signal = channels.get(c);
            double maxHz = Math.min(BANDS.get(BANDS.size() - 1).highHz(), signal.samplingRateHz() / 2);
            TrendParameters parameters = new TrendParameters(new StftParameters(WINDOW_SECONDS, 1, Taper.HANN,
                    Detrend.CONSTANT, SpectrumScale.DENSITY, BANDS.get(0).lowHz(), maxHz, 0), epochSeconds);
            Spectrogram csa = service.trends(recording, new int[] {signal.index()}, parameters)[0];
            if (sums == null) {
                sums = new double[BANDS.size()][csa.frameCount()];
                counts = new int[BANDS.size()][csa.frameCount()];
            }
            accumulate(csa, sums, counts);
            progress.accept((c + 1.0) / channels.size());
        }
        if (sums == null) {
            return List.of();
        }
        List<TrendSegment> segments = new ArrayList<>();
        for (int b = 0; b < BANDS.size(); b++) {
            double[] db = new double[sums[b].length];
            for (int t = 0; t < db.length; t++) {
                db[t] = counts[b][t] == 0 ? Double.NaN
                        : 10 * Math.log10(Math.max(sums[b][t] / counts[b][t], SpectrumScale.LOG_FLOOR));
            }
            Band band = BANDS.get(b);
            segments.add(new TrendSegment(SERIES_PREFIX + band.name(),
                    String.format(java.util.Locale.ROOT, "CSA %s %.1f-%.0f Hz (mean of %d EEG channels)", band.name(),
                            band.lowHz(), band.highHz(), channels.size()),
                    "dB", epochSeconds / 2, epochSeconds, db));
        }
        return segments;
    }

    /** Adds each epoch's band power (density times bin width, summed over the band's bins) of one channel. */
    private static void accumulate(Spectrogram csa, double[][] sums, int[][] counts) {
        double[] hz = csa.frequenciesHz();
        double binWidth = hz.length > 1 ? hz[1] - hz[0] : 1;
        int frames = Math.min(csa.frameCount(), sums[0].length);
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b < BANDS.size(); b++) {
                Band band = BANDS.get(b);
                double power = 0;
                boolean any = false;
                for (int f = 0; f < hz.length; f++) {
                    if (hz[f] >= band.lowHz() && hz[f] < band.highHz()) {
                        power += csa.value(t, f) * binWidth;
                        any = true;
                    }
                }
                if (any && Double.isFinite(power)) {
                    sums[b][t] += power;
                    counts[b][t]++;
                }
            }
        }
    }
}
