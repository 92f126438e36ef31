package io.ictal.api.review;

import java.util.Objects;

/**
 * Another reviewer decided the item after this reviewer loaded it: the decision was not applied.
 * The caller shows {@link #current()} and lets the reviewer decide again with its revision.
 */
public class ReviewConflictException extends ReviewException {

    private static final long serialVersionUID = 1L;

    private final transient ReviewItem current;
    private final long expectedRevision;

    public ReviewConflictException(ReviewItem current, long expectedRevision) {
        super("review item " + Objects.requireNonNull(current, "current").id() + " changed since it was loaded:"
                + " expected revision " + expectedRevision + ", it is at revision " + current.revision() + " ("
                + current.state() + (current.reviewer() == null ? "" : " by " + current.reviewer())
                + "); reload it and decide again");
        this.current = current;
        this.expectedRevision = expectedRevision;
    }

    /** The item as it is now in the queue. */
    public ReviewItem current() {
        return current;
    }

    /** The revision the refused decision was based on. */
    public long expectedRevision() {
        return expectedRevision;
    }
}
