package io.ictal.api.recording;

import java.io.Closeable;
import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes one EDF+/BDF+ recording as samples arrive: samples are buffered only until a data record is
 * complete, so a 24-hour recording never sits in memory. Not thread-safe: one producer writes.
 *
 * <p>Physical values are converted with each signal's gain and offset and clipped to its digital
 * range; NaN is refused (EDF has no missing-value code: leave gaps with {@link #startSegment}). Annotations may be added at any time; each record carries as many pending annotations as
 * fit in its annotation signal, the rest move on to later records.
 */
@ProviderType
public interface RecordingWriter extends Closeable {

    /**
     * Appends the next samples of each data signal: {@code samples[i]} continues signal {@code i}
     * of {@link RecordingSpec#signals()}. Chunks of any length are accepted; give the signals
     * proportional amounts (e.g. one second each) so that little is buffered.
     *
     * @throws IllegalArgumentException not one array per signal
     */
    void append(float[][] samples) throws IOException;

    /** Appends {@code samples[offset, offset + length)} to one data signal. */
    void append(int signalIndex, float[] samples, int offset, int length) throws IOException;

    /** Queues an annotation (onset relative to {@link RecordingSpec#start()}); its signal index is ignored. */
    void annotate(Annotation annotation) throws IOException;

    /**
     * Starts a new contiguous segment at {@code startSeconds} (EDF+D/BDF+D only). The data appended so
     * far must fill whole records, and the new start must not be before the end of the data written.
     *
     * @throws IllegalStateException a continuous format, or a partly filled record
     * @throws IllegalArgumentException the start overlaps data already written
     */
    void startSegment(double startSeconds) throws IOException;

    /** Seconds of data written so far (whole records), gaps included. */
    double writtenSeconds();

    /**
     * Pads a partly filled last record with zeros (the only padding the writer ever adds), writes the
     * record count and closes the file.
     *
     * @throws IOException writing failed, or annotations were still queued because the records had no
     *     room left for them (the message says how many; raise {@link RecordingSpec#annotationBytesPerRecord()})
     */
    @Override
    void close() throws IOException;
}
