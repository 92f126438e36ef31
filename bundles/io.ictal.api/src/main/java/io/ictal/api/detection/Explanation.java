package io.ictal.api.detection;

import java.util.Arrays;
import java.util.Objects;

/**
 * An image showing why a detection was made, e.g. the detector's class-activation map over the
 * spectrogram of the most involved channel.
 *
 * @param mediaType e.g. {@code image/png}
 * @param image the encoded image (copied; not empty)
 * @param caption one line for the user, e.g. {@code CAM over F7-T7, 12:03:10-12:03:40}
 */
public record Explanation(String mediaType, byte[] image, String caption) {

    public Explanation {
        Detection.requireText(mediaType, "mediaType");
        image = Objects.requireNonNull(image, "image").clone();
        if (image.length == 0) {
            throw new IllegalArgumentException("image must not be empty");
        }
        Objects.requireNonNull(caption, "caption");
    }

    /** A copy of the encoded image. */
    @Override
    public byte[] image() {
        return image.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Explanation e && mediaType.equals(e.mediaType) && Arrays.equals(image, e.image)
                && caption.equals(e.caption);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mediaType, caption) * 31 + Arrays.hashCode(image);
    }

    @Override
    public String toString() {
        return "Explanation[" + mediaType + ", " + image.length + " bytes, " + caption + "]";
    }
}
