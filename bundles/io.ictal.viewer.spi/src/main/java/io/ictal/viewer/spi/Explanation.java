package io.ictal.viewer.spi;

import java.util.Arrays;
import java.util.Objects;

/**
 * An image that shows why a marker was proposed (e.g. the detector's class-activation map over the
 * spectrogram of the most involved channel).
 *
 * @param markerId the marker it explains
 * @param mediaType e.g. {@code image/png}
 * @param image the encoded image (copied)
 * @param caption one line for the user
 */
public record Explanation(String markerId, String mediaType, byte[] image, String caption) {

    public Explanation {
        ModelRef.requireText(markerId, "markerId");
        ModelRef.requireText(mediaType, "mediaType");
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
        return o instanceof Explanation e
                && markerId.equals(e.markerId) && mediaType.equals(e.mediaType)
                && Arrays.equals(image, e.image) && caption.equals(e.caption);
    }

    @Override
    public int hashCode() {
        return Objects.hash(markerId, mediaType, caption) * 31 + Arrays.hashCode(image);
    }

    @Override
    public String toString() {
        return "Explanation[" + markerId + ", " + mediaType + ", " + image.length + " bytes, " + caption + "]";
    }
}
