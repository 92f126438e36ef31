package io.ictal.video.internal;

import java.util.Optional;

/**
 * Which frames of a video show a time range of the recording: snippets of {@code framesPerSnippet}
 * consecutive frames on the model's frame grid ({@code fps}), the first starting at the range's
 * start (or the video's first frame, if later), as many whole snippets as fit before the range's
 * end and the video's end.
 *
 * @param videoStartSeconds video time (0 = first frame) of the first snippet's first frame
 * @param snippets number of snippets
 * @param framesPerSnippet frames per snippet
 * @param fps the model's frame rate
 * @param offsetSeconds recording time of the video's first frame
 */
record SnippetPlan(double videoStartSeconds, int snippets, int framesPerSnippet, double fps, double offsetSeconds) {

    /** Recording time of the first snippet's first frame. */
    double recordingStartSeconds() {
        return offsetSeconds + videoStartSeconds;
    }

    /** Seconds one snippet spans. */
    double snippetSeconds() {
        return framesPerSnippet / fps;
    }

    /** Recording time of snippet {@code i}'s first frame. */
    double snippetStartSeconds(int i) {
        return recordingStartSeconds() + (double) i * framesPerSnippet / fps;
    }

    int frames() {
        return snippets * framesPerSnippet;
    }

    /** Seconds the snippets cover. */
    double coveredSeconds() {
        return frames() / fps;
    }

    /**
     * @param rangeStart recording time where the range starts
     * @param rangeEnd recording time where it ends
     * @param offsetSeconds recording time of the video's first frame (negative: the video started first)
     * @param videoDurationSeconds the video's length
     * @return empty when the video covers less than one snippet of the range
     */
    static Optional<SnippetPlan> of(double rangeStart, double rangeEnd, double offsetSeconds,
            double videoDurationSeconds, int framesPerSnippet, double fps) {
        double start = Math.max(rangeStart, offsetSeconds);
        double end = Math.min(rangeEnd, offsetSeconds + videoDurationSeconds);
        // A small tolerance so that a range of exactly n snippets gives n, not n - 1, after rounding.
        int snippets = (int) Math.floor((end - start) * fps / framesPerSnippet + 1e-6);
        if (snippets < 1) {
            return Optional.empty();
        }
        return Optional.of(new SnippetPlan(start - offsetSeconds, snippets, framesPerSnippet, fps, offsetSeconds));
    }
}
