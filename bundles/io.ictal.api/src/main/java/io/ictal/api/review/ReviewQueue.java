package io.ictal.api.review;

import io.ictal.api.detection.Detection;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The durable review queue. Registered as an OSGi service; thread-safe. */
@ProviderType
public interface ReviewQueue {

    /**
     * Adds detections of one recording as pending items. Idempotent on (recording, model id and
     * version, onset, offset, channels): re-ingesting the same detections adds nothing.
     *
     * @return the items, new or already present, in the order given
     */
    List<ReviewItem> ingest(String recordingId, List<Detection> detections);

    /** Items of a recording (all recordings when {@code recordingId} is null), in onset order. */
    List<ReviewItem> items(String recordingId);
}
