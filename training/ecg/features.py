"""Model inputs from a signal and its R peaks, exactly as io.ictal.ecg.internal.EcgFeatures builds
them: spectrograms through the reference of the spectrogram service, RR features in seconds."""
import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from ictal_training import spectrogram  # noqa: E402
import params  # noqa: E402


def _count(seconds, rate):
    return int(math.floor(seconds * rate + 0.5))


def window(x, fs, start_s, seconds):
    """Samples [start, start + seconds) as Recording.read gives them; None where it leaves the signal."""
    start = _count(start_s, fs)
    n = _count(seconds, fs)
    if start < 0 or start + n > len(x):
        return None
    return x[start:start + n]


def stft_db(samples, fs):
    """[frames][bins] decibels (float32), through the spectrogram service's reference."""
    _, _, values = spectrogram.stft(samples, fs, params.STFT)
    return values.astype(np.float32)


def template_range(i, n):
    """[lo, hi) of the TEMPLATE_BEATS beats around beat i of n (shifted to stay inside the record)."""
    lo = min(max(0, i - params.TEMPLATE_BEATS // 2), max(0, n - params.TEMPLATE_BEATS))
    return lo, min(n, lo + params.TEMPLATE_BEATS)


def beat_templates(values):
    """The record's usual beat for each of its beats' fixed-shape inputs [n][...] (spectrograms
    [n][frames][bins] or waveforms [n][samples]; time order, beats whose window left the signal not
    among them): the per-value median of the TEMPLATE_BEATS inputs around it. A beat's difference from
    it is patient-relative morphology: V and S beats stand out against the patient's own normal beats
    whatever the lead placement."""
    out = np.empty_like(values)
    for i in range(len(values)):
        lo, hi = template_range(i, len(values))
        out[i] = np.median(values[lo:hi], axis=0)
    return out


def beat_waveform(beat_window, fs):
    """The beat's ECG [params.WAVE_SAMPLES] from its R-peak-centred BEAT_WINDOW_S window (the spectrogram's):
    resampled to 128 Hz as the spectrogram service does (the whole window, so the filter's ends stay
    outside the cut), samples [R - WAVE_BEFORE_S, R + WAVE_AFTER_S), least-squares line removed
    (baseline wander over under a second is close to a ramp; the per-beat scale is the graph's)."""
    x = spectrogram.resample(beat_window, fs, params.RATE_HZ)
    r = _count(params.BEAT_WINDOW_S / 2, params.RATE_HZ)
    cut = x[r - _count(params.WAVE_BEFORE_S, params.RATE_HZ):r + _count(params.WAVE_AFTER_S, params.RATE_HZ)]
    t = np.arange(len(cut)) - (len(cut) - 1) / 2
    slope = np.dot(t, cut - cut.mean()) / np.dot(t, t)
    return (cut - cut.mean() - slope * t).astype(np.float32)


def beat_rr(times, i):
    """RR features of beat i, times in seconds: pre, post, local, long, pre/local, post/pre, pre/long."""
    n = len(times)
    pre = times[i] - times[i - 1] if i > 0 else (times[1] - times[0] if n > 1 else 1.0)
    post = times[i + 1] - times[i] if i + 1 < n else pre
    lo, hi = max(1, i - params.LOCAL_RR_BEATS // 2), min(n - 1, i + params.LOCAL_RR_BEATS // 2)
    local = (times[hi] - times[lo - 1]) / (hi - lo + 1) if hi >= lo else pre
    a = int(np.searchsorted(times, times[i] - params.LONG_RR_S, side="left"))
    b = int(np.searchsorted(times, times[i] + params.LONG_RR_S, side="right")) - 1
    long = (times[b] - times[a]) / (b - a) if b > a else local
    return np.array([pre, post, local, long, pre / local, post / pre, pre / long], dtype=np.float32)


# A measured variant (variants_cv.py --rate-baseline), not an input of the shipped beat model, so not in
# params.py's contract and not in io.ictal.ecg (README, "S beats: what was tried").
RATE_BASELINE_BLOCK_S = 60.0  # per-minute median RR (minutes from the record's start) ...
RATE_BASELINE_BLOCKS = 20     # ... the largest of the beat's minute and the 19 before it
RATE_BASELINE_MIN_RR = 20     # a minute counts with at least 20 intervals (not asystole, lead off)


def rate_baseline(times):
    """The patient's baseline RR for every beat (seconds): the largest of the per-minute median RR
    intervals (the interval counted in the minute its later beat lies in; minutes from the record's
    start) of the beat's minute and the 19 before it, minutes with under 20 intervals left out; nan
    where none counts. Causal up to the end of the beat's minute (within the 150 s a beat already
    waits), robust to ectopic beats, and a sustained tachycardia run of any length under 20 minutes
    stays fast against it (a +-150 s mean or a median over beats does not: inside a run the run is
    the usual rhythm)."""
    n = len(times)
    out = np.full(n, np.nan)
    if n < 2:
        return out
    rr = np.diff(times)
    block_of_rr = np.floor(times[1:] / RATE_BASELINE_BLOCK_S).astype(np.int64)
    blocks = int(np.floor(times[-1] / RATE_BASELINE_BLOCK_S)) + 1
    medians = np.full(blocks, np.nan)
    for b in np.unique(block_of_rr):
        values = rr[block_of_rr == b]
        if len(values) >= RATE_BASELINE_MIN_RR:
            medians[b] = np.median(values)
    block_of_beat = np.floor(times / RATE_BASELINE_BLOCK_S).astype(np.int64)
    for i in range(n):
        j = block_of_beat[i]
        span = medians[max(0, j - RATE_BASELINE_BLOCKS + 1):j + 1]
        if np.any(~np.isnan(span)):
            out[i] = np.nanmax(span)
    return out


def beat_rate(times, i, baseline):
    """The 2 rate features of beat i: pre and local RR (as beat_rr) over the baseline RR (rate_baseline's
    value for the beat; 1 where it has none)."""
    rr = beat_rr(times, i)
    if not np.isfinite(baseline) or baseline <= 0:
        return np.ones(2, dtype=np.float32)
    return np.array([rr[0] / baseline, rr[2] / baseline], dtype=np.float32)


def rhythm_rr(times, start_s, seconds):
    """RR features of the beats in [start, start + seconds): mean RR, CV, RMSSD/mean,
    fraction of |dRR| > 50 ms, median |dRR|/mean, beats per second."""
    t = times[(times >= start_s) & (times < start_s + seconds)]
    out = np.zeros(params.RHYTHM_FEATURES, dtype=np.float32)
    out[5] = len(t) / seconds
    if len(t) < 3:
        return out
    rr = np.diff(t)
    mean = rr.mean()
    d = np.diff(rr)
    out[0] = mean
    out[1] = rr.std() / mean
    out[2] = math.sqrt((d * d).mean()) / mean
    out[3] = (np.abs(d) > 0.05).mean()
    out[4] = np.median(np.abs(d)) / mean
    return out
