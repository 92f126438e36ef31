package io.ictal.api.review;

import io.ictal.api.detection.Detection;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The durable review queue. Registered as an OSGi service; thread-safe, and safe for several
 * processes sharing one database: every change is one transaction, decisions use optimistic
 * concurrency on {@link ReviewItem#revision()}.
 */
@ProviderType
public interface ReviewQueue {

    /**
     * Adds detections of one recording as pending items. Idempotent on (recording, model id and
     * version, onset, offset, channels): re-ingesting the same detections adds nothing. All or
     * nothing: after a crash either every detection of the call is queued or none is.
     *
     * @return the items, new or already present, in the order given
     * @throws ReviewException the database refused or is unreachable
     */
    List<ReviewItem> ingest(String recordingId, List<Detection> detections);

    /** Items of a recording (all recordings when {@code recordingId} is null), in onset order. */
    List<ReviewItem> items(String recordingId);

    /** Items passing {@code filter}, by recording then onset. */
    List<ReviewItem> items(ReviewFilter filter);

    /** One item, or empty when no item has this id. */
    Optional<ReviewItem> item(long id);

    /**
     * Records one decision, if nobody decided the item since the reviewer loaded it.
     *
     * @param expectedRevision the {@link ReviewItem#revision()} the reviewer saw
     * @return the item as decided (revision one higher)
     * @throws ReviewConflictException the item's revision is no longer {@code expectedRevision}:
     *     nothing was changed
     * @throws ReviewException no item has this id, or the database failed
     */
    ReviewItem decide(long itemId, long expectedRevision, ReviewDecision decision);

    /**
     * Records the same decision for several items (a cluster) in one transaction: all are decided
     * or, on the first conflict, none.
     *
     * @param seen the items as the reviewer saw them (their ids and revisions count)
     * @return the decided items, in the order given
     * @throws ReviewConflictException one item changed since it was seen: nothing was changed
     */
    List<ReviewItem> decideAll(List<ReviewItem> seen, ReviewDecision decision);

    /** Records or replaces what is known about a recording (its file, start and duration). */
    void describe(RecordingDescriptor recording);

    /** What is known about a recording; {@link RecordingDescriptor#unknown} when it was never described. */
    RecordingDescriptor recording(String recordingId);
}
