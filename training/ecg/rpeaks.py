"""R-peak detector after Pan & Tompkins (1985), kept step for step identical to the Java one
(io.ictal.ecg.internal.RPeakDetector): moving-average band-pass (~8-40 Hz), derivative, squaring,
0.15 s moving-window integration, local maxima at least 0.2 s apart, adaptive signal/noise levels
with a 0.25 threshold and search-back at 1.66 x the mean RR.
"""
import math

import numpy as np

LOWPASS_S, HIGHPASS_S, INTEGRATE_S = 0.025, 0.125, 0.15
REFRACTORY_S, LOCATE_S, LEARN_S = 0.2, 0.1, 2.0


def _odd(seconds, fs):
    n = int(math.floor(seconds * fs + 0.5))
    return n + 1 if n % 2 == 0 else n


def moving_average(x, n):
    """Centred mean over n (odd) samples; near the ends the mean of the samples that exist."""
    h = n // 2
    c = np.concatenate([[0.0], np.cumsum(x, dtype=np.float64)])
    idx = np.arange(len(x))
    lo = np.maximum(idx - h, 0)
    hi = np.minimum(idx + h + 1, len(x))
    return (c[hi] - c[lo]) / (hi - lo)


def band_pass(x, fs):
    lp = moving_average(np.asarray(x, dtype=np.float64), _odd(LOWPASS_S, fs))
    return lp - moving_average(lp, _odd(HIGHPASS_S, fs))


def energy(bp, fs):
    d = np.zeros_like(bp)
    d[1:-1] = (bp[2:] - bp[:-2]) * (fs / 2)
    return moving_average(d * d, _odd(INTEGRATE_S, fs))


def _candidates(e, radius):
    n = len(e)
    out = []
    for i in range(n):
        if i > 0 and not e[i] > e[i - 1]:
            continue
        lo, hi = max(0, i - radius), min(n, i + radius + 1)
        if e[i] >= e[lo:hi].max():
            out.append(i)
    return out


def _candidates_fast(e, radius):
    from scipy.ndimage import maximum_filter1d
    m = maximum_filter1d(e, 2 * radius + 1, mode="nearest")
    rising = np.concatenate([[True], e[1:] > e[:-1]])
    return list(np.nonzero((e >= m) & rising)[0])


def detect(x, fs):
    """Sample indices of R peaks in x (one lead, physical units, any rate >= 100 Hz)."""
    x = np.asarray(x, dtype=np.float64)
    if len(x) < _odd(LEARN_S, fs):
        return np.zeros(0, dtype=np.int64)
    bp = band_pass(x, fs)
    e = energy(bp, fs)
    learn = e[: int(math.floor(LEARN_S * fs + 0.5))]
    spk, npk = learn.max() / 3, learn.mean() / 2
    accepted = []
    rejected = []  # candidates since the last accepted peak: (index, energy)
    rr = []
    for c in _candidates_fast(e, int(math.floor(REFRACTORY_S * fs + 0.5))):
        threshold = npk + 0.25 * (spk - npk)
        if e[c] > threshold:
            if accepted and rr:
                mean_rr = sum(rr[-8:]) / len(rr[-8:])
                if c - accepted[-1] > 1.66 * mean_rr:
                    best = None
                    for j, ej in rejected:
                        if ej > threshold / 2 and (best is None or ej > best[1]):
                            best = (j, ej)
                    if best is not None:
                        spk = 0.25 * best[1] + 0.75 * spk
                        rr.append(best[0] - accepted[-1])
                        accepted.append(best[0])
            spk = 0.125 * e[c] + 0.875 * spk
            if accepted:
                rr.append(c - accepted[-1])
            accepted.append(c)
            rejected = []
        else:
            npk = 0.125 * e[c] + 0.875 * npk
            rejected.append((c, e[c]))
    radius = int(math.floor(LOCATE_S * fs + 0.5))
    peaks = []
    for c in accepted:
        lo, hi = max(0, c - radius), min(len(bp), c + radius + 1)
        p = lo + int(np.argmax(np.abs(bp[lo:hi])))
        if not peaks or p - peaks[-1] >= radius:
            peaks.append(p)
    return np.asarray(peaks, dtype=np.int64)


def match(detected, reference, tolerance):
    """(true positives, false positives, false negatives) with one-to-one matching within tolerance samples."""
    detected, reference = np.sort(detected), np.sort(reference)
    i = j = tp = 0
    while i < len(detected) and j < len(reference):
        d = detected[i] - reference[j]
        if abs(d) <= tolerance:
            tp += 1
            i += 1
            j += 1
        elif d < 0:
            i += 1
        else:
            j += 1
    return tp, len(detected) - tp, len(reference) - tp
