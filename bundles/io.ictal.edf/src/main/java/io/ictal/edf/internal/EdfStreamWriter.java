package io.ictal.edf.internal;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.RecordingSpec;
import io.ictal.api.recording.RecordingWriter;
import io.ictal.api.recording.SignalSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Streams an EDF+/BDF+ file record by record. The header is written first with a record count of
 * -1 (what the EDF+ specification prescribes while recording, so a reader can follow the file as
 * it grows) and the count is filled in on close.
 */
final class EdfStreamWriter implements RecordingWriter {

    private final Path file;
    private final RecordingSpec spec;
    private final FileChannel channel;
    private final boolean bdf;
    private final int bytesPerSample;
    private final int annotationBytes;
    private final double[] gain;
    private final double[] offset;
    private final float[][] pending;
    private final int[] pendingCount;
    private final ByteBuffer record;
    private final Deque<byte[]> pendingTals = new ArrayDeque<>();
    private final double subsecond;
    private long records;
    /** Annotation bytes used in each written record: annotations queued late go into the room left. */
    private int[] usedAnnotationBytes = new int[64];
    private final long recordBytes;
    private final int annotationOffset;
    private double segmentStart;
    private long segmentFirstRecord;
    private boolean closed;
    private final int headerBytes;

    EdfStreamWriter(Path file, RecordingSpec spec) throws IOException {
        this.file = file;
        this.spec = spec;
        this.bdf = spec.format().bytesPerSample() == 3;
        this.bytesPerSample = spec.format().bytesPerSample();
        int n = spec.signals().size();
        int annotationSamples = (spec.annotationBytesPerRecord() + bytesPerSample - 1) / bytesPerSample;
        this.annotationBytes = annotationSamples * bytesPerSample;
        this.subsecond = spec.start().getNano() / 1e9;
        List<HeaderWriter.SignalHeader> headers = new ArrayList<>(n + 1);
        gain = new double[n];
        offset = new double[n];
        long recordBytes = annotationBytes;
        for (int i = 0; i < n; i++) {
            SignalSpec s = spec.signals().get(i);
            checkDigitalRange(s);
            String pMin = HeaderWriter.number(s.physicalMin(), 8);
            String pMax = HeaderWriter.number(s.physicalMax(), 8);
            // Convert with the values a reader will see in the header, not the unrounded ones.
            double physicalMin = Double.parseDouble(pMin);
            double physicalMax = Double.parseDouble(pMax);
            gain[i] = (physicalMax - physicalMin) / ((double) s.digitalMax() - s.digitalMin());
            offset[i] = physicalMax - gain[i] * s.digitalMax();
            headers.add(new HeaderWriter.SignalHeader(s.label(), s.transducer(), s.physicalDimension(), pMin, pMax,
                    s.digitalMin(), s.digitalMax(), s.prefiltering(), s.samplesPerRecord()));
            recordBytes += (long) s.samplesPerRecord() * bytesPerSample;
        }
        int digitalMax = bdf ? 8_388_607 : 32_767;
        headers.add(new HeaderWriter.SignalHeader(bdf ? "BDF Annotations" : "EDF Annotations", "", "", "-1", "1",
                -digitalMax - 1, digitalMax, "", annotationSamples));
        if (recordBytes > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("a data record of " + recordBytes + " bytes is too large");
        }
        String reserved = (bdf ? "BDF+" : "EDF+") + (spec.format().discontinuous() ? "D" : "C");
        byte[] header = HeaderWriter.header(bdf, reserved, HeaderWriter.patientField(spec.patient()),
                HeaderWriter.recordingField(spec.recording(), spec.start().toLocalDate()), spec.start(), -1,
                HeaderWriter.number(spec.recordDurationSeconds(), 8), headers);
        if (Double.parseDouble(HeaderWriter.ascii(Arrays.copyOfRange(header, 244, 252)).trim())
                != spec.recordDurationSeconds()) {
            throw new IllegalArgumentException("record duration " + spec.recordDurationSeconds()
                    + " s cannot be written exactly in 8 characters");
        }
        pending = new float[n][];
        pendingCount = new int[n];
        for (int i = 0; i < n; i++) {
            pending[i] = new float[spec.signals().get(i).samplesPerRecord() * 2];
        }
        record = ByteBuffer.allocate((int) recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        this.recordBytes = recordBytes;
        this.annotationOffset = (int) recordBytes - annotationBytes;
        this.headerBytes = header.length;
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        try {
            writeFully(ByteBuffer.wrap(header));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private void checkDigitalRange(SignalSpec s) {
        int min = bdf ? -8_388_608 : -32_768;
        int max = bdf ? 8_388_607 : 32_767;
        if (s.digitalMin() < min || s.digitalMax() > max) {
            throw new IllegalArgumentException("digital range of signal '" + s.label() + "' must lie within "
                    + min + ".." + max + " for " + spec.format());
        }
    }

    @Override
    public void append(float[][] samples) throws IOException {
        if (samples.length != pending.length) {
            throw new IllegalArgumentException("expected " + pending.length + " sample arrays (one per data signal), got "
                    + samples.length);
        }
        for (int i = 0; i < samples.length; i++) {
            buffer(i, samples[i], 0, samples[i].length);
        }
        writeCompleteRecords();
    }

    @Override
    public void append(int signalIndex, float[] samples, int from, int length) throws IOException {
        if (signalIndex < 0 || signalIndex >= pending.length) {
            throw new IllegalArgumentException("signal index " + signalIndex + " is outside 0.." + (pending.length - 1));
        }
        if (from < 0 || length < 0 || from + length > samples.length) {
            throw new IllegalArgumentException("range [" + from + ", " + (from + length) + ") is outside the "
                    + samples.length + " samples given");
        }
        buffer(signalIndex, samples, from, length);
        writeCompleteRecords();
    }

    private void buffer(int signal, float[] samples, int from, int length) {
        ensureOpen();
        for (int i = from; i < from + length; i++) {
            if (Float.isNaN(samples[i])) {
                // EDF has no missing-value code; writing some number instead would invent data.
                throw new IllegalArgumentException("sample " + (i - from) + " of signal " + signal
                        + " is NaN: EDF cannot store missing values; leave a gap with startSegment (EDF+D/BDF+D)");
            }
        }
        int needed = pendingCount[signal] + length;
        if (needed > pending[signal].length) {
            pending[signal] = Arrays.copyOf(pending[signal], Math.max(needed, pending[signal].length * 2));
        }
        System.arraycopy(samples, from, pending[signal], pendingCount[signal], length);
        pendingCount[signal] = needed;
    }

    private void writeCompleteRecords() throws IOException {
        while (everySignalHasARecord()) {
            writeRecord();
        }
    }

    private boolean everySignalHasARecord() {
        if (pending.length == 0) {
            return false;
        }
        for (int i = 0; i < pending.length; i++) {
            if (pendingCount[i] < spec.signals().get(i).samplesPerRecord()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void annotate(Annotation annotation) {
        ensureOpen();
        byte[] tal = TalWriter.annotation(annotation, subsecond);
        int room = annotationBytes - TalWriter.timeKeeping(writtenSeconds() + subsecond).length - 8;
        if (tal.length > room) {
            throw new IllegalArgumentException("annotation of " + tal.length + " bytes does not fit in the "
                    + annotationBytes + " annotation bytes per record; raise annotationBytesPerRecord");
        }
        pendingTals.add(tal);
    }

    @Override
    public void startSegment(double startSeconds) {
        ensureOpen();
        if (!spec.format().discontinuous()) {
            throw new IllegalStateException(spec.format() + " is continuous; segments need EDF+D or BDF+D");
        }
        for (int count : pendingCount) {
            if (count != 0) {
                throw new IllegalStateException("a data record is partly filled; append whole records before a gap");
            }
        }
        double end = writtenSeconds();
        if (!Double.isFinite(startSeconds) || startSeconds < end - 1e-9) {
            throw new IllegalArgumentException("segment start " + startSeconds + " s is before the end of the data ("
                    + end + " s)");
        }
        segmentStart = startSeconds;
        segmentFirstRecord = records;
    }

    @Override
    public double writtenSeconds() {
        return segmentStart + (records - segmentFirstRecord) * spec.recordDurationSeconds();
    }

    private void writeRecord() throws IOException {
        record.clear();
        for (int i = 0; i < pending.length; i++) {
            int perRecord = spec.signals().get(i).samplesPerRecord();
            encode(i, perRecord);
            pendingCount[i] -= perRecord;
            System.arraycopy(pending[i], perRecord, pending[i], 0, pendingCount[i]);
        }
        int annotationStart = record.position();
        record.put(TalWriter.timeKeeping(writtenSeconds() + subsecond));
        while (!pendingTals.isEmpty() && pendingTals.peek().length <= annotationStart + annotationBytes - record.position()) {
            record.put(pendingTals.poll());
        }
        if (records == usedAnnotationBytes.length) {
            usedAnnotationBytes = Arrays.copyOf(usedAnnotationBytes, usedAnnotationBytes.length * 2);
        }
        usedAnnotationBytes[(int) records] = record.position() - annotationStart;
        while (record.position() < record.capacity()) {
            record.put((byte) 0);
        }
        record.flip();
        writeFully(record);
        records++;
    }

    /** Writes the annotations still queued into the free annotation bytes of records already written. */
    private void placeLateAnnotations() throws IOException {
        int r = 0;
        while (!pendingTals.isEmpty() && r < records) {
            byte[] tal = pendingTals.peek();
            if (usedAnnotationBytes[r] + tal.length > annotationBytes) {
                r++;
                continue;
            }
            long at = headerBytes + r * recordBytes + annotationOffset + usedAnnotationBytes[r];
            ByteBuffer b = ByteBuffer.wrap(tal);
            while (b.hasRemaining()) {
                channel.write(b, at + b.position());
            }
            usedAnnotationBytes[r] += tal.length;
            pendingTals.poll();
        }
    }

    private void encode(int signal, int count) {
        SignalSpec s = spec.signals().get(signal);
        float[] samples = pending[signal];
        double g = gain[signal];
        double o = offset[signal];
        int min = s.digitalMin();
        int max = s.digitalMax();
        for (int k = 0; k < count; k++) {
            long d = Math.round((samples[k] - o) / g);
            int digital = (int) Math.max(min, Math.min(max, d));
            if (bdf) {
                record.put((byte) digital).put((byte) (digital >> 8)).put((byte) (digital >> 16));
            } else {
                record.putShort((short) digital);
            }
        }
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(file.getFileName() + " is closed");
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            boolean partial = Arrays.stream(pendingCount).anyMatch(c -> c > 0);
            while (partial) {
                for (int i = 0; i < pending.length; i++) {
                    int perRecord = spec.signals().get(i).samplesPerRecord();
                    if (pendingCount[i] < perRecord) {
                        // Zero-pad the last record: EDF has no partial records.
                        buffer(i, new float[perRecord - pendingCount[i]], 0, perRecord - pendingCount[i]);
                    }
                }
                writeRecord();
                partial = Arrays.stream(pendingCount).anyMatch(c -> c > 0);
            }
            placeLateAnnotations();
            channel.write(ByteBuffer.wrap(HeaderWriter.recordCountField(records)), HeaderWriter.RECORD_COUNT_OFFSET);
        } finally {
            closed = true;
            channel.close();
        }
        if (!pendingTals.isEmpty()) {
            throw new IOException(file.getFileName() + ": " + pendingTals.size() + " annotations did not fit in the "
                    + records + " data records written; raise annotationBytesPerRecord (now "
                    + spec.annotationBytesPerRecord() + ")");
        }
    }
}
