package io.ictal.edf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingSpec;
import io.ictal.api.recording.RecordingWriter;
import io.ictal.api.recording.SignalInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A 24-hour, 21-channel, 256 Hz EDF+ (~0.9 GB) written by the streaming writer and read whole by a
 * JVM limited to -Xmx256m (about 10 s here; the file is deleted afterwards).
 */
class BigFileTest {

    static final int CHANNELS = 21;
    static final int RATE = 256;
    static final int SECONDS = 24 * 3600;

    @Test
    void dayLongRecordingIsReadableWithA256MegabyteHeap() throws Exception {
        Path file = Path.of("target", "big-24h-21ch-256hz.edf");
        try {
            double expectedSum = write(file);
            assertTrue(Files.size(file) > 900_000_000L, "the file is ~0.9 GB: " + Files.size(file));
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), ReadWholeFile.class.getName(),
                    file.toString()).redirectErrorStream(true).start();
            assertTrue(child.waitFor(10, TimeUnit.MINUTES), "the reading JVM finished");
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(0, child.exitValue(), output);
            String[] result = output.split(" ");
            assertEquals((long) CHANNELS * RATE * SECONDS, Long.parseLong(result[0]), output);
            assertEquals(expectedSum, Double.parseDouble(result[1]), 0, output);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Writes the file one second at a time; returns the sum of all samples. */
    private static double write(Path file) throws Exception {
        int[] perRecord = new int[CHANNELS];
        java.util.Arrays.fill(perRecord, RATE);
        RecordingSpec spec = Fixtures.spec(RecordingFormat.EDF_PLUS_C, Fixtures.START, 1, perRecord);
        double sum = 0;
        float[][] second = new float[CHANNELS][RATE];
        try (RecordingWriter w = new EdfRecordingWriterService().create(file, spec)) {
            for (int t = 0; t < SECONDS; t++) {
                for (int s = 0; s < CHANNELS; s++) {
                    for (int i = 0; i < RATE; i++) {
                        second[s][i] = Fixtures.value(s, (long) t * RATE + i);
                        sum += second[s][i];
                    }
                }
                w.append(second);
            }
        }
        return sum;
    }

    /** The forked reader: every sample of every signal, in one-minute blocks into one reused buffer. */
    public static final class ReadWholeFile {
        public static void main(String[] args) throws Exception {
            long count = 0;
            double sum = 0;
            try (Recording r = new EdfRecordingReader().open(Path.of(args[0]), ReadMode.STRICT)) {
                float[] block = new float[60 * RATE];
                for (SignalInfo s : r.header().dataSignals()) {
                    for (int minute = 0; minute < SECONDS / 60; minute++) {
                        r.read(s.index(), minute * 60.0, block, 0, block.length);
                        for (float v : block) {
                            sum += v;
                        }
                        count += block.length;
                    }
                }
            }
            System.out.println(count + " " + sum + " maxHeap=" + Runtime.getRuntime().maxMemory());
        }
    }
}
