package io.ictal.review.internal.cluster;

import io.ictal.api.detection.Detection;
import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.SignalInfo;
import io.ictal.api.spectrogram.Detrend;
import io.ictal.api.spectrogram.Spectrogram;
import io.ictal.api.spectrogram.SpectrogramService;
import io.ictal.api.spectrogram.SpectrumScale;
import io.ictal.api.spectrogram.StftParameters;
import io.ictal.api.spectrogram.Taper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What items are compared on. Spectral features describe what a reviewer sees in the spectrogram of
 * the detection's channels over its time range: the shape of the spectrum in log-spaced bands (level
 * removed), the overall level, how each band changes from the first to the last third (an evolving
 * seizure rhythm against a steady artefact), and how much the power fluctuates overall and from one
 * frame to the next in each band (bursts and transients against sustained rhythms).
 */
final class Features {

    static final int BANDS = 12;
    static final double MIN_HZ = 0.5;
    static final double MAX_HZ = 40;
    /** Long detections are characterised by their first minute; short ones get at least 4 s of context. */
    static final double MAX_SECONDS = 60;
    static final double MIN_SECONDS = 4;
    private static final double LOG_FLOOR = 1e-12;

    private Features() {
    }

    /**
     * Spectral features of one detection.
     *
     * @throws IOException reading failed
     * @throws IllegalArgumentException the recording has none of the detection's channels or no data there
     */
    static double[] spectral(SpectrogramService spectrograms, Recording recording, Detection d) throws IOException {
        RecordingHeader header = recording.header();
        int[] signals = signals(header, d.channels());
        double end = header.durationSeconds();
        double duration = Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, d.durationSeconds()));
        double start = Math.max(0, Math.min(d.onsetSeconds(), end - duration));
        double rate = header.signals().get(signals[0]).samplingRateHz();
        StftParameters stft = new StftParameters(1, 0.5, Taper.HANN, Detrend.CONSTANT, SpectrumScale.DENSITY, MIN_HZ,
                Math.min(MAX_HZ, rate / 2), 0);
        Spectrogram[] spectra = spectrograms.stft(recording, signals, start, Math.min(duration, end - start), stft);

        int frames = spectra[0].frameCount();
        double[][] bandPower = new double[frames][BANDS]; // log10, averaged over channels
        for (Spectrogram s : spectra) {
            double[] hz = s.frequenciesHz();
            for (int t = 0; t < frames; t++) {
                double[] sums = new double[BANDS];
                int[] counts = new int[BANDS];
                for (int f = 0; f < hz.length; f++) {
                    int band = band(hz[f]);
                    if (band >= 0) {
                        sums[band] += s.value(t, f);
                        counts[band]++;
                    }
                }
                for (int b = 0; b < BANDS; b++) {
                    double mean = counts[b] == 0 ? 0 : sums[b] / counts[b];
                    bandPower[t][b] += Math.log10(mean + LOG_FLOOR) / spectra.length;
                }
            }
        }
        double[] meanShape = new double[BANDS];
        double[] early = new double[BANDS];
        double[] late = new double[BANDS];
        double[] level = new double[frames];
        int third = Math.max(1, frames / 3);
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b < BANDS; b++) {
                meanShape[b] += bandPower[t][b] / frames;
                level[t] += bandPower[t][b] / BANDS;
                if (t < third) {
                    early[b] += bandPower[t][b] / third;
                }
                if (t >= frames - third) {
                    late[b] += bandPower[t][b] / third;
                }
            }
        }
        double meanLevel = mean(level);
        // Layout: spectral shape, evolution (late - early), level, level fluctuation, flicker per band.
        double[] features = new double[3 * BANDS + 2];
        for (int b = 0; b < BANDS; b++) {
            features[b] = meanShape[b] - meanLevel;
            features[BANDS + b] = late[b] - early[b];
            double flicker = 0;
            for (int t = 1; t < frames; t++) {
                flicker += Math.abs(bandPower[t][b] - bandPower[t - 1][b]) / (frames - 1);
            }
            features[2 * BANDS + 2 + b] = flicker;
        }
        features[2 * BANDS] = meanLevel;
        double variance = 0;
        for (double l : level) {
            variance += (l - meanLevel) * (l - meanLevel) / frames;
        }
        features[2 * BANDS + 1] = Math.sqrt(variance);
        return features;
    }

    /** Band index of a frequency: log-spaced from MIN_HZ to MAX_HZ, or -1 outside. */
    static int band(double hz) {
        if (hz < MIN_HZ || hz > MAX_HZ) {
            return -1;
        }
        int b = (int) (BANDS * Math.log(hz / MIN_HZ) / Math.log(MAX_HZ / MIN_HZ));
        return Math.min(BANDS - 1, b);
    }

    /** The detection's channels in the recording; all EEG channels when it names none. */
    static int[] signals(RecordingHeader header, List<String> channels) {
        List<Integer> found = new ArrayList<>();
        for (String label : channels) {
            int i = header.indexOf(label);
            if (i >= 0 && !header.signals().get(i).isAnnotation()) {
                found.add(i);
            }
        }
        if (found.isEmpty()) {
            for (SignalInfo s : header.signals()) {
                if (s.type() == ChannelType.EEG) {
                    found.add(s.index());
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("the recording has none of the channels " + channels
                    + " and no EEG channel");
        }
        double rate = header.signals().get(found.get(0)).samplingRateHz();
        // One STFT grid for all: keep the channels at the first one's rate.
        return found.stream().filter(i -> header.signals().get(i).samplingRateHz() == rate)
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * What the detection itself says, when the recording cannot be read: log duration, confidence and
     * every score (in label order, missing scores 0).
     */
    static double[] fromDetection(Detection d, List<String> scoreLabels) {
        double[] features = new double[2 + scoreLabels.size()];
        features[0] = Math.log1p(d.durationSeconds());
        features[1] = d.confidence();
        Map<String, Double> scores = new TreeMap<>(d.scores());
        for (int i = 0; i < scoreLabels.size(); i++) {
            features[2 + i] = scores.getOrDefault(scoreLabels.get(i), 0.0);
        }
        return features;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    /** Standardises each feature over the items (mean 0, standard deviation 1; constant features 0). */
    static double[][] standardised(double[][] features) {
        int n = features.length;
        if (n == 0) {
            return features;
        }
        int dims = features[0].length;
        double[][] z = new double[n][dims];
        for (int k = 0; k < dims; k++) {
            double mean = 0;
            for (double[] f : features) {
                mean += f[k] / n;
            }
            double variance = 0;
            for (double[] f : features) {
                variance += (f[k] - mean) * (f[k] - mean) / n;
            }
            double sd = Math.sqrt(variance);
            for (int i = 0; i < n; i++) {
                z[i][k] = sd > 1e-12 ? (features[i][k] - mean) / sd : 0;
            }
        }
        return z;
    }
}
