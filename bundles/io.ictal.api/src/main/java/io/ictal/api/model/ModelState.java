package io.ictal.api.model;

/** Where a model stands. */
public enum ModelState {
    /** Valid and serving its task. */
    ACTIVE,
    /** Valid, but another model serves its task (a higher version or a pinned one). */
    STANDBY,
    /** Failed validation; it never serves. */
    REJECTED
}
