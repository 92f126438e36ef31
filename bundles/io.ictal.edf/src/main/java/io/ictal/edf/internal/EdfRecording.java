package io.ictal.edf.internal;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.ReadWarning;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormatException;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.Segment;
import io.ictal.api.recording.SignalInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/** An open EDF/EDF+/BDF/BDF+ file: header and annotations parsed at open, samples decoded on demand. */
final class EdfRecording implements Recording {

    private final Path file;
    private final FileChannel channel;
    private final Layout layout;
    private final MappedRecords data;
    private final AnnotationScan scan;
    private final List<ReadWarning> warnings;
    private volatile boolean closed;

    private EdfRecording(Path file, FileChannel channel, Layout layout, MappedRecords data, AnnotationScan scan,
            List<ReadWarning> warnings) {
        this.file = file;
        this.channel = channel;
        this.layout = layout;
        this.data = data;
        this.scan = scan;
        this.warnings = warnings;
    }

    static EdfRecording open(Path file, ReadMode mode) throws RecordingFormatException, IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            Problems problems = new Problems(file, mode);
            byte[] fixed = readFully(channel, (int) Math.min(HeaderParser.FIXED_HEADER_BYTES, size));
            int signals = HeaderParser.signalCount(fixed, size, problems);
            byte[] headerBytes = readFully(channel, HeaderParser.FIXED_HEADER_BYTES * (signals + 1));
            Layout parsed = HeaderParser.parse(headerBytes, size, problems);
            MappedRecords data = MappedRecords.map(channel, parsed.dataOffset(), parsed.recordBytes(),
                    parsed.recordCount());
            AnnotationScan scan = AnnotationScan.scan(parsed, data, problems);
            Layout layout = scan.withSubsecondStart(parsed);
            return new EdfRecording(file, channel, layout, data, scan, problems.warnings());
        } catch (RecordingFormatException | IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static byte[] readFully(FileChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, buffer.position()) < 0) {
                break;
            }
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public RecordingHeader header() {
        return layout.header();
    }

    @Override
    public List<Annotation> annotations() {
        return scan.annotations();
    }

    @Override
    public List<ReadWarning> warnings() {
        return warnings;
    }

    @Override
    public List<Segment> segments() {
        return scan.segments();
    }

    /** Seconds from the header's whole-second start time to the first sample (the EDF+ sub-second start). */
    double startOffsetSeconds() {
        return scan.startOffsetSeconds();
    }

    Layout layout() {
        return layout;
    }

    /** Copies one data record's bytes (for the annotating copy). */
    void copyRecord(long record, byte[] destination) throws IOException {
        ensureOpen();
        data.copy(record, 0, destination, (int) layout.recordBytes());
    }

    @Override
    public float[] read(int signalIndex, double startSeconds, double durationSeconds) throws IOException {
        SignalInfo signal = readable(signalIndex, startSeconds);
        if (!Double.isFinite(durationSeconds) || durationSeconds < 0) {
            throw new IllegalArgumentException("durationSeconds must be finite and >= 0, was " + durationSeconds);
        }
        long count = Math.round(durationSeconds * signal.samplingRateHz());
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(durationSeconds + " s of signal " + signalIndex
                    + " do not fit in one array; read it in blocks");
        }
        float[] samples = new float[(int) count];
        read(signalIndex, startSeconds, samples, 0, samples.length);
        return samples;
    }

    @Override
    public void read(int signalIndex, double startSeconds, float[] destination, int offset, int length)
            throws IOException {
        SignalInfo signal = readable(signalIndex, startSeconds);
        if (offset < 0 || length < 0 || offset + length > destination.length) {
            throw new IllegalArgumentException("range [" + offset + ", " + (offset + length)
                    + ") is outside the destination of length " + destination.length);
        }
        ensureOpen();
        List<Segment> segments = scan.segments();
        if (segments.size() != 1) {
            Arrays.fill(destination, offset, offset + length, Float.NaN);
        }
        double rate = signal.samplingRateHz();
        int perRecord = signal.samplesPerRecord();
        for (Segment segment : segments) {
            // Index, in the segment's own samples, of destination[offset].
            long first = Math.round((startSeconds - segment.startSeconds()) * rate);
            long available = segment.recordCount() * perRecord;
            int from = (int) Math.max(0, Math.min(length, -first));
            int to = (int) Math.max(from, Math.min(length, available - first));
            if (segments.size() == 1) {
                Arrays.fill(destination, offset, offset + from, Float.NaN);
                Arrays.fill(destination, offset + to, offset + length, Float.NaN);
            }
            if (from < to) {
                decode(signal, segment.firstRecord(), first + from, to - from, destination, offset + from);
            }
        }
    }

    /** Decodes {@code count} samples starting at sample {@code sample} of the run beginning at {@code firstRecord}. */
    private void decode(SignalInfo signal, long firstRecord, long sample, int count, float[] destination, int at) {
        int perRecord = signal.samplesPerRecord();
        int bytesPerSample = layout.bytesPerSample();
        int signalOffset = layout.signalOffsets()[signal.index()];
        double gain = signal.gain();
        double offset = signal.offset();
        // Float arithmetic measured faster than double; the result is a float anyway (within 2 ulp of
        // the exact value, far below one digital step).
        float gainF = (float) gain;
        float offsetF = (float) offset;
        long record = firstRecord + sample / perRecord;
        int within = (int) (sample % perRecord);
        while (count > 0) {
            int n = Math.min(perRecord - within, count);
            ByteBuffer window = data.window(record);
            int p = data.position(record, signalOffset + within * bytesPerSample);
            if (bytesPerSample == 2) {
                // Measured faster than a bulk copy into a short[] followed by the conversion.
                for (int i = 0; i < n; i++) {
                    destination[at + i] = window.getShort(p + 2 * i) * gainF + offsetF;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    int q = p + 3 * i;
                    int digital = (window.get(q) & 0xFF) | (window.get(q + 1) & 0xFF) << 8 | window.get(q + 2) << 16;
                    destination[at + i] = (float) (digital * gain + offset);
                }
            }
            count -= n;
            at += n;
            record++;
            within = 0;
        }
    }

    private SignalInfo readable(int signalIndex, double startSeconds) {
        List<SignalInfo> signals = layout.header().signals();
        if (signalIndex < 0 || signalIndex >= signals.size()) {
            throw new IllegalArgumentException("signal index " + signalIndex + " is outside 0.." + (signals.size() - 1));
        }
        SignalInfo signal = signals.get(signalIndex);
        if (signal.isAnnotation()) {
            throw new IllegalArgumentException("signal " + signalIndex + " ('" + signal.label()
                    + "') is an annotation signal; see annotations()");
        }
        if (signal.samplingRateHz() == 0) {
            throw new IllegalArgumentException("signal " + signalIndex + " has no sampling rate (record duration 0)");
        }
        if (!Double.isFinite(startSeconds)) {
            throw new IllegalArgumentException("startSeconds must be finite, was " + startSeconds);
        }
        return signal;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException(file.getFileName() + " is closed");
        }
    }

    @Override
    public void close() throws IOException {
        // The maps stay valid until collected (Java has no portable unmap); closing stops further reads.
        closed = true;
        channel.close();
    }

    @Override
    public String toString() {
        return "EdfRecording[" + file.getFileName() + ", " + layout.header().format() + ", "
                + layout.header().signals().size() + " signals, " + layout.recordCount() + " records]";
    }
}
