package io.ictal.video.internal;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.ReadWarning;
import io.ictal.api.recording.Segment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

/** Test videos and a recording that only has annotations. */
final class TestVideos {

    private TestVideos() {
    }

    /** A video whose frame {@code i} is uniformly grey at {@code grey.applyAsInt(i)}. */
    static void uniform(Path file, int fps, int frames, int width, int height, IntUnaryOperator grey) throws IOException {
        try (SeekableByteChannel channel = NIOUtils.writableChannel(file.toFile())) {
            SequenceEncoder encoder = SequenceEncoder.createWithFps(channel, new Rational(fps, 1));
            Picture picture = Picture.create(width, height, ColorSpace.RGB);
            for (int i = 0; i < frames; i++) {
                java.util.Arrays.fill(picture.getPlaneData(0), (byte) (grey.applyAsInt(i) - 128));
                encoder.encodeNativeFrame(picture);
            }
            encoder.finish();
        }
    }

    /** An open recording with these annotations and nothing else the classifier reads. */
    static Recording recording(Path file, List<Annotation> annotations) {
        return new Recording() {
            @Override
            public Path file() {
                return file;
            }

            @Override
            public RecordingHeader header() {
                throw new UnsupportedOperationException("not needed by the video classifier");
            }

            @Override
            public List<Annotation> annotations() {
                return annotations;
            }

            @Override
            public List<ReadWarning> warnings() {
                return List.of();
            }

            @Override
            public List<Segment> segments() {
                return List.of();
            }

            @Override
            public float[] read(int signalIndex, double startSeconds, double durationSeconds) {
                throw new UnsupportedOperationException("not needed by the video classifier");
            }

            @Override
            public void close() {
            }
        };
    }
}
