package io.ictal.api.review;

/** Where a review item stands. */
public enum ReviewState {
    PENDING, CONFIRMED, REJECTED, EDITED;

    /** Whether a reviewer has decided the item. */
    public boolean decided() {
        return this != PENDING;
    }
}
