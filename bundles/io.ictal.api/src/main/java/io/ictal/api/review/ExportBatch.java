package io.ictal.api.review;

import java.util.List;
import java.util.Objects;

/**
 * What one export file holds: the selected items of one recording.
 *
 * @param recording what is known about the recording (start and duration may be unknown)
 * @param items the items to write, in onset order, all of this recording and all passing {@code selection}
 * @param selection whether only accepted items are written (no state column needed) or all, with their state
 * @param includePatient whether patient fields may be written where the format has a place for them
 *     (only when an administrator configured it; false by default)
 */
public record ExportBatch(RecordingDescriptor recording, List<ReviewItem> items, ExportSelection selection,
        boolean includePatient) {

    public ExportBatch {
        Objects.requireNonNull(recording, "recording");
        items = List.copyOf(items);
        Objects.requireNonNull(selection, "selection");
        for (ReviewItem item : items) {
            if (!item.recordingId().equals(recording.recordingId())) {
                throw new IllegalArgumentException("item " + item.id() + " belongs to recording '" + item.recordingId()
                        + "', not '" + recording.recordingId() + "'");
            }
            if (!selection.includes(item)) {
                throw new IllegalArgumentException("item " + item.id() + " is " + item.state()
                        + " and not part of a " + selection + " export");
            }
        }
    }
}
