package io.ictal.workflow.internal;

import io.ictal.api.recording.PatientInfo;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingInfo;
import io.ictal.api.recording.RecordingSpec;
import io.ictal.api.recording.RecordingWriter;
import io.ictal.api.recording.SignalSpec;
import io.ictal.edf.internal.EdfRecordingWriterService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes small EDF+ recordings with the real writer: EEG channels carrying a sine plus noise, optionally
 * an ECG, optionally a burst of 3 Hz high-amplitude activity (a crude seizure). Public: the viewer's
 * tests use it too (test-jar).
 */
public final class TestRecordings {

    public static final int RATE = 128;
    public static final List<String> EEG = List.of("FP1-F7", "F7-T7", "T7-P7", "P7-O1");

    private TestRecordings() {
    }

    /**
     * @param sineHz frequency of the EEG sine (its band dominates the CSA)
     * @param withEcg whether an {@code ECG} channel is added
     */
    public static Path write(Path dir, String name, double seconds, double sineHz, boolean withEcg) throws IOException {
        return write(dir, name, seconds, sineHz, withEcg, 0, 0);
    }

    /** As {@link #write(Path, String, double, double, boolean)} with a 300 uV 3 Hz burst over {@code [burstFrom, burstTo)} s. */
    public static Path write(Path dir, String name, double seconds, double sineHz, boolean withEcg, double burstFrom,
            double burstTo) throws IOException {
        return write(dir, name, seconds, sineHz, withEcg, new double[][] {{burstFrom, burstTo}});
    }

    /** With 300 uV 3 Hz bursts over each {@code bursts[i] = {from, to}} (seconds). */
    public static Path write(Path dir, String name, double seconds, double sineHz, boolean withEcg, double[][] bursts)
            throws IOException {
        Path file = dir.resolve(name);
        List<SignalSpec> signals = new ArrayList<>();
        for (String label : EEG) {
            signals.add(SignalSpec.edf(label, "uV", -500, 500, RATE));
        }
        if (withEcg) {
            signals.add(SignalSpec.edf("ECG", "uV", -2000, 2000, RATE));
        }
        RecordingSpec spec = new RecordingSpec(RecordingFormat.EDF_PLUS_C, new PatientInfo("", "", "", "", ""),
                new RecordingInfo("", "", "", "", ""), LocalDateTime.of(2024, 1, 2, 3, 4, 5), 1, signals,
                RecordingSpec.DEFAULT_ANNOTATION_BYTES);
        Random noise = new Random(7);
        try (RecordingWriter writer = new EdfRecordingWriterService().create(file, spec)) {
            for (int second = 0; second < seconds; second++) {
                float[][] chunk = new float[signals.size()][RATE];
                for (int s = 0; s < signals.size(); s++) {
                    for (int i = 0; i < RATE; i++) {
                        double t = second + (double) i / RATE;
                        double burst = 0;
                        for (double[] b : bursts) {
                            if (t >= b[0] && t < b[1]) {
                                burst = 300 * Math.sin(2 * Math.PI * 3 * t);
                            }
                        }
                        chunk[s][i] = (float) (50 * Math.sin(2 * Math.PI * sineHz * t) + burst + 5 * noise.nextGaussian());
                    }
                }
                writer.append(chunk);
            }
        }
        return file;
    }
}
