package io.ictal.edf.internal;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.PatientInfo;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.RecordingInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Copies a recording and appends one annotation signal. The original header fields and record
 * bytes are copied unchanged; only the signal count, header size, reserved field (plain EDF/BDF
 * becomes EDF+C/BDF+C) and the new signal's columns differ.
 */
final class AnnotatedCopy {

    private AnnotatedCopy() {
    }

    static void write(EdfRecording source, Path target, List<Annotation> annotations) throws IOException {
        Layout layout = source.layout();
        RecordingHeader h = layout.header();
        long records = layout.recordCount();
        if (records == 0) {
            throw new IOException(source.file().getFileName() + " has no data records to carry annotations");
        }
        boolean bdf = h.format().bytesPerSample() == 3;
        boolean timeKeeping = !layout.plus();
        double shift = source.startOffsetSeconds();

        List<byte[]> tals = new ArrayList<>();
        annotations.stream().sorted(Comparator.comparingDouble(Annotation::onsetSeconds))
                .forEach(a -> tals.add(TalWriter.annotation(a, shift)));
        int longest = tals.stream().mapToInt(t -> t.length).max().orElse(0);
        long total = tals.stream().mapToLong(t -> t.length).sum();
        int keeperBytes = timeKeeping ? TalWriter.timeKeeping(records * h.recordDurationSeconds()).length + 8 : 0;
        // Greedy filling with this capacity always fits: each record but the last takes more than total / records.
        long capacity = keeperBytes + longest + (total + records - 1) / records;
        int samples = (int) ((capacity + h.format().bytesPerSample() - 1) / h.format().bytesPerSample());
        int annotationBytes = samples * h.format().bytesPerSample();

        byte[] header = header(source, bdf, samples);
        int recordBytes = (int) layout.recordBytes();
        byte[] recordIn = new byte[recordBytes];
        ByteBuffer recordOut = ByteBuffer.allocate(recordBytes + annotationBytes);
        int next = 0;
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            write(out, ByteBuffer.wrap(header));
            for (long r = 0; r < records; r++) {
                source.copyRecord(r, recordIn);
                recordOut.clear();
                recordOut.put(recordIn);
                if (timeKeeping) {
                    recordOut.put(TalWriter.timeKeeping(r * h.recordDurationSeconds()));
                }
                while (next < tals.size() && tals.get(next).length <= recordOut.remaining()) {
                    recordOut.put(tals.get(next++));
                }
                while (recordOut.hasRemaining()) {
                    recordOut.put((byte) 0);
                }
                recordOut.flip();
                write(out, recordOut);
            }
        }
        if (next < tals.size()) {
            throw new IllegalStateException("annotation capacity miscomputed: " + (tals.size() - next) + " left");
        }
    }

    private static byte[] header(EdfRecording source, boolean bdf, int annotationSamples) throws IOException {
        Layout layout = source.layout();
        RecordingHeader h = layout.header();
        int ns = h.signals().size();
        byte[] original = new byte[256 * (ns + 1)];
        try (var in = Files.newInputStream(source.file())) {
            if (in.readNBytes(original, 0, original.length) != original.length) {
                throw new IOException(source.file().getFileName() + " changed while being copied");
            }
        }
        int digitalMax = bdf ? 8_388_607 : 32_767;
        HeaderWriter.SignalHeader added = new HeaderWriter.SignalHeader(bdf ? "BDF Annotations" : "EDF Annotations", "",
                "", "-1", "1", -digitalMax - 1, digitalMax, "", annotationSamples);
        // The new fixed part, then each column: the original signals' bytes and the new signal's field.
        byte[] fresh = HeaderWriter.header(bdf, reserved(layout, bdf), patient(layout, original),
                recording(layout, original), h.start(), layout.recordCount(), text(original, 244, 8), List.of(added));
        byte[] out = new byte[256 * (ns + 2)];
        System.arraycopy(fresh, 0, out, 0, 256);
        HeaderWriter.put(out, 184, 8, pad(Integer.toString(out.length), 8), "header bytes");
        HeaderWriter.put(out, 252, 4, pad(Integer.toString(ns + 1), 4), "signal count");
        int from = 256;
        int to = 256;
        int addedFrom = 256;
        for (int width : HeaderWriter.COLUMN_WIDTHS) {
            System.arraycopy(original, from, out, to, ns * width);
            System.arraycopy(fresh, addedFrom, out, to + ns * width, width);
            from += ns * width;
            to += (ns + 1) * width;
            addedFrom += width;
        }
        return out;
    }

    private static String reserved(Layout layout, boolean bdf) {
        return layout.plus() ? layout.header().format().discontinuous() ? (bdf ? "BDF+D" : "EDF+D") : (bdf ? "BDF+C" : "EDF+C")
                : (bdf ? "BDF+C" : "EDF+C");
    }

    /** EDF+ keeps its field; a plain file's free text moves into the EDF+ name subfield (nothing is dropped). */
    private static String patient(Layout layout, byte[] original) {
        if (layout.plus()) {
            return text(original, 8, 80);
        }
        String raw = layout.header().patient().raw();
        return fit(HeaderWriter.patientField(new PatientInfo(raw, "", "", "", raw)));
    }

    private static String recording(Layout layout, byte[] original) {
        if (layout.plus()) {
            return text(original, 88, 80);
        }
        String raw = layout.header().recording().raw();
        return fit(HeaderWriter.recordingField(new RecordingInfo(raw, "", "", "", raw),
                layout.header().start().toLocalDate()));
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(width - value.length());
    }

    private static String fit(String field) {
        if (field.length() > 80) {
            throw new IllegalArgumentException("the identification field does not fit EDF+ subfields in 80 characters");
        }
        return field;
    }

    private static String text(byte[] b, int offset, int width) {
        return new String(b, offset, width, java.nio.charset.StandardCharsets.US_ASCII).stripTrailing();
    }

    private static void write(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

}
