package io.ictal.video.internal;

import java.io.IOException;

/**
 * Decodes the snippets of a {@link SnippetPlan} one after the other: the only path from a video file
 * to model input, used by the classifier and by the training's {@link SnippetDumper} alike. Holds one
 * snippet of downsampled frames at a time.
 */
final class SnippetStream {

    /** Receives one snippet: {@code frames x height x width} grey levels, reused after the call. */
    interface SnippetSink {
        /** @return false to stop */
        boolean snippet(int index, byte[] frames) throws IOException;
    }

    private SnippetStream() {
    }

    /** @return the number of whole snippets delivered */
    static int stream(VideoFile video, SnippetPlan plan, int height, int width, SnippetSink sink) throws IOException {
        int frameSize = height * width;
        byte[] snippet = new byte[plan.framesPerSnippet() * frameSize];
        int[] delivered = {0};
        video.stream(plan.videoStartSeconds(), plan.frames(), plan.fps(), width, height, (index, pixels) -> {
            int inSnippet = index % plan.framesPerSnippet();
            System.arraycopy(pixels, 0, snippet, inSnippet * frameSize, frameSize);
            if (inSnippet == plan.framesPerSnippet() - 1) {
                delivered[0]++;
                return sink.snippet(index / plan.framesPerSnippet(), snippet);
            }
            return true;
        });
        return delivered[0];
    }
}
