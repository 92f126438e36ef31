package io.ictal.workflow.internal;

/**
 * The workflow's configuration as plain values (the component maps its metatype configuration here,
 * tests build it directly).
 *
 * @param lenient read recordings leniently (deviations become warnings) rather than refuse them
 * @param csaEpochSeconds length of one CSA trend point (&ge; 2 s, the CSA's STFT window)
 * @param swapGraceSeconds how long a run whose classifier went away waits for its replacement
 * @param maxExplanationBytes explanation images kept per job for late sinks
 */
record Settings(boolean lenient, double csaEpochSeconds, double swapGraceSeconds, long maxExplanationBytes) {

    Settings {
        if (!Double.isFinite(csaEpochSeconds) || csaEpochSeconds < CsaTrend.WINDOW_SECONDS) {
            throw new IllegalArgumentException(WorkflowMarkerProvider.PID + ": csaEpochSeconds must be >= "
                    + CsaTrend.WINDOW_SECONDS + ", was " + csaEpochSeconds);
        }
        if (!Double.isFinite(swapGraceSeconds) || swapGraceSeconds < 0) {
            throw new IllegalArgumentException(WorkflowMarkerProvider.PID + ": swapGraceSeconds must be >= 0, was "
                    + swapGraceSeconds);
        }
        if (maxExplanationBytes < 0) {
            throw new IllegalArgumentException(WorkflowMarkerProvider.PID + ": maxExplanationMegabytes must be >= 0");
        }
    }

    static Settings defaults() {
        return new Settings(true, 10, 10, 32L << 20);
    }
}
