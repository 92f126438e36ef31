package io.ictal.api.recording;

/**
 * A contiguous run of data records.
 *
 * @param startSeconds start, in seconds from the recording start (from the records' time-keeping TALs in EDF+)
 * @param durationSeconds length in seconds
 * @param firstRecord index of the run's first data record
 * @param recordCount number of data records in the run
 */
public record Segment(double startSeconds, double durationSeconds, long firstRecord, long recordCount) {

    public Segment {
        if (!Double.isFinite(startSeconds) || startSeconds < 0) {
            throw new IllegalArgumentException("startSeconds must be finite and >= 0, was " + startSeconds);
        }
        if (!Double.isFinite(durationSeconds) || durationSeconds < 0) {
            throw new IllegalArgumentException("durationSeconds must be finite and >= 0, was " + durationSeconds);
        }
        if (firstRecord < 0 || recordCount < 0) {
            throw new IllegalArgumentException("firstRecord and recordCount must be >= 0");
        }
    }

    /** End of the run, seconds from the recording start. */
    public double endSeconds() {
        return startSeconds + durationSeconds;
    }
}
