package io.ictal.edf.internal;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.PatientInfo;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingInfo;
import io.ictal.api.recording.RecordingSpec;
import io.ictal.api.recording.RecordingWriter;
import io.ictal.api.recording.SignalSpec;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/** Test recordings written with the project's own writer, and byte patches to break them. */
final class Fixtures {

    static final PatientInfo PATIENT = new PatientInfo("", "MCH-0234567", "F", "02-MAY-1951", "Haagse_Harry");
    static final RecordingInfo RECORDING = new RecordingInfo("", "", "EMG561", "BK/JOP", "Sony");
    static final LocalDateTime START = LocalDateTime.of(2002, 3, 2, 10, 20, 30);

    private Fixtures() {
    }

    /** A known test signal: value of signal {@code s} at sample {@code i} (integer-valued, exact in any format). */
    static float value(int signal, long i) {
        return (float) (((i * 7 + signal * 13) % 2001) - 1000);
    }

    static RecordingSpec spec(RecordingFormat format, LocalDateTime start, double recordDuration, int... samplesPerRecord) {
        List<SignalSpec> signals = new java.util.ArrayList<>();
        String[] labels = {"EEG Fp1-REF", "FP1-F7", "ECG", "Resp chest", "SpO2", "T8-P8-0"};
        for (int i = 0; i < samplesPerRecord.length; i++) {
            // digital == physical for the EDF range so that values round-trip exactly
            boolean bdf = format.bytesPerSample() == 3;
            signals.add(new SignalSpec(labels[i % labels.length], "AgAgCl electrode", "uV",
                    bdf ? -8388608 : -32768, bdf ? 8388607 : 32767, bdf ? -8388608 : -32768, bdf ? 8388607 : 32767,
                    "HP:0.1Hz LP:75Hz", samplesPerRecord[i]));
        }
        return new RecordingSpec(format, PATIENT, RECORDING, start, recordDuration, signals,
                RecordingSpec.DEFAULT_ANNOTATION_BYTES);
    }

    /** Writes records {@code firstRecord ..} of {@link #value} samples, one record per append. */
    static void writeRecords(RecordingWriter writer, RecordingSpec spec, long firstRecord, int records) throws IOException {
        int n = spec.signals().size();
        for (int r = 0; r < records; r++) {
            float[][] chunk = new float[n][];
            for (int s = 0; s < n; s++) {
                int spr = spec.signals().get(s).samplesPerRecord();
                chunk[s] = new float[spr];
                for (int i = 0; i < spr; i++) {
                    chunk[s][i] = value(s, (firstRecord + r) * spr + i);
                }
            }
            writer.append(chunk);
        }
    }

    static Annotation annotation(double onset, double duration, String text) {
        return new Annotation(onset, duration, text, 0);
    }

    /** Overwrites bytes at {@code offset}. */
    static void patch(Path file, long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            f.write(bytes);
        }
    }

    /** Overwrites a header field with {@code value}, space-padded to {@code width}. */
    static void patchField(Path file, long offset, int width, String value) throws IOException {
        byte[] b = new byte[width];
        java.util.Arrays.fill(b, (byte) ' ');
        byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(v, 0, b, 0, Math.min(width, v.length));
        patch(file, offset, b);
    }

    static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }
}
