package io.ictal.ecg.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test-side WFDB reader with the same rules as {@code training/ecg/wfdb.py}: the header, signal
 * formats 212 and 16 (with a byte offset, {@code 16+24}), and MIT annotation files. Errors name the
 * file, the field (and byte offset) and what was expected.
 *
 * @param name record name
 * @param rateHz sampling rate
 * @param signals physical values (digital minus baseline, over gain) per signal
 */
record WfdbRecord(String name, double rateHz, float[][] signals) {

    /** MIT annotation codes of beats (wfdb ecgcodes.h): N L R a V F J A S E j / Q e n f B r ?. */
    static final Set<Integer> BEAT_CODES = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 25, 30, 34, 35, 38, 41);
    private static final Pattern FORMAT = Pattern.compile("(\\d+)(?:x\\d+)?(?::\\d+)?(?:\\+(\\d+))?");
    private static final Pattern GAIN = Pattern.compile("([-+0-9.eE]+)(?:\\(([-0-9]+)\\))?(?:/(\\S+))?");

    /** One annotation: sample position, MIT code, aux string (possibly empty). */
    record Annotation(long sample, int code, String aux) {
        boolean isBeat() {
            return BEAT_CODES.contains(code);
        }
    }

    static WfdbRecord read(Path header) throws IOException {
        List<String> lines = Files.readAllLines(header).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (lines.isEmpty()) {
            throw new IOException(header + ": record line: expected 'name nsig fs nsamp', file is empty");
        }
        String[] record = lines.get(0).split("\\s+");
        int nsig;
        double rate;
        long nsamp;
        try {
            nsig = Integer.parseInt(record[1]);
            rate = record.length > 2 ? Double.parseDouble(record[2].split("/")[0]) : 250;
            nsamp = record.length > 3 ? Long.parseLong(record[3]) : 0;
        } catch (RuntimeException e) {
            throw new IOException(header + ": record line '" + lines.get(0) + "': expected 'name nsig fs nsamp'", e);
        }
        double[] gains = new double[nsig];
        int[] baselines = new int[nsig];
        int format = 0;
        int offset = 0;
        String file = null;
        for (int s = 0; s < nsig; s++) {
            if (1 + s >= lines.size()) {
                throw new IOException(header + ": signal line " + (s + 1) + ": missing, header declares " + nsig);
            }
            String[] parts = lines.get(1 + s).split("\\s+");
            Matcher f = FORMAT.matcher(parts[1]);
            if (!f.matches()) {
                throw new IOException(header + ": signal " + (s + 1) + " field 'format': expected e.g. 212, 16 or "
                        + "16+24, was '" + parts[1] + "'");
            }
            format = Integer.parseInt(f.group(1));
            offset = f.group(2) == null ? 0 : Integer.parseInt(f.group(2));
            file = parts[0];
            Matcher g = parts.length > 2 ? GAIN.matcher(parts[2]) : null;
            boolean hasGain = g != null && g.matches();
            gains[s] = hasGain && Double.parseDouble(g.group(1)) != 0 ? Double.parseDouble(g.group(1)) : 200;
            int adcZero = parts.length > 4 ? Integer.parseInt(parts[4]) : 0;
            baselines[s] = hasGain && g.group(2) != null ? Integer.parseInt(g.group(2)) : adcZero;
        }
        Path data = header.resolveSibling(file);
        byte[] raw = Files.readAllBytes(data);
        int[] digital = decode(raw, offset, format, data);
        int frames = digital.length / nsig;
        if (nsamp > 0) {
            if (frames < nsamp) {
                throw new IOException(data + ": expected " + nsamp + " samples per signal, file holds " + frames);
            }
            frames = (int) nsamp;
        }
        float[][] signals = new float[nsig][frames];
        for (int i = 0; i < frames; i++) {
            for (int s = 0; s < nsig; s++) {
                signals[s][i] = (float) ((digital[i * nsig + s] - baselines[s]) / gains[s]);
            }
        }
        return new WfdbRecord(record[0], rate, signals);
    }

    private static int[] decode(byte[] raw, int offset, int format, Path file) throws IOException {
        int length = raw.length - offset;
        if (format == 16) {
            ByteBuffer b = ByteBuffer.wrap(raw, offset, length).order(ByteOrder.LITTLE_ENDIAN);
            int[] out = new int[length / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = b.getShort();
            }
            return out;
        }
        if (format == 212) {
            int[] out = new int[length / 3 * 2];
            for (int k = 0; k < length / 3; k++) {
                int b0 = raw[offset + 3 * k] & 0xFF;
                int b1 = raw[offset + 3 * k + 1] & 0xFF;
                int b2 = raw[offset + 3 * k + 2] & 0xFF;
                out[2 * k] = signExtend12(b0 | ((b1 & 0x0F) << 8));
                out[2 * k + 1] = signExtend12(b2 | ((b1 & 0xF0) << 4));
            }
            return out;
        }
        throw new IOException(file + ": field 'format': expected 212 or 16, was " + format);
    }

    private static int signExtend12(int v) {
        return v > 2047 ? v - 4096 : v;
    }

    /** Reads an MIT-format annotation file (.atr). */
    static List<Annotation> annotations(Path file) throws IOException {
        byte[] d = Files.readAllBytes(file);
        List<Annotation> out = new ArrayList<>();
        long t = 0;
        int i = 0;
        while (i + 1 < d.length) {
            int word = (d[i] & 0xFF) | ((d[i + 1] & 0xFF) << 8);
            int code = word >> 10;
            int value = word & 0x3FF;
            i += 2;
            if (code == 0 && value == 0) {
                break;
            }
            switch (code) {
                case 59 -> { // SKIP: a 32-bit interval follows, high 16-bit word first
                    if (i + 4 > d.length) {
                        throw new IOException(file + ": byte " + i + ": SKIP needs a 4-byte interval, file ends");
                    }
                    int hi = (d[i] & 0xFF) | ((d[i + 1] & 0xFF) << 8);
                    int lo = (d[i + 2] & 0xFF) | ((d[i + 3] & 0xFF) << 8);
                    t += (hi << 16) | lo;
                    i += 4;
                }
                case 63 -> { // AUX: value bytes of text, padded to an even length
                    if (i + value > d.length) {
                        throw new IOException(file + ": byte " + i + ": AUX of " + value + " bytes, file ends");
                    }
                    int end = i;
                    while (end < i + value && d[end] != 0) {
                        end++;
                    }
                    String aux = new String(d, i, end - i, java.nio.charset.StandardCharsets.US_ASCII);
                    if (!out.isEmpty()) {
                        Annotation last = out.remove(out.size() - 1);
                        out.add(new Annotation(last.sample(), last.code(), aux));
                    }
                    i += value + (value & 1);
                }
                case 60, 61, 62 -> { // NUM, SUB, CHN of the previous annotation: not needed here
                }
                default -> {
                    t += value;
                    out.add(new Annotation(t, code, ""));
                }
            }
        }
        return out;
    }
}
