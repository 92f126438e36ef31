package io.ictal.edf.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the time-stamped annotation lists (TALs) of one annotation signal in one data record:
 * {@code +onset[\x15duration]\x14text\x14[text\x14...]\x00}, repeated, then zero padding (EDF+ 2.2).
 */
final class TalParser {

    static final byte DURATION = 0x15;
    static final byte TEXT_END = 0x14;

    /** One TAL. {@code texts.get(0)} is empty for a time-keeping TAL. */
    record Tal(double onset, double duration, List<String> texts) {
    }

    /** A TAL that breaks the grammar, at {@code position} bytes into the signal's bytes. */
    static final class TalSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        final int position;
        final String expected;
        final String found;

        TalSyntaxException(int position, String expected, String found) {
            super(expected);
            this.position = position;
            this.expected = expected;
            this.found = found;
        }
    }

    private final CharsetDecoder utf8;

    /** @param lenient replace malformed UTF-8 instead of failing */
    TalParser(boolean lenient) {
        CodingErrorAction action = lenient ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
        this.utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
    }

    /** Parses {@code b[0, length)}; the TALs parsed before a syntax error are in {@code out}. */
    void parse(byte[] b, int length, List<Tal> out) throws TalSyntaxException {
        int pos = 0;
        while (pos < length && b[pos] != 0) {
            int onsetStart = pos;
            while (pos < length && b[pos] != DURATION && b[pos] != TEXT_END && b[pos] != 0) {
                pos++;
            }
            double onset = number(b, onsetStart, pos, true);
            double duration = Double.NaN;
            if (pos < length && b[pos] == DURATION) {
                int durationStart = ++pos;
                while (pos < length && b[pos] != TEXT_END && b[pos] != 0) {
                    pos++;
                }
                duration = number(b, durationStart, pos, false);
            }
            if (pos >= length || b[pos] != TEXT_END) {
                throw new TalSyntaxException(pos, "0x14 after the TAL onset/duration", found(b, pos, length));
            }
            pos++;
            List<String> texts = new ArrayList<>(2);
            while (pos < length && b[pos] != 0) {
                int textStart = pos;
                while (pos < length && b[pos] != TEXT_END && b[pos] != 0) {
                    pos++;
                }
                if (pos >= length || b[pos] != TEXT_END) {
                    throw new TalSyntaxException(pos, "0x14 closing an annotation text", found(b, pos, length));
                }
                texts.add(text(b, textStart, pos));
                pos++;
            }
            if (pos >= length) {
                throw new TalSyntaxException(pos, "0x00 closing the TAL", "the end of the annotation signal");
            }
            pos++;
            if (texts.isEmpty()) {
                throw new TalSyntaxException(onsetStart, "at least one 0x14-terminated text in a TAL", "none");
            }
            out.add(new Tal(onset, duration, texts));
        }
        for (int i = pos; i < length; i++) {
            if (b[i] != 0) {
                throw new TalSyntaxException(i, "0x00 padding after the last TAL", found(b, i, length));
            }
        }
    }

    /**
     * The onset when the bytes hold exactly one time-keeping TAL ({@code +onset\x14\x14\x00}) and zero
     * padding, the form of nearly every record of a long recording; NaN otherwise (then {@link #parse}
     * handles it). Allocates nothing: opening a day-long file scans ~100,000 of these.
     */
    static double timeKeepingOnly(byte[] b, int length) {
        if (length < 5 || b[0] != '+') {
            return Double.NaN;
        }
        long mantissa = 0;
        int decimals = -1;
        int i = 1;
        for (; i < length && i < 17; i++) { // at most 15 digits and a point: exact as a double
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                break;
            }
        }
        if (i == 1 || decimals == 0 || i + 3 > length || b[i] != TEXT_END || b[i + 1] != TEXT_END || b[i + 2] != 0) {
            return Double.NaN;
        }
        for (int j = i + 3; j < length; j++) {
            if (b[j] != 0) {
                return Double.NaN;
            }
        }
        // Both exact (below 2^53 and 10^22), so the quotient is the correctly rounded decimal.
        return decimals <= 0 ? mantissa : mantissa / POWERS_OF_TEN[decimals];
    }

    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

    /** {@code [+-]digits[.digits]}; the sign is required for onsets and absent from durations. */
    private static double number(byte[] b, int from, int to, boolean signed) throws TalSyntaxException {
        int i = from;
        if (signed) {
            if (i >= to || (b[i] != '+' && b[i] != '-')) {
                throw new TalSyntaxException(i, "a TAL onset starting with + or -", found(b, i, to));
            }
            i++;
        }
        int digits = 0;
        boolean dot = false;
        for (int j = i; j < to; j++) {
            if (b[j] >= '0' && b[j] <= '9') {
                digits++;
            } else if (b[j] == '.' && !dot) {
                dot = true;
            } else {
                throw new TalSyntaxException(j, signed ? "a TAL onset like +12.5" : "a TAL duration like 2.5",
                        found(b, j, to));
            }
        }
        if (digits == 0) {
            throw new TalSyntaxException(from, signed ? "a TAL onset like +12.5" : "a TAL duration like 2.5",
                    "no digits");
        }
        return Double.parseDouble(new String(b, from, to - from, StandardCharsets.US_ASCII));
    }

    private String text(byte[] b, int from, int to) throws TalSyntaxException {
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(b, from, to - from));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new TalSyntaxException(from, "UTF-8 annotation text", "malformed UTF-8");
        }
    }

    private static String found(byte[] b, int pos, int length) {
        return pos >= length ? "the end of the annotation signal" : String.format("byte 0x%02X", b[pos] & 0xFF);
    }
}
