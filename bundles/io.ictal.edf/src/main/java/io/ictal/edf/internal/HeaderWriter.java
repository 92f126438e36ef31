package io.ictal.edf.internal;

import io.ictal.api.recording.PatientInfo;
import io.ictal.api.recording.RecordingInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Formats EDF+/BDF+ headers: fixed-width, space-padded ASCII fields. */
final class HeaderWriter {

    /** The fields of one signal in the signal header, already formatted. */
    record SignalHeader(String label, String transducer, String dimension, String physicalMin, String physicalMax,
            int digitalMin, int digitalMax, String prefiltering, int samplesPerRecord) {
    }

    /** Column widths of the signal header, in file order. */
    static final int[] COLUMN_WIDTHS = {16, 80, 8, 8, 8, 8, 8, 80, 8, 32};

    private static final DateTimeFormatter EDF_PLUS_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ROOT);
    private static final byte[] BDF_VERSION = {(byte) 0xFF, 'B', 'I', 'O', 'S', 'E', 'M', 'I'};

    private HeaderWriter() {
    }

    static byte[] header(boolean bdf, String reserved, String patient, String recording, LocalDateTime start,
            long records, String recordDuration, List<SignalHeader> signals) {
        int ns = signals.size();
        byte[] b = new byte[256 * (ns + 1)];
        Arrays.fill(b, (byte) ' ');
        if (bdf) {
            System.arraycopy(BDF_VERSION, 0, b, 0, 8);
        } else {
            put(b, 0, 8, "0", "version");
        }
        put(b, 8, 80, patient, "patient");
        put(b, 88, 80, recording, "recording");
        put(b, 168, 8, String.format(Locale.ROOT, "%02d.%02d.%02d", start.getDayOfMonth(), start.getMonthValue(),
                start.getYear() % 100), "start date");
        put(b, 176, 8, String.format(Locale.ROOT, "%02d.%02d.%02d", start.getHour(), start.getMinute(),
                start.getSecond()), "start time");
        put(b, 184, 8, Integer.toString(b.length), "header bytes");
        put(b, 192, 44, reserved, "reserved");
        put(b, 236, 8, Long.toString(records), "record count");
        put(b, 244, 8, recordDuration, "record duration");
        put(b, 252, 4, Integer.toString(ns), "signal count");
        int column = 256;
        for (int c = 0; c < COLUMN_WIDTHS.length; c++) {
            int width = COLUMN_WIDTHS[c];
            for (int i = 0; i < ns; i++) {
                SignalHeader s = signals.get(i);
                String value = switch (c) {
                    case 0 -> s.label();
                    case 1 -> s.transducer();
                    case 2 -> s.dimension();
                    case 3 -> s.physicalMin();
                    case 4 -> s.physicalMax();
                    case 5 -> Integer.toString(s.digitalMin());
                    case 6 -> Integer.toString(s.digitalMax());
                    case 7 -> s.prefiltering();
                    case 8 -> Integer.toString(s.samplesPerRecord());
                    default -> "";
                };
                put(b, column + i * width, width, value, "signal " + i + " '" + s.label() + "'");
            }
            column += ns * width;
        }
        return b;
    }

    /** The record count field, rewritten when a streamed file is closed. */
    static byte[] recordCountField(long records) {
        byte[] b = new byte[8];
        Arrays.fill(b, (byte) ' ');
        put(b, 0, 8, Long.toString(records), "record count");
        return b;
    }

    static final int RECORD_COUNT_OFFSET = 236;

    /** EDF+ patient subfields: code sex birthdate name, spaces as '_', empty as X. */
    static String patientField(PatientInfo p) {
        return String.join(" ", subfield(p.code()), subfield(p.sex()), subfield(p.birthdate()), subfield(p.name()));
    }

    /** EDF+ recording subfields: Startdate dd-MMM-yyyy admincode technician equipment. */
    static String recordingField(RecordingInfo r, LocalDate start) {
        return String.join(" ", "Startdate", EDF_PLUS_DATE.format(start).toUpperCase(Locale.ROOT),
                subfield(r.administrationCode()), subfield(r.technician()), subfield(r.equipment()));
    }

    private static String subfield(String value) {
        String v = value.trim().replace(' ', '_');
        return v.isEmpty() ? "X" : v;
    }

    /** The shortest decimal form of {@code value} that fits {@code width} characters. */
    static String number(double value, int width) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(value + " cannot be written in an EDF header");
        }
        BigDecimal exact = BigDecimal.valueOf(value);
        for (int decimals = Math.max(0, exact.scale()); decimals >= 0; decimals--) {
            String s = exact.setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
            if (s.equals("-0")) {
                s = "0";
            }
            if (s.length() <= width) {
                return s;
            }
        }
        throw new IllegalArgumentException(value + " does not fit in " + width + " characters of an EDF header");
    }

    /** Writes {@code value} left-aligned and space-padded, refusing what does not fit or is not ASCII. */
    static void put(byte[] b, int offset, int width, String value, String field) {
        if (value.length() > width) {
            throw new IllegalArgumentException(field + " must be at most " + width + " characters, was "
                    + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 32 || c > 126) {
                throw new IllegalArgumentException(field + " must be printable US-ASCII (character " + i + " is not)");
            }
            b[offset + i] = (byte) c;
        }
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
