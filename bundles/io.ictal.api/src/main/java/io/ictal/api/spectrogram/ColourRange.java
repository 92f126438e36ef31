package io.ictal.api.spectrogram;

/** Which dB range an image's colour map spans. */
public enum ColourRange {
    /** The parameters' {@code minDb..maxDb}: images are comparable with each other (model input). */
    FIXED,
    /** Each image's own minimum..maximum: the most contrast for people, not comparable across images. */
    PER_IMAGE
}
