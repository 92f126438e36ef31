package io.ictal.viewer.web.internal;

import io.ictal.api.detection.Classification;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.Explanation;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.detection.RecordingClassifier;
import io.ictal.api.detection.Trend;
import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.SignalInfo;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A simple but real classifier for the viewer's tests: a window whose EEG RMS exceeds a threshold is
 * ictal; consecutive ictal windows grow one event (reported again under the same id as it grows, as
 * the detector does); the probability trace is a logistic of the RMS; the explanation is a PNG of
 * every channel's RMS over the event's windows.
 */
final class AmplitudeClassifier implements RecordingClassifier {

    static final ModelIdentity MODEL = new ModelIdentity("amplitude-threshold", "1.0.0", "0".repeat(63) + "1");
    private static final double WINDOW = 5;
    private static final double THRESHOLD_UV = 120;

    @Override
    public String task() {
        return "seizure-detection";
    }

    @Override
    public boolean appliesTo(RecordingHeader header) {
        return header.dataSignals().stream().anyMatch(s -> s.type() == ChannelType.EEG);
    }

    @Override
    public Classification classify(Recording recording, ClassificationListener listener) throws IOException {
        List<SignalInfo> eeg = recording.header().dataSignals().stream().filter(s -> s.type() == ChannelType.EEG).toList();
        int windows = (int) (recording.header().durationSeconds() / WINDOW);
        List<Detection> events = new ArrayList<>();
        List<double[]> eventRms = new ArrayList<>();
        Detection growing = null;
        for (int w = 0; w < windows && !listener.isCancelled(); w++) {
            double[] rms = new double[eeg.size()];
            double mean = 0;
            for (int c = 0; c < eeg.size(); c++) {
                float[] x = recording.read(eeg.get(c).index(), w * WINDOW, WINDOW);
                double sum = 0;
                for (float v : x) {
                    sum += v * v;
                }
                rms[c] = Math.sqrt(sum / x.length);
                mean += rms[c] / eeg.size();
            }
            double p = 1 / (1 + Math.exp(-(mean - THRESHOLD_UV) / 20));
            listener.trend(new Trend("seizure-probability", "Seizure probability", "probability", w * WINDOW, WINDOW,
                    new double[] {p}));
            if (p > 0.5) {
                eventRms.add(rms);
                String id = growing == null ? String.format("seizure-%04d", events.size() + 1) : growing.id();
                double onset = growing == null ? w * WINDOW : growing.onsetSeconds();
                growing = new Detection(id, task(), "seizure", onset, w * WINDOW + WINDOW - onset,
                        eeg.stream().map(SignalInfo::label).toList(), Math.max(p, growing == null ? 0 : growing.confidence()),
                        MODEL, Map.of("seizure", p), new Explanation("image/png", png(eventRms), "RMS per channel"));
                listener.detected(List.of(growing));
            } else if (growing != null) {
                events.add(growing);
                growing = null;
                eventRms.clear();
            }
            listener.progress((w + 1.0) / windows, "window " + (w + 1) + " of " + windows);
        }
        if (growing != null) {
            events.add(growing);
        }
        return new Classification(task(), MODEL, events, !listener.isCancelled());
    }

    /** Channels as rows, windows as columns, RMS as brightness. */
    private static byte[] png(List<double[]> rms) throws IOException {
        int cell = 16;
        BufferedImage image = new BufferedImage(rms.size() * cell, rms.get(0).length * cell, BufferedImage.TYPE_INT_RGB);
        for (int w = 0; w < rms.size(); w++) {
            for (int c = 0; c < rms.get(w).length; c++) {
                float level = (float) Math.min(1, rms.get(w)[c] / 400);
                int rgb = Color.HSBtoRGB(0.0f, level, 0.4f + 0.6f * level);
                for (int y = 0; y < cell; y++) {
                    for (int x = 0; x < cell; x++) {
                        image.setRGB(w * cell + x, c * cell + y, rgb);
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
