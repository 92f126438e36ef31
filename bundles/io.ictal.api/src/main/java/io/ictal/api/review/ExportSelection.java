package io.ictal.api.review;

/** Which items an export contains. */
public enum ExportSelection {
    /** Events a reviewer accepted (confirmed or edited), with the reviewer's times: what downstream tools should trust. */
    ACCEPTED,
    /** Every item with its review state, pending and rejected included (e.g. for auditing the detector). */
    ALL;

    /** Whether {@code item} belongs in an export of this selection. */
    public boolean includes(ReviewItem item) {
        return this == ALL || item.accepted();
    }
}
