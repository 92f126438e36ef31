package io.ictal.api.recording;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An open recording. Sample data stays in the file (memory-mapped or read in chunks); only what is
 * asked for is decoded. Safe for concurrent reads. Close it to release the file.
 */
@ProviderType
public interface Recording extends Closeable {

    /** The file this recording was read from. */
    Path file();

    /** The parsed header. */
    RecordingHeader header();

    /** Every annotation of every annotation signal, in onset order (time-keeping TALs excluded). */
    List<Annotation> annotations();

    /** What a lenient read had to overlook; empty for a strict read. */
    List<ReadWarning> warnings();

    /**
     * The contiguous runs of data, in time order. One segment for EDF, EDF+C and BDF; EDF+D and
     * BDF+D may have several, with gaps between them that are never silently concatenated.
     */
    List<Segment> segments();

    /**
     * Physical sample values (after gain and offset) of one signal, at its own sampling rate, for
     * {@code [startSeconds, startSeconds + durationSeconds)}. Sample {@code i} of the result is at
     * time {@code startSeconds + i / rate} (rounded to the signal's sample grid); the result has
     * {@code Math.round(durationSeconds * rate)} samples, so equal durations give equal lengths. Times that no data
     * record covers (gaps of EDF+D, before the start or after the end) are {@link Float#NaN}.
     *
     * @param signalIndex index into {@link RecordingHeader#signals()}; annotation signals are refused
     * @throws IllegalArgumentException the index is out of range, an annotation signal, or the range
     *     is negative or not finite
     * @throws IOException reading the file failed
     */
    float[] read(int signalIndex, double startSeconds, double durationSeconds) throws IOException;

    /**
     * Reads several signals over the same time range; see {@link #read(int, double, double)}.
     *
     * @return one array per requested signal, in the order given
     */
    default float[][] read(int[] signalIndices, double startSeconds, double durationSeconds) throws IOException {
        float[][] blocks = new float[signalIndices.length][];
        for (int i = 0; i < signalIndices.length; i++) {
            blocks[i] = read(signalIndices[i], startSeconds, durationSeconds);
        }
        return blocks;
    }

    /**
     * Fills {@code destination[offset, offset + length)} with physical values of one signal starting
     * at the sample nearest {@code startSeconds}, exactly as {@link #read(int, double, double)} would
     * (gaps and times outside the data are {@link Float#NaN}). Streaming consumers call this with a
     * reused buffer so that decoding a whole recording allocates nothing per block.
     *
     * @throws IllegalArgumentException bad index, annotation signal, non-finite start, or a range
     *     outside {@code destination}
     * @throws IOException reading the file failed
     */
    default void read(int signalIndex, double startSeconds, float[] destination, int offset, int length)
            throws IOException {
        if (offset < 0 || length < 0 || offset + length > destination.length) {
            throw new IllegalArgumentException("range [" + offset + ", " + (offset + length)
                    + ") is outside the destination of length " + destination.length);
        }
        double rate = header().signals().get(signalIndex).samplingRateHz();
        float[] block = read(signalIndex, startSeconds, length / rate);
        int copied = Math.min(length, block.length);
        System.arraycopy(block, 0, destination, offset, copied);
        Arrays.fill(destination, offset + copied, offset + length, Float.NaN);
    }

    @Override
    void close() throws IOException;
}
