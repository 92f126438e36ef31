package io.ictal.edf.internal;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingFormatException;
import io.ictal.api.recording.RecordingSpec;
import io.ictal.api.recording.RecordingWriter;
import io.ictal.api.recording.SignalInfo;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates valid files (bit flips, truncation, header field edits, TAL bytes) and reads each mutant
 * in both modes. A mutant must open and read completely, or fail with a RecordingFormatException:
 * never another exception, a hang or an OutOfMemoryError.
 */
class FuzzTest {

    private static final int CASES = 20_000;
    private static final long SEED = 20_260_421L;
    /** Header field starts and widths of the fixed header, for targeted edits. */
    private static final int[][] FIXED_FIELDS = {{0, 8}, {8, 80}, {88, 80}, {168, 8}, {176, 8}, {184, 8}, {192, 44},
            {236, 8}, {244, 8}, {252, 4}};
    private static final String[] NASTY = {"-1", "0", "1", "-0", "99999999", "1e999", "-1e999", "NaN", "abc", "1.5",
            " ", "", "+3", "2147483648", "-32768", "32767", "0.000001", "\u00e9\u00e9", "EDF+D", "EDF+C", "BDF+D",
            "00.00.00", "31.02.99", "99.99.99", "-99999999", "1.000000"};

    @TempDir
    Path dir;

    private final EdfRecordingReader reader = new EdfRecordingReader();

    @Test
    void mutantsFailOnlyWithTypedErrors() throws Exception {
        List<byte[]> seeds = seeds();
        Path mutant = dir.resolve("mutant.edf");
        Random random = new Random(SEED);
        int[] outcomes = new int[3];
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            // Rewriting one open file is ~30x faster than creating a file per case.
            try (RandomAccessFile out = new RandomAccessFile(mutant.toFile(), "rw")) {
                for (int c = 0; c < CASES; c++) {
                    byte[] original = seeds.get(c % seeds.size());
                    StringBuilder how = new StringBuilder();
                    byte[] bytes = mutate(original, random, how);
                    out.seek(0);
                    out.write(bytes);
                    out.setLength(bytes.length);
                    for (ReadMode mode : ReadMode.values()) {
                        try {
                            readEverything(mutant, mode);
                            outcomes[mode == ReadMode.STRICT ? 0 : 1]++;
                        } catch (RecordingFormatException expected) {
                            outcomes[2]++;
                        } catch (Throwable t) {
                            fail("case " + c + " (" + how + ", " + mode + "): " + t, t);
                        }
                    }
                }
            }
        });
        // The mutants must exercise both paths, or the test proves nothing.
        assertTrue(outcomes[0] > CASES / 20 && outcomes[2] > CASES / 20,
                "strict reads " + outcomes[0] + ", lenient reads " + outcomes[1] + ", typed errors " + outcomes[2]);
    }

    private void readEverything(Path file, ReadMode mode) throws Exception {
        try (Recording r = reader.open(file, mode)) {
            r.annotations().forEach(a -> a.text().length());
            double duration = r.header().durationSeconds();
            for (SignalInfo s : r.header().dataSignals()) {
                if (s.samplingRateHz() > 0 && duration * s.samplingRateHz() < 1e6) {
                    r.read(s.index(), -1, duration + 2);
                }
            }
        }
    }

    private static byte[] mutate(byte[] original, Random random, StringBuilder how) {
        byte[] b = original.clone();
        int header = 256 * (1 + Integer.parseInt(new String(original, 252, 4, StandardCharsets.US_ASCII).trim()));
        switch (random.nextInt(5)) {
            case 0 -> {
                int flips = 1 + random.nextInt(8);
                how.append("flip ").append(flips).append(" bits");
                for (int i = 0; i < flips; i++) {
                    int at = random.nextInt(b.length);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                int size = random.nextInt(b.length);
                how.append("truncate to ").append(size);
                return java.util.Arrays.copyOf(b, size);
            }
            case 2 -> {
                int[] field = FIXED_FIELDS[random.nextInt(FIXED_FIELDS.length)];
                String value = NASTY[random.nextInt(NASTY.length)];
                how.append("fixed field @").append(field[0]).append(" = ").append(value);
                put(b, field[0], field[1], value);
            }
            case 3 -> {
                // A field of the signal header: any 8-byte slot (numbers live there) or a label.
                int at = 256 + 8 * random.nextInt((header - 256) / 8);
                String value = NASTY[random.nextInt(NASTY.length)];
                how.append("signal header @").append(at).append(" = ").append(value);
                put(b, at, 8, value);
            }
            default -> {
                // Bytes in the data records, where the TALs live.
                int n = 1 + random.nextInt(16);
                how.append(n).append(" data bytes");
                for (int i = 0; i < n && b.length > header; i++) {
                    int at = header + random.nextInt(b.length - header);
                    byte[] tal = {0, 0x14, 0x15, '+', '-', '.', '1', (byte) 0xC3, (byte) random.nextInt(256)};
                    b[at] = tal[random.nextInt(tal.length)];
                }
            }
        }
        return b;
    }

    private static void put(byte[] b, int at, int width, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < width; i++) {
            b[at + i] = i < v.length ? v[i] : (byte) ' ';
        }
    }

    /** Small valid files covering EDF+C, BDF+D with a gap, annotation-only and plain EDF. */
    private List<byte[]> seeds() throws Exception {
        EdfRecordingWriterService writers = new EdfRecordingWriterService();
        List<byte[]> seeds = new ArrayList<>();
        Path a = dir.resolve("a.edf");
        RecordingSpec edf = Fixtures.spec(RecordingFormat.EDF_PLUS_C, Fixtures.START, 0.5, 16, 8, 1);
        try (RecordingWriter w = writers.create(a, edf)) {
            Fixtures.writeRecords(w, edf, 0, 6);
            w.annotate(Fixtures.annotation(0.25, 1, "spike"));
            w.annotate(Fixtures.annotation(2, Double.NaN, "Anfall \u00fc"));
        }
        seeds.add(Files.readAllBytes(a));
        Path b = dir.resolve("b.bdf");
        RecordingSpec bdf = Fixtures.spec(RecordingFormat.BDF_PLUS_D, Fixtures.START.withNano(125_000_000), 1, 10, 5);
        try (RecordingWriter w = writers.create(b, bdf)) {
            Fixtures.writeRecords(w, bdf, 0, 2);
            w.startSegment(4);
            Fixtures.writeRecords(w, bdf, 2, 2);
            w.annotate(Fixtures.annotation(4.5, 0.5, "seizure"));
        }
        seeds.add(Files.readAllBytes(b));
        Path c = dir.resolve("c.edf");
        writers.writeAnnotations(c, Fixtures.PATIENT, Fixtures.RECORDING, Fixtures.START,
                List.of(Fixtures.annotation(1, 2, "one"), Fixtures.annotation(3, Double.NaN, "two")));
        seeds.add(Files.readAllBytes(c));
        byte[] plain = seeds.get(0).clone();
        put(plain, 192, 44, "");
        seeds.add(plain);
        return seeds;
    }
}
