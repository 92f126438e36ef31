package io.ictal.bench.edf;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.PatientInfo;
import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingInfo;
import io.ictal.api.recording.RecordingSpec;
import io.ictal.api.recording.RecordingWriter;
import io.ictal.api.recording.SignalInfo;
import io.ictal.api.recording.SignalSpec;
import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.edf.internal.EdfRecordingWriterService;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code generate FILE}: a 24-h, 21-channel (20 EEG + ECG), 256 Hz EDF+C with EEG-like content.
 * {@code decode FILE}: every physical sample, one minute of all channels at a time into a reused
 * buffer (as a streaming analysis reads), then prints samples, seconds, a checksum (every 16th
 * sample, as the peers compute it) and the peak heap.
 */
public final class EdfDecode {

    static final int RATE = 256;
    static final int HOURS = 24;
    static final String[] EEG = {"Fp1", "Fp2", "F7", "F3", "Fz", "F4", "F8", "T3", "C3", "Cz", "C4", "T4", "T5", "P3",
            "Pz", "P4", "T6", "O1", "O2", "A1"};

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("generate")) {
            generate(Path.of(args[1]));
        } else if (args.length == 2 && args[0].equals("decode")) {
            decode(Path.of(args[1]));
        } else {
            System.err.println("usage: EdfDecode generate|decode FILE");
            System.exit(2);
        }
    }

    static void generate(Path file) throws Exception {
        List<SignalSpec> signals = new ArrayList<>();
        for (String e : EEG) {
            signals.add(new SignalSpec("EEG " + e + "-REF", "AgAgCl electrode", "uV", -3276.8, 3276.7, -32768, 32767,
                    "HP:0.1Hz LP:75Hz", RATE));
        }
        signals.add(new SignalSpec("ECG", "AgAgCl electrode", "uV", -3276.8, 3276.7, -32768, 32767, "", RATE));
        RecordingSpec spec = new RecordingSpec(RecordingFormat.EDF_PLUS_C, new PatientInfo("", "", "", "", ""),
                new RecordingInfo("", "", "", "", "ictal-benchmark"), LocalDateTime.of(2024, 5, 1, 20, 0), 1, signals,
                RecordingSpec.DEFAULT_ANNOTATION_BYTES);
        long noise = 0x9E3779B97F4A7C15L;
        float[][] second = new float[signals.size()][RATE];
        try (RecordingWriter w = new EdfRecordingWriterService().create(file, spec)) {
            for (int t = 0; t < HOURS * 3600; t++) {
                for (int s = 0; s < second.length; s++) {
                    for (int i = 0; i < RATE; i++) {
                        double time = t + i / (double) RATE;
                        noise ^= noise << 13;
                        noise ^= noise >>> 7;
                        noise ^= noise << 17;
                        double v = s == second.length - 1
                                ? 800 * Math.pow(Math.max(0, Math.sin(2 * Math.PI * 1.1 * time)), 20)
                                : 30 * Math.sin(2 * Math.PI * 10 * time + s) + 50 * Math.sin(2 * Math.PI * 1.5 * time);
                        second[s][i] = (float) (v + (noise % 2000) / 100.0);
                    }
                }
                w.append(second);
                if (t % 3600 == 1800) {
                    w.annotate(new Annotation(t, 30, "benchmark marker " + t / 3600, 0));
                }
            }
        }
    }

    /** Every 16th sample: enough to check that all tools decode the same values without the sum dominating. */
    static double sum(float[] values, int n) {
        double total = 0;
        for (int i = 0; i < n; i += 16) {
            total += values[i];
        }
        return total;
    }

    static void decode(Path file) throws Exception {
        long begin = System.nanoTime();
        long samples = 0;
        double checksum = 0;
        try (Recording r = new EdfRecordingReader().open(file, ReadMode.STRICT)) {
            List<SignalInfo> signals = r.header().dataSignals();
            double total = r.header().durationSeconds();
            int block = 60;
            float[] buffer = new float[(int) (block * signals.get(0).samplingRateHz())];
            for (double t = 0; t < total; t += block) {
                for (SignalInfo s : signals) {
                    int n = (int) Math.round(Math.min(block, total - t) * s.samplingRateHz());
                    r.read(s.index(), t, buffer, 0, n);
                    checksum += sum(buffer, n);
                    samples += n;
                }
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "samples=%d seconds=%.4f checksum=%.12e peak_heap_mb=%.1f%n", samples, seconds,
                checksum, peakHeap / 1048576.0);
    }
}
