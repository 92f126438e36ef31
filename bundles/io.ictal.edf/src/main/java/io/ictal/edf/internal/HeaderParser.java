package io.ictal.edf.internal;

import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.PatientInfo;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingFormatException;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.RecordingInfo;
import io.ictal.api.recording.SignalInfo;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the fixed 256-byte header and the 256-byte-per-signal header of EDF, EDF+, BDF and BDF+
 * (field positions from the EDF specification, Kemp et al. 1992, and EDF+, Kemp and Olivan 2003).
 */
final class HeaderParser {

    static final int FIXED_HEADER_BYTES = 256;
    private static final int MAX_SIGNALS = 100_000;
    /** Each window of the memory map must hold whole records; this keeps one record well below 2 GB. */
    private static final long MAX_RECORD_BYTES = 1L << 28;

    private static final Pattern EDF_PLUS_DATE = Pattern.compile("(\\d{2})-([A-Z]{3})-(\\d{4})");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern TRIPLE = Pattern.compile("(\\d{1,2})(\\D)(\\d{1,2})(\\D)(\\d{1,2})");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");

    private final byte[] bytes;
    private final long fileSize;
    private final Problems problems;

    /**
     * @param bytes the header bytes (at least the fixed part; the signal part when the caller has read it)
     * @param fileSize the size of the whole file
     */
    private HeaderParser(byte[] bytes, long fileSize, Problems problems) {
        this.bytes = bytes;
        this.fileSize = fileSize;
        this.problems = problems;
    }

    /** The number of signals, from the fixed header: the caller needs it to read the rest. */
    static int signalCount(byte[] fixed, long fileSize, Problems problems) throws RecordingFormatException {
        HeaderParser p = new HeaderParser(fixed, fileSize, problems);
        p.format();
        long ns = p.integerOrFatal("header.signalCount", 252, 4, "a signal count of 1 to " + MAX_SIGNALS);
        if (ns < 1 || ns > MAX_SIGNALS) {
            throw problems.fatal("header.signalCount", 252, "a signal count of 1 to " + MAX_SIGNALS, String.valueOf(ns));
        }
        long headerBytes = FIXED_HEADER_BYTES * (ns + 1);
        if (headerBytes > fileSize) {
            throw problems.fatal("header", fileSize, headerBytes + " header bytes for " + ns + " signals",
                    "a file of " + fileSize + " bytes (truncated)");
        }
        return (int) ns;
    }

    /** Parses the whole header ({@code bytes} holds 256 * (signals + 1) bytes). */
    static Layout parse(byte[] bytes, long fileSize, Problems problems) throws RecordingFormatException {
        return new HeaderParser(bytes, fileSize, problems).parse();
    }

    private Layout parse() throws RecordingFormatException {
        RecordingFormat baseFormat = format();
        boolean bdf = baseFormat == RecordingFormat.BDF;
        int ns = (bytes.length / FIXED_HEADER_BYTES) - 1;

        String reserved = ascii("header.reserved", 192, 44);
        boolean plus = reserved.startsWith("EDF+") || reserved.startsWith("BDF+");
        boolean discontinuous = plus && reserved.startsWith("+D", 3);
        if (plus && !discontinuous && !reserved.startsWith("+C", 3)) {
            problems.deviation("header.reserved", 192, "EDF+C, EDF+D, BDF+C or BDF+D", Problems.quote(reserved));
        }

        String patientRaw = ascii("header.patient", 8, 80);
        String recordingRaw = ascii("header.recording", 88, 80);
        PatientInfo patient = plus ? plusPatient(patientRaw) : new PatientInfo(patientRaw, "", "", "", "");
        RecordingInfo recording = plus ? plusRecording(recordingRaw)
                : new RecordingInfo(recordingRaw, "", "", "", "");
        LocalDateTime start = start(recording);

        long declaredHeaderBytes = integer("header.headerBytes", 184, 8, -1);
        int headerBytes = FIXED_HEADER_BYTES * (ns + 1);
        if (declaredHeaderBytes != headerBytes) {
            problems.deviation("header.headerBytes", 184, headerBytes + " (256 + 256 x " + ns + " signals)",
                    String.valueOf(declaredHeaderBytes));
        }
        long declaredRecords = integer("header.recordCount", 236, 8, -2);
        if (declaredRecords < -1) {
            problems.deviation("header.recordCount", 236, "a record count >= 0, or -1 while recording",
                    Problems.quote(ascii("header.recordCount", 236, 8)));
            declaredRecords = -1;
        }
        double recordDuration = decimal("header.recordDuration", 244, 8, Double.NaN);
        if (!(recordDuration >= 0) || Double.isInfinite(recordDuration)) {
            throw problems.fatal("header.recordDuration", 244, "a record duration in seconds >= 0",
                    Problems.quote(ascii("header.recordDuration", 244, 8)));
        }

        List<SignalInfo> signals = new ArrayList<>(ns);
        int[] offsets = new int[ns];
        long recordBytes = 0;
        List<Integer> annotationSignals = new ArrayList<>();
        for (int i = 0; i < ns; i++) {
            SignalInfo s = signal(i, ns, bdf, recordDuration);
            signals.add(s);
            offsets[i] = (int) recordBytes;
            recordBytes += (long) s.samplesPerRecord() * baseFormat.bytesPerSample();
            if (recordBytes > MAX_RECORD_BYTES) {
                throw problems.fatal("signal[" + i + "].samplesPerRecord", field(i, ns, 216, 8),
                        "data records of at most " + MAX_RECORD_BYTES + " bytes", recordBytes + " bytes");
            }
            if (s.isAnnotation()) {
                annotationSignals.add(i);
            }
        }
        if (plus && annotationSignals.isEmpty()) {
            problems.deviation("header.reserved", 192, "an EDF+/BDF+ file to have an annotation signal",
                    "none among " + ns + " signals");
            plus = false;
            discontinuous = false;
        }
        if (recordDuration == 0 && annotationSignals.size() < ns) {
            problems.deviation("header.recordDuration", 244,
                    "a record duration > 0 (0 is only allowed for annotation-only files)", "0");
        }

        long recordCount = recordCount(declaredRecords, headerBytes, recordBytes);
        RecordingFormat format = plus
                ? (bdf ? (discontinuous ? RecordingFormat.BDF_PLUS_D : RecordingFormat.BDF_PLUS_C)
                        : (discontinuous ? RecordingFormat.EDF_PLUS_D : RecordingFormat.EDF_PLUS_C))
                : baseFormat;
        String version = bdf ? "BIOSEMI" : "0";
        RecordingHeader header = new RecordingHeader(format, version, patient, recording, start, headerBytes,
                recordCount, recordDuration, signals);
        return new Layout(header, offsets, recordBytes,
                annotationSignals.stream().mapToInt(Integer::intValue).toArray(), plus);
    }

    private RecordingFormat format() throws RecordingFormatException {
        if (bytes.length < FIXED_HEADER_BYTES) {
            throw problems.fatal("header", 0, "a 256-byte EDF/BDF header", "a file of " + fileSize + " bytes");
        }
        if ((bytes[0] & 0xFF) == 0xFF && new String(bytes, 1, 7, StandardCharsets.US_ASCII).equals("BIOSEMI")) {
            return RecordingFormat.BDF;
        }
        String version = new String(bytes, 0, 8, StandardCharsets.ISO_8859_1);
        if (version.equals("0       ")) {
            return RecordingFormat.EDF;
        }
        String shown = version.startsWith("GDF") ? "\"GDF\" (a GDF file, not EDF/BDF)"
                : Problems.quote(printable(version));
        throw problems.fatal("header.version", 0, "\"0\" (EDF) or 0xFF \"BIOSEMI\" (BDF)", shown);
    }

    private long recordCount(long declared, int headerBytes, long recordBytes) throws RecordingFormatException {
        long available = Math.max(0, fileSize - headerBytes);
        long complete = available / recordBytes;
        if (declared == -1) {
            // A file still being written: count the complete records now on disk.
            return complete;
        }
        long expected = headerBytes + declared * recordBytes;
        if (declared > complete) {
            problems.deviation("header.recordCount", 236,
                    declared + " records of " + recordBytes + " bytes (" + expected + " bytes in all)",
                    "a file of " + fileSize + " bytes holding " + complete + " complete records (truncated)");
            return complete;
        }
        if (fileSize != expected) {
            problems.deviation("header.recordCount", 236,
                    declared + " records of " + recordBytes + " bytes (" + expected + " bytes in all)",
                    "a file of " + fileSize + " bytes (" + (fileSize - expected) + " bytes beyond the last record)");
        }
        return declared;
    }

    private SignalInfo signal(int i, int ns, boolean bdf, double recordDuration) throws RecordingFormatException {
        String prefix = "signal[" + i + "].";
        String label = ascii(prefix + "label", field(i, ns, 0, 16), 16);
        String transducer = ascii(prefix + "transducer", field(i, ns, 16, 80), 80);
        String dimension = ascii(prefix + "physicalDimension", field(i, ns, 96, 8), 8);
        String prefiltering = ascii(prefix + "prefiltering", field(i, ns, 136, 80), 80);
        ascii(prefix + "reserved", field(i, ns, 224, 32), 32);

        long spr = integerOrFatal(prefix + "samplesPerRecord", field(i, ns, 216, 8), 8, "a sample count > 0");
        if (spr < 1 || spr > Integer.MAX_VALUE) {
            throw problems.fatal(prefix + "samplesPerRecord", field(i, ns, 216, 8), "a sample count > 0",
                    String.valueOf(spr));
        }
        int formatMin = bdf ? -8_388_608 : -32_768;
        int formatMax = bdf ? 8_388_607 : 32_767;
        long dMin = integer(prefix + "digitalMin", field(i, ns, 120, 8), 8, formatMin);
        long dMax = integer(prefix + "digitalMax", field(i, ns, 128, 8), 8, formatMax);
        if (dMin < formatMin || dMin > formatMax) {
            problems.deviation(prefix + "digitalMin", field(i, ns, 120, 8),
                    "a value within " + formatMin + ".." + formatMax, String.valueOf(dMin));
            dMin = formatMin;
        }
        if (dMax < formatMin || dMax > formatMax) {
            problems.deviation(prefix + "digitalMax", field(i, ns, 128, 8),
                    "a value within " + formatMin + ".." + formatMax, String.valueOf(dMax));
            dMax = formatMax;
        }
        if (dMin >= dMax) {
            problems.deviation(prefix + "digitalMax", field(i, ns, 128, 8),
                    "a value greater than digitalMin (" + dMin + ")", String.valueOf(dMax));
            dMin = formatMin;
            dMax = formatMax;
        }
        double pMin = decimal(prefix + "physicalMin", field(i, ns, 104, 8), 8, dMin);
        double pMax = decimal(prefix + "physicalMax", field(i, ns, 112, 8), 8, dMax);
        if (pMin == pMax) {
            problems.deviation(prefix + "physicalMax", field(i, ns, 112, 8),
                    "a value different from physicalMin (" + ascii(prefix + "physicalMin", field(i, ns, 104, 8), 8) + ")",
                    Problems.quote(ascii(prefix + "physicalMax", field(i, ns, 112, 8), 8)));
            pMin = dMin;
            pMax = dMax;
        }
        ChannelType type = ChannelType.infer(label, transducer);
        double rate = recordDuration > 0 ? spr / recordDuration : 0;
        return new SignalInfo(i, label, type, transducer, dimension, pMin, pMax, (int) dMin, (int) dMax, prefiltering,
                (int) spr, rate);
    }

    /** Byte offset of signal {@code i}'s field that starts {@code columnOffset} bytes into each signal block. */
    private static long field(int i, int ns, int columnOffset, int width) {
        return FIXED_HEADER_BYTES + (long) columnOffset * ns + (long) i * width;
    }

    // ---- EDF+ subfields ----

    private PatientInfo plusPatient(String raw) throws RecordingFormatException {
        String[] sub = raw.split(" +");
        if (sub.length < 4) {
            // The content may identify the patient: report its shape only.
            problems.deviation("header.patient", 8, "EDF+ subfields 'code sex birthdate name'",
                    sub.length + " subfield(s)");
            return new PatientInfo(raw, "", "", "", "");
        }
        String sex = unknownAsEmpty(sub[1]);
        if (!sex.isEmpty() && !sex.equals("F") && !sex.equals("M")) {
            problems.deviation("header.patient.sex", 8, "F, M or X", "another value");
            sex = "";
        }
        return new PatientInfo(raw, unknownAsEmpty(sub[0]), sex, unknownAsEmpty(sub[2]), unknownAsEmpty(sub[3]));
    }

    private RecordingInfo plusRecording(String raw) throws RecordingFormatException {
        String[] sub = raw.split(" +");
        if (sub.length < 5 || !sub[0].equals("Startdate")) {
            problems.deviation("header.recording", 88,
                    "EDF+ subfields 'Startdate dd-MMM-yyyy admincode technician equipment'",
                    sub.length + " subfield(s)" + (sub[0].equals("Startdate") ? "" : ", not starting with Startdate"));
            return new RecordingInfo(raw, "", "", "", "");
        }
        String date = unknownAsEmpty(sub[1]);
        if (!date.isEmpty() && !EDF_PLUS_DATE.matcher(date).matches()) {
            problems.deviation("header.recording.startDate", 88, "a date like 02-MAR-2002 or X", Problems.quote(date));
            date = "";
        }
        return new RecordingInfo(raw, date, unknownAsEmpty(sub[2]), unknownAsEmpty(sub[3]), unknownAsEmpty(sub[4]));
    }

    private static String unknownAsEmpty(String subfield) {
        return subfield.equals("X") ? "" : subfield;
    }

    // ---- start date and time ----

    private LocalDateTime start(RecordingInfo recording) throws RecordingFormatException {
        String date = ascii("header.startDate", 168, 8);
        String time = ascii("header.startTime", 176, 8);
        int[] d = triple("header.startDate", 168, date, "dd.mm.yy");
        int[] t = triple("header.startTime", 176, time, "hh.mm.ss");
        // The 1985-2084 rule of the EDF specification.
        int year = d[2] >= 85 ? 1900 + d[2] : 2000 + d[2];
        Matcher plusDate = EDF_PLUS_DATE.matcher(recording.startDate());
        if (plusDate.matches()) {
            // EDF+ carries the 4-digit year in the recording field (the only way to get past 2084).
            int plusYear = Integer.parseInt(plusDate.group(3));
            if (plusYear % 100 == d[2]) {
                year = plusYear;
            } else {
                problems.deviation("header.recording.startDate", 88,
                        "a year ending in " + String.format(Locale.ROOT, "%02d", d[2]) + " like header.startDate",
                        String.valueOf(plusYear));
            }
            String month = plusDate.group(2);
            if (!MONTHS.contains(month)) {
                problems.deviation("header.recording.startDate", 88, "a month JAN..DEC", Problems.quote(month));
            }
        }
        try {
            return LocalDateTime.of(LocalDate.of(year, d[1], d[0]), LocalTime.of(t[0], t[1], t[2]));
        } catch (DateTimeException e) {
            problems.deviation("header.startDate", 168, "a valid date and time", Problems.quote(date + " " + time));
            return LocalDateTime.of(1985, 1, 1, 0, 0);
        }
    }

    /** Parses {@code nn.nn.nn}; lenient mode also accepts other separators. */
    private int[] triple(String field, long offset, String value, String shape) throws RecordingFormatException {
        Matcher m = TRIPLE.matcher(value);
        boolean exact = value.length() == 8 && m.matches() && m.group(2).equals(".") && m.group(4).equals(".");
        if (!exact) {
            problems.deviation(field, offset, shape, Problems.quote(value));
            if (!m.matches()) {
                return new int[] {1, 1, 85};
            }
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(5))};
    }

    // ---- field primitives ----

    /** An ASCII field, trimmed. Bytes outside printable ASCII are a deviation; leniently they read as '?'. */
    private String ascii(String field, long offset, int width) throws RecordingFormatException {
        int start = (int) offset;
        char[] chars = new char[width];
        for (int i = 0; i < width; i++) {
            int b = bytes[start + i] & 0xFF;
            if (b < 32 || b > 126) {
                problems.deviation(field, offset + i, "printable US-ASCII", String.format(Locale.ROOT, "byte 0x%02X", b));
                b = '?';
            }
            chars[i] = (char) b;
        }
        return new String(chars).trim();
    }

    /** An integer field; a value that does not parse is a deviation with {@code fallback}. */
    private long integer(String field, long offset, int width, long fallback) throws RecordingFormatException {
        String value = ascii(field, offset, width);
        try {
            return Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
        } catch (NumberFormatException e) {
            problems.deviation(field, offset, "an integer", Problems.quote(value));
            return fallback;
        }
    }

    private long integerOrFatal(String field, long offset, int width, String expected) throws RecordingFormatException {
        String value = ascii(field, offset, width);
        try {
            return Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
        } catch (NumberFormatException e) {
            throw problems.fatal(field, offset, expected, Problems.quote(value));
        }
    }

    /** A decimal field ({@code 0.5}, {@code 1.000000}, {@code -3276.8}); lenient mode also accepts a comma. */
    private double decimal(String field, long offset, int width, double fallback) throws RecordingFormatException {
        String value = ascii(field, offset, width);
        if (DECIMAL.matcher(value).matches()) {
            double parsed = Double.parseDouble(value);
            if (Double.isFinite(parsed)) {
                return parsed;
            }
        }
        problems.deviation(field, offset, "a finite decimal number", Problems.quote(value));
        String commaFixed = value.replace(',', '.');
        if (DECIMAL.matcher(commaFixed).matches() && Double.isFinite(Double.parseDouble(commaFixed))) {
            return Double.parseDouble(commaFixed);
        }
        return fallback;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 32 && c < 127 ? c : '?');
        }
        return sb.toString();
    }
}
