package io.ictal.video.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.api.PictureWithMetadata;
import org.jcodec.api.specific.AVCMP4Adaptor;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.mp4.AvcCBox;
import org.jcodec.common.Codec;
import org.jcodec.common.DemuxerTrack;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.SeekableDemuxerTrack;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.containers.mp4.MP4TrackType;
import org.jcodec.containers.mp4.boxes.SampleEntry;
import org.jcodec.containers.mp4.boxes.VideoSampleEntry;
import org.jcodec.containers.mp4.demuxer.AbstractMP4DemuxerTrack;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;

/**
 * An MP4 (or MOV) file with an H.264 video track, decoded by jcodec (pure Java). Opening checks the
 * container, the codec and the H.264 features jcodec lacks, so that an unreadable video fails before
 * any work with a {@link VideoFormatException}; {@link #stream} then decodes frames one at a time,
 * holding only the decoder's reference frames and two downsampled frames, whatever the length.
 * Not thread-safe: one stream at a time.
 */
final class VideoFile implements Closeable {

    /** First-box types of an ISO base media (MP4/MOV) file. */
    private static final Set<String> ISO_BOXES = Set.of("ftyp", "moov", "mdat", "free", "skip", "wide", "pnot");

    /** Grid times this close to a frame's start count as that frame's (rounding of the two clocks). */
    private static final double TIME_EPSILON = 1e-4;

    /** Pictures held back to put B-frames in display order (H.264's largest reorder depth). */
    static final int REORDER_DEPTH = 16;

    /** Receives one resampled, downsampled frame; {@code pixels} is reused after the call returns. */
    interface FrameSink {
        /** @return false to stop (cancelled) */
        boolean frame(int index, byte[] pixels) throws IOException;
    }

    private final Path file;
    private final SeekableByteChannel channel;
    private final SeekableDemuxerTrack track;
    private final DemuxerTrackMeta meta;
    private final String description;
    private final double firstPts;
    private final int codedWidth;
    private final int codedHeight;

    private VideoFile(Path file, SeekableByteChannel channel, SeekableDemuxerTrack track, DemuxerTrackMeta meta,
            String description, double firstPts, int codedWidth, int codedHeight) {
        this.file = file;
        this.channel = channel;
        this.track = track;
        this.meta = meta;
        this.description = description;
        this.firstPts = firstPts;
        this.codedWidth = codedWidth;
        this.codedHeight = codedHeight;
    }

    /**
     * @throws NoSuchFileException the file does not exist
     * @throws VideoFormatException not an MP4/MOV, no video track, not H.264, or an H.264 feature the
     *     decoder lacks (interlaced, 4:2:2/4:4:4 chroma, more than 8 bits)
     */
    static VideoFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "video file not found");
        }
        checkContainer(file);
        SeekableByteChannel channel = NIOUtils.readableChannel(file.toFile());
        try {
            MP4Demuxer demuxer;
            try {
                demuxer = MP4Demuxer.createMP4Demuxer(channel);
            } catch (RuntimeException | IOException e) {
                throw new VideoFormatException(file, "damaged MP4 structure (" + e + "); expected a complete MP4 file",
                        e);
            }
            AbstractMP4DemuxerTrack mp4Track = demuxer.getTracks().stream()
                    .filter(t -> t.getType() == MP4TrackType.VIDEO).findFirst()
                    .orElseThrow(() -> new VideoFormatException(file, "no video track; expected one H.264 video track"));
            String fourcc = mp4Track.getFourcc();
            if (!"avc1".equals(fourcc) && !"avc3".equals(fourcc)) {
                throw new VideoFormatException(file, "video codec is " + codecName(fourcc)
                        + "; this decoder (jcodec) reads H.264/AVC ('avc1') only: re-encode the video to H.264");
            }
            List<DemuxerTrack> videoTracks = demuxer.getVideoTracks();
            DemuxerTrack track = videoTracks.isEmpty() ? null : videoTracks.get(0);
            DemuxerTrackMeta meta = track == null ? null : track.getMeta();
            if (meta == null || meta.getCodec() != Codec.H264) {
                throw new VideoFormatException(file, "video track '" + fourcc + "' is not readable as H.264");
            }
            SampleEntry[] entries = mp4Track.getSampleEntries();
            SeqParameterSet sps = readSps(file, entries);
            String description = "H.264 " + profileName(sps.profileIdc) + " profile ('" + fourcc + "'), "
                    + chroma(sps.chromaFormatIdc) + ", " + (8 + sps.bitDepthLumaMinus8) + " bit";
            if (!sps.frameMbsOnlyFlag) {
                throw new VideoFormatException(file, "video is interlaced " + description
                        + "; jcodec decodes progressive H.264 only: de-interlace or re-encode it");
            }
            if (sps.bitDepthLumaMinus8 != 0 || sps.bitDepthChromaMinus8 != 0
                    || !(sps.chromaFormatIdc == ColorSpace.YUV420 || sps.chromaFormatIdc == ColorSpace.YUV420J
                            || sps.chromaFormatIdc == ColorSpace.MONO)) {
                throw new VideoFormatException(file, "video is " + description
                        + "; jcodec decodes 8-bit 4:2:0 H.264 only: re-encode it as yuv420p");
            }
            if (!(track instanceof SeekableDemuxerTrack seekable)) {
                throw new VideoFormatException(file, "the video track cannot be seeked; expected a regular MP4 file");
            }
            if (meta.getTotalFrames() < 1 || !(meta.getTotalDuration() > 0)) {
                throw new VideoFormatException(file, "the video track has " + meta.getTotalFrames()
                        + " frames lasting " + meta.getTotalDuration() + " s; expected at least one frame");
            }
            Packet first = seekable.nextFrame();
            if (first == null) {
                throw new VideoFormatException(file, "the video track has no frame data");
            }
            double firstPts = first.getPtsD();
            seekable.gotoFrame(0);
            int width = meta.getVideoCodecMeta().getSize().getWidth();
            int height = meta.getVideoCodecMeta().getSize().getHeight();
            return new VideoFile(file, channel, seekable, meta, description, firstPts, width, height);
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (e instanceof RuntimeException) {
                throw new VideoFormatException(file, "cannot read the video track: " + e, e);
            }
            throw e;
        }
    }

    private static void checkContainer(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 8);
        }
        String box = n == 8 ? new String(head, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
        if (!ISO_BOXES.contains(box)) {
            throw new VideoFormatException(file, "not an MP4/MOV file (first box " + (n < 8 ? "missing" : "'"
                    + box.replaceAll("[^ -~]", "?") + "'") + "); expected an MP4 file with H.264 video");
        }
    }

    private static SeqParameterSet readSps(Path file, SampleEntry[] entries) throws VideoFormatException {
        try {
            AvcCBox avcC = H264Utils.parseAVCC((VideoSampleEntry) entries[0]);
            return H264Utils.readSPS(avcC.getSpsList().get(0).duplicate());
        } catch (RuntimeException e) {
            throw new VideoFormatException(file, "H.264 track without a readable sequence parameter set (avcC): " + e,
                    e);
        }
    }

    private static String codecName(String fourcc) {
        return switch (fourcc == null ? "" : fourcc) {
            case "hev1", "hvc1" -> "H.265/HEVC ('" + fourcc + "')";
            case "mp4v" -> "MPEG-4 Part 2 ('mp4v')";
            case "mjpa", "mjpb", "jpeg" -> "Motion JPEG ('" + fourcc + "')";
            case "av01" -> "AV1 ('av01')";
            case "vp09" -> "VP9 ('vp09')";
            default -> "'" + fourcc + "'";
        };
    }

    private static String profileName(int idc) {
        return switch (idc) {
            case 66 -> "Baseline";
            case 77 -> "Main";
            case 88 -> "Extended";
            case 100 -> "High";
            case 110 -> "High 10";
            case 122 -> "High 4:2:2";
            case 244 -> "High 4:4:4";
            default -> "profile_idc " + idc;
        };
    }

    private static String chroma(ColorSpace c) {
        return c == ColorSpace.YUV420 || c == ColorSpace.YUV420J ? "4:2:0" : c == ColorSpace.YUV422 ? "4:2:2" : c == ColorSpace.YUV444 ? "4:4:4"
                : c == ColorSpace.MONO ? "monochrome" : String.valueOf(c);
    }

    Path file() {
        return file;
    }

    /** Codec, profile, chroma and bit depth, e.g. {@code H.264 Baseline profile ('avc1'), 4:2:0, 8 bit}. */
    String description() {
        return description;
    }

    int frameCount() {
        return meta.getTotalFrames();
    }

    /** Seconds from the first frame's start to the last frame's end. */
    double durationSeconds() {
        return meta.getTotalDuration();
    }

    /** Mean frame rate. */
    double frameRate() {
        return meta.getTotalFrames() / meta.getTotalDuration();
    }

    int codedWidth() {
        return codedWidth;
    }

    int codedHeight() {
        return codedHeight;
    }

    /**
     * Decodes the frames shown at {@code startSeconds + k / fps} (video time, 0 = the first frame) for
     * {@code k = 0 .. count - 1}, each downsampled by {@link Preprocess}, and hands them to the sink
     * in order. A frame is shown from its timestamp until the next frame's; times before the first
     * frame get the first frame; the stream ends early at the end of the video or when the sink
     * says stop.
     *
     * @return how many frames the sink received
     * @throws VideoFormatException a frame cannot be decoded (the message names the time)
     */
    int stream(double startSeconds, int count, double fps, int width, int height, FrameSink sink) throws IOException {
        FrameGrab grab;
        try {
            grab = new FrameGrab(track, new AVCMP4Adaptor(meta));
            double seek = Math.max(0, startSeconds);
            if (seek > 0) {
                // To the key frame before: a precise seek decodes up to the target in decode order and can
                // drop a B-frame shown just after it; the frames before the target pass below unseen.
                grab.seekToSecondSloppy(firstPts + seek);
            }
        } catch (JCodecException | RuntimeException e) {
            throw new VideoFormatException(file, "cannot seek to " + startSeconds + " s in " + description + ": " + e, e);
        }
        // Decoded pictures come in decode order: with B-frames a picture shown earlier is decoded
        // later. They wait here, in display order, until more than REORDER_DEPTH are decoded (H.264
        // allows at most 16 pictures of reordering), so each is handed on in its turn.
        PriorityQueue<DecodedFrame> pending = new PriorityQueue<>(Comparator.comparingDouble(DecodedFrame::time));
        byte[] shown = null;
        double shownEnd = Double.NEGATIVE_INFINITY;
        int k = 0;
        boolean ended = false;
        while (k < count) {
            if (!ended) {
                PictureWithMetadata decoded;
                try {
                    decoded = grab.getNativeFrameWithMetadata();
                } catch (RuntimeException e) {
                    throw new VideoFormatException(file, "cannot decode the frame after " + String.format("%.3f", shownEnd)
                            + " s (" + description + "): " + e, e);
                }
                if (decoded == null) {
                    ended = true;
                } else {
                    Picture p = decoded.getPicture();
                    byte[] pixels = new byte[width * height];
                    Preprocess.downsample(p.getPlaneData(0), p.getPlaneWidth(0), p.getStartX(), p.getStartY(),
                            p.getCroppedWidth(), p.getCroppedHeight(), width, height, pixels);
                    pending.add(new DecodedFrame(decoded.getTimestamp() - firstPts, decoded.getDuration(), pixels));
                    if (pending.size() <= REORDER_DEPTH) {
                        continue;
                    }
                }
            }
            DecodedFrame next = pending.poll();
            if (next == null) {
                // End of the video: the last frame is shown for its duration.
                while (shown != null && k < count && startSeconds + k / fps < shownEnd - TIME_EPSILON) {
                    if (!sink.frame(k++, shown)) {
                        return k;
                    }
                }
                return k;
            }
            // Every grid time before this frame's start belongs to the frame shown so far (or, before
            // the first frame, to this one).
            while (k < count && startSeconds + k / fps < next.time() - TIME_EPSILON) {
                if (!sink.frame(k++, shown != null ? shown : next.pixels())) {
                    return k;
                }
            }
            shown = next.pixels();
            shownEnd = next.time() + next.duration();
        }
        return k;
    }

    /** A decoded, downsampled picture with its display time (video time) and duration, in seconds. */
    private record DecodedFrame(double time, double duration, byte[] pixels) {
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
