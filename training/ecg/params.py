"""The ECG models' input contract: one place for the numbers the cards, training and the Java
classifier (io.ictal.ecg.internal.EcgContract mirrors them; the cards carry them) share."""

RATE_HZ = 128.0            # every window is resampled to this by the spectrogram service (resampleToHz)
BEAT_WINDOW_S = 2.0        # R-peak-centred beat window: [R - 1 s, R + 1 s)
RHYTHM_WINDOW_S = 10.0     # rhythm window
RHYTHM_HOP_S = 5.0

# StftParameters exactly as the cards carry them (field names of the Java record).
STFT = {"windowSeconds": 0.25, "hopSeconds": 0.0625, "taper": "HANN", "detrend": "CONSTANT",
        "scale": "DECIBEL", "minHz": 0.0, "maxHz": 48.0, "resampleToHz": RATE_HZ}
BINS = 13                  # 0, 4, ..., 48 Hz
BEAT_FRAMES = 29           # (256 - 32) / 8 + 1
RHYTHM_FRAMES = 157        # (1280 - 32) / 8 + 1

BEAT_LABELS = ["N", "S", "V", "F"]         # AAMI groups (Q beats are not classified)
RHYTHM_LABELS = ["N", "A", "O"]            # CinC 2017 normal, AF, other; no noisy record in our subset
RR_FEATURES = 7
RHYTHM_FEATURES = 6
LONG_RR_S = 150.0          # the "patient's usual RR" is the mean over +-150 s
LOCAL_RR_BEATS = 10        # the local RR is the mean of the 10 intervals around the beat
TEMPLATE_BEATS = 64        # the record's "usual beat": per-value median of the 64 beat spectrograms around a beat
# the beat's waveform (beat model 3.0.0): the R-peak-centred beat window resampled to RATE_HZ by the
# spectrogram service, samples [R - WAVE_BEFORE_S, R + WAVE_AFTER_S), least-squares line removed
# (features.beat_waveform; Java BeatWaveform); the usual waveform is its TEMPLATE_BEATS median
WAVE_BEFORE_S = 0.625      # 80 samples: the P wave and the previous T wave
WAVE_AFTER_S = 0.25        # 32 samples: the QRS
WAVE_SAMPLES = 112
