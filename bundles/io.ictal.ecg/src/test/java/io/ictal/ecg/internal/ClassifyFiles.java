package io.ictal.ecg.internal;

import io.ictal.api.detection.Classification;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.Recording;
import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.inference.internal.ShippedEcgModels;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the classifier with its default settings and the shipped models on EDF files and prints, per
 * file, its hours and its findings by label: how training/ecg's README measures false AF episodes on
 * the EEG simulator's sinus-rhythm EKG with the Java code itself. Not a test; run from the test class
 * path: {@code java [-Daf.min.rr.irregularity=G] -cp ... io.ictal.ecg.internal.ClassifyFiles FILE.edf...}
 * (the property replaces the default RR gate, 0 switches it off).
 */
public final class ClassifyFiles {

    private ClassifyFiles() {
    }

    public static void main(String[] args) throws Exception {
        var models = ShippedEcgModels.registry();
        EcgClassifier.Settings defaults = EcgClassifier.Settings.defaults();
        double gate = Double.parseDouble(System.getProperty("af.min.rr.irregularity",
                String.valueOf(defaults.afMinRrIrregularity())));
        EcgClassifier ecg = new EcgClassifier(models, TestServices.spectrograms(), new EcgClassifier.Settings(
                defaults.chunkSeconds(), defaults.afMinSeconds(), defaults.afOffProbability(),
                defaults.afMergeGapSeconds(), gate, defaults.runMinBeats(), defaults.batchSize(),
                defaults.trendStepSeconds()));
        System.out.printf(Locale.ROOT, "af.min.rr.irregularity %.3f%n", gate);
        double hours = 0;
        Map<String, Integer> total = new TreeMap<>();
        for (String name : args) {
            try (Recording recording = new EdfRecordingReader().open(Path.of(name), ReadMode.STRICT)) {
                Classification result = ecg.classify(recording, ClassificationListener.ignoring());
                double h = recording.header().durationSeconds() / 3600;
                hours += h;
                Map<String, Integer> counts = new TreeMap<>();
                for (Detection d : result.detections()) {
                    counts.merge(d.label(), 1, Integer::sum);
                    total.merge(d.label(), 1, Integer::sum);
                }
                System.out.printf(Locale.ROOT, "%s: %.2f h, complete %s, findings %s%n", name, h, result.complete(),
                        counts);
                result.detections().stream().filter(d -> d.label().equals("AFIB")).forEach(d -> System.out.printf(
                        Locale.ROOT, "  AFIB %.0f-%.0f s confidence %.2f%n", d.onsetSeconds(), d.offsetSeconds(),
                        d.confidence()));
            }
        }
        System.out.printf(Locale.ROOT, "total: %.2f h, findings %s, AFIB per 24 h %.2f%n", hours, total,
                24 * total.getOrDefault("AFIB", 0) / hours);
    }
}
