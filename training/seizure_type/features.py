"""The model's input for one event, exactly as the Java classifier (io.ictal.seizuretype) builds it
through SpectrogramService.multiSpectral: every EEG channel's multi-spectral stack over
[start, start + WINDOW_SECONDS), start = the event's onset (whole second), moved back so that the
window ends inside the recording. Shape [channels, layers, bins, frames]."""
import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from ictal_training import spectrogram  # noqa: E402

import config  # noqa: E402


def window_start(onset, recording_seconds):
    """Where the classified window starts (as the Java classifier's windowStart): the onset's whole
    second, moved back so that the window ends inside the recording, never before 0."""
    return float(max(0, min(math.floor(onset), math.floor(recording_seconds - config.WINDOW_SECONDS))))


def stack(rates, data, start):
    """[channels][layers][bins][frames] float32 of the window starting at `start` seconds."""
    out = []
    for rate, x in zip(rates, data):
        first = int(math.floor(start * rate + 0.5))
        count = int(math.floor(config.WINDOW_SECONDS * rate + 0.5))
        segment = x[first:first + count]
        if len(segment) < count:
            raise ValueError(f"window at {start} s needs {count} samples, the signal has {len(segment)}")
        out.append(spectrogram.multi_spectral(segment, rate, config.MULTI_SPECTRAL))
    return np.asarray(out, dtype=np.float32)
