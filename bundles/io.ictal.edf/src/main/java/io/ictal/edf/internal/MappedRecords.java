package io.ictal.edf.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * The data records, memory-mapped read-only in windows of whole records (one map is limited to
 * 2 GB, so larger files get several). Nothing is copied onto the heap; pages are loaded by the OS
 * as they are touched. Reads use absolute positions only, so one instance serves concurrent readers.
 */
final class MappedRecords {

    /** Windows of about 1 GiB keep the count of maps small while staying under the 2 GB limit of one map. */
    private static final long WINDOW_BYTES = 1L << 30;

    private final ByteBuffer[] windows;
    private final long recordsPerWindow;
    private final long recordBytes;

    private MappedRecords(ByteBuffer[] windows, long recordsPerWindow, long recordBytes) {
        this.windows = windows;
        this.recordsPerWindow = recordsPerWindow;
        this.recordBytes = recordBytes;
    }

    static MappedRecords map(FileChannel channel, long dataOffset, long recordBytes, long recordCount)
            throws IOException {
        long recordsPerWindow = Math.max(1, WINDOW_BYTES / recordBytes);
        int count = (int) ((recordCount + recordsPerWindow - 1) / recordsPerWindow);
        ByteBuffer[] windows = new ByteBuffer[count];
        for (int w = 0; w < count; w++) {
            long first = w * recordsPerWindow;
            long records = Math.min(recordsPerWindow, recordCount - first);
            windows[w] = channel.map(FileChannel.MapMode.READ_ONLY, dataOffset + first * recordBytes,
                    records * recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        }
        return new MappedRecords(windows, recordsPerWindow, recordBytes);
    }

    /** The window holding {@code record}. */
    ByteBuffer window(long record) {
        return windows[(int) (record / recordsPerWindow)];
    }

    /** Position of byte {@code offsetInRecord} of {@code record} inside {@link #window(long)}. */
    int position(long record, int offsetInRecord) {
        return (int) ((record % recordsPerWindow) * recordBytes + offsetInRecord);
    }

    /** Copies {@code length} bytes of {@code record} from {@code offsetInRecord} into {@code destination}. */
    void copy(long record, int offsetInRecord, byte[] destination, int length) {
        window(record).get(position(record, offsetInRecord), destination, 0, length);
    }
}
