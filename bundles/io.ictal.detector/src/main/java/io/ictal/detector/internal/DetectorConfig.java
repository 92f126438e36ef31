package io.ictal.detector.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Post-processing and throughput settings; the thresholds and the input come from the model card. */
@ObjectClassDefinition(name = "Ictal seizure detector",
        description = "How channel probabilities become seizure events, and how much is classified at once.")
public @interface DetectorConfig {

    @AttributeDefinition(description = "Recording-level probability: mean of this many most seizure-like channels.")
    int topChannels() default 2;

    @AttributeDefinition(description = "Recording-level probability is at least this times the median channel "
            + "probability (capped at 1), with 8 channels or more: generalised discharges raise most channels a "
            + "little; 0 = off (training/detector/README.md, session 12).")
    double medianChannelGain() default 6;

    @AttributeDefinition(description = "Centred moving average over this many windows (odd) before the thresholds.")
    int smoothingWindows() default 5;

    @AttributeDefinition(description = "Events shorter than this (seconds) are dropped.")
    double minDurationSeconds() default 10;

    @AttributeDefinition(description = "Events closer than this (seconds) are merged into one.")
    double mergeGapSeconds() default 30;

    @AttributeDefinition(description = "Windows classified per inference batch (times the channels: images per batch).")
    int batchWindows() default 32;

    @AttributeDefinition(description = "Threads building spectrogram images; 0 = one per processor.")
    int imageThreads() default 0;
}
