package io.ictal.edf.internal;

import io.ictal.api.recording.Annotation;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/** Encodes TALs: {@code +onset[\x15duration]\x14text\x14\x00}. */
final class TalWriter {

    /** Onsets and durations keep 100 ns: finer than any sampling rate an EDF carries. */
    private static final int DECIMALS = 7;

    private TalWriter() {
    }

    /** The time-keeping TAL that opens each record of the first annotation signal. */
    static byte[] timeKeeping(double onset) {
        return encode(onset, Double.NaN, "");
    }

    /** One annotation's TAL, its onset moved by {@code shift} (the sub-second start). */
    static byte[] annotation(Annotation a, double shift) {
        String text = a.text();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c == TalParser.TEXT_END || c == TalParser.DURATION) {
                throw new IllegalArgumentException("annotation text must not contain 0x00, 0x14 or 0x15: "
                        + text.replace(c, '?'));
            }
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("annotation text must not be empty (empty marks time-keeping TALs)");
        }
        return encode(a.onsetSeconds() + shift, a.durationSeconds(), text);
    }

    private static byte[] encode(double onset, double duration, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + text.length() * 3);
        String o = decimal(onset);
        out.writeBytes(((o.startsWith("-") ? "" : "+") + o).getBytes(StandardCharsets.US_ASCII));
        if (!Double.isNaN(duration)) {
            out.write(TalParser.DURATION);
            out.writeBytes(decimal(duration).getBytes(StandardCharsets.US_ASCII));
        }
        out.write(TalParser.TEXT_END);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.write(TalParser.TEXT_END);
        out.write(0);
        return out.toByteArray();
    }

    private static String decimal(double value) {
        String s = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
