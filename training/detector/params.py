"""The detector's input contract: one place for the numbers the card, training and evaluation share."""

RATE_HZ = 256           # every signal is resampled to this before windowing (the card's samplingRateHz)
WINDOW_SECONDS = 4.0    # one classified window (Delhi's segments are 5.12 s: longer windows would lose them)
HOP_SECONDS = 2.0       # 50 % overlap

# ImageParameters / StftParameters exactly as the card carries them (field names of the Java records).
IMAGE = {
    "stft": {"windowSeconds": 1.0, "hopSeconds": 0.25, "taper": "HANN", "detrend": "CONSTANT",
             "scale": "DECIBEL", "minHz": 0.0, "maxHz": 32.0, "resampleToHz": float(RATE_HZ)},
    "imageSeconds": WINDOW_SECONDS, "height": 32, "width": 16, "range": "FIXED",
    "minDb": -23.0, "maxDb": 47.0, "colourMap": "JET",
}

# The card's input.normalisation.method: minDb/maxDb above are relative to the recording's level
# reference, the LEVEL_PERCENTILE-th percentile of the median decibel of its windows' grids (every
# EEG channel; the detector samples at most a few hundred windows of a long recording). Absolute
# microvolt levels differ between amplifiers, montages and scalp or intracranial electrodes by more
# than seizure and background differ; relative to the recording's own quiet level they agree
# (training/detector/README.md, session 6). A low percentile keeps the reference on background
# while up to half of a recording is seizure.
LEVEL_REFERENCE = "recording-level-p10"
LEVEL_PERCENTILE = 10.0

# Channel probabilities -> recording probability: the mean of the TOP_K most seizure-like channels
# (one channel alone, an electrode pop, cannot raise it as much as a focal discharge on two).
TOP_K = 2
# ... or this times the median channel probability (capped at 1) where that is higher: a generalised
# discharge (tonic, myoclonic) raises most channels moderately, an artifact one or two strongly
# (io.ictal.detector's DetectorConfig.medianChannelGain; 0 = off; chosen by tune_events.py on seeds
# 301-310, README session 12).
MEDIAN_CHANNEL_GAIN = 6.0
BREADTH_CHANNELS = 8    # ... with at least this many channels (the median of two is their mean)

# Event post-processing (the card's "thresholds" holds ON; the rest are in the card's notes and
# io.ictal.detector's EventFinder): moving average over SMOOTH_WINDOWS windows, hysteresis.
SMOOTH_WINDOWS = 5
