package io.ictal.viewer.web.internal;

import java.nio.file.Path;

/**
 * The viewer's configuration as plain values.
 *
 * @param folder recordings offered for opening (*.edf, *.bdf)
 * @param uploads where uploaded recordings are stored (may equal {@code folder})
 * @param maxUploadBytes largest upload accepted
 * @param maxOpen recordings kept open at once; opening one more closes the least recently used
 */
record ViewerSettings(Path folder, Path uploads, long maxUploadBytes, int maxOpen) {

    ViewerSettings {
        if (maxUploadBytes <= 0) {
            throw new IllegalArgumentException(ViewerServlet.PID + ": maxUploadMegabytes must be > 0");
        }
        if (maxOpen < 1) {
            throw new IllegalArgumentException(ViewerServlet.PID + ": maxOpenRecordings must be >= 1, was " + maxOpen);
        }
    }
}
