"""Reference of io.ictal.spectrogram's pipeline in numpy/scipy (Debian python3-scipy).

Training builds model inputs with these functions and the Java SpectrogramService builds them at
inference; both take the same parameters (the JSON of the records in io.ictal.api.spectrogram, as a
model card holds them), and the Java tests check that both produce the same tensors. Keep the two in
step: any change here is a change of io.ictal.spectrogram too.

Parameters are dicts with the Java records' field names, e.g. StftParameters:
    {"windowSeconds": 2, "hopSeconds": 1, "taper": "HANN", "detrend": "CONSTANT",
     "scale": "DENSITY", "minHz": 0, "maxHz": float("inf"), "resampleToHz": 0}
"""

import math

import numpy as np
from scipy import signal as sps

LOG_FLOOR = 1e-20  # SpectrumScale.LOG_FLOOR
RATE_RESOLUTION = 1000  # rates are rationalised to a millihertz before resampling

_TAPERS = {"HANN": "hann", "HAMMING": "hamming", "RECTANGULAR": "boxcar"}
DPSS_NW, DPSS_TAPERS = 3, 5  # Taper.DPSS_NW, Taper.DPSS_TAPERS
_DETRENDS = {"NONE": False, "CONSTANT": "constant", "LINEAR": "linear"}


def tapers(name, n):
    """[k][n] windows of a Taper: one periodic window, or the DPSS tapers (symmetric, unit energy)."""
    if name == "DPSS":
        return sps.windows.dpss(n, DPSS_NW, DPSS_TAPERS)
    return sps.get_window(_TAPERS[name], n)[np.newaxis, :]


def _count(seconds, rate):
    """A duration in whole samples, rounded as Java's Math.round (half up)."""
    return int(math.floor(seconds * rate + 0.5))


def resample(x, rate, target):
    """scipy.signal.resample_poly by the rational factor target/rate (to a millihertz)."""
    up = int(round(target * RATE_RESOLUTION))
    down = int(round(rate * RATE_RESOLUTION))
    g = math.gcd(up, down)
    up, down = up // g, down // g
    if up == down:
        return np.asarray(x, dtype=np.float64)
    return sps.resample_poly(np.asarray(x, dtype=np.float64), up, down)


def _prepare(x, rate, resample_to):
    x = np.asarray(x, dtype=np.float64)
    if not np.all(np.isfinite(x)):
        raise ValueError("samples must all be finite")
    if resample_to > 0:
        return resample(x, rate, resample_to), float(resample_to)
    return x, float(rate)


def _scaled(density, scale):
    if scale == "DENSITY":
        return density
    if scale == "LOG10":
        return np.log10(np.maximum(density, LOG_FLOOR))
    if scale == "DECIBEL":
        return 10 * np.log10(np.maximum(density, LOG_FLOOR))
    raise ValueError("unknown scale " + scale)


def stft(x, rate, p):
    """SpectrogramService.stft: returns (frequencies, frame centre times, values[frame][bin])."""
    x, rate = _prepare(x, rate, p.get("resampleToHz", 0))
    n = _count(p["windowSeconds"], rate)
    step = _count(p["hopSeconds"], rate)
    per_taper = []  # multitaper: the densities of each taper, averaged
    for window in tapers(p["taper"], n):
        f, t, sxx = sps.spectrogram(x, fs=rate, window=window, nperseg=n, noverlap=n - step,
                                    detrend=_DETRENDS[p["detrend"]], scaling="density", mode="psd")
        if step > n:  # scipy refuses a negative overlap; frames then simply skip samples
            frames = (len(x) - n) // step + 1
            sxx = np.stack([sps.periodogram(x[k * step:k * step + n], fs=rate, window=window,
                                            detrend=_DETRENDS[p["detrend"]], scaling="density")[1]
                            for k in range(frames)], axis=1)
            t = (n / 2 + step * np.arange(frames)) / rate
        per_taper.append(sxx)
    sxx = np.mean(per_taper, axis=0)
    bin_hz = rate / n
    first = int(math.ceil(p["minHz"] / bin_hz - 1e-9))
    last = min(n // 2, int(math.floor(min(p["maxHz"], rate / 2) / bin_hz + 1e-9)))
    return f[first:last + 1], t, _scaled(sxx[first:last + 1, :].T, p["scale"])


def multi_spectral(x, rate, p):
    """SpectrogramService.multiSpectral: [layer][bin][frame] of log10 |FFT| on one grid."""
    x, rate = _prepare(x, rate, p.get("resampleToHz", 0))
    step = _count(p["hopSeconds"], rate)
    longest = _count(max(layer["windowSeconds"] for layer in p["layers"]), rate)
    frames = (len(x) - longest) // step + 1
    stack = np.empty((len(p["layers"]), p["bins"], frames))
    for index, layer in enumerate(p["layers"]):
        n = _count(layer["windowSeconds"], rate)
        windows = tapers(p["taper"], n)
        top = min(layer["maxHz"], rate / 2)
        grid = p["minHz"] + np.arange(p["bins"]) * (top - p["minHz"]) / (p["bins"] - 1)
        starts = np.arange(frames) * step + longest // 2 - n // 2
        segments = np.stack([x[s:s + n] for s in starts])
        if _DETRENDS[p["detrend"]]:
            segments = sps.detrend(segments, axis=-1, type=_DETRENDS[p["detrend"]])
        # multitaper: the root of the mean power over the tapers, as the Java transform's power(k)
        magnitude = np.sqrt(np.mean([np.abs(np.fft.rfft(segments * w, n=n, axis=-1)) ** 2 for w in windows], axis=0))
        log_magnitude = np.log10(np.maximum(magnitude, LOG_FLOOR))
        frequencies = np.arange(n // 2 + 1) * rate / n
        for k in range(frames):
            stack[index, :, k] = np.interp(grid, frequencies, log_magnitude[k])
    return stack


# Colour maps: piecewise linear between anchors, as io.ictal.spectrogram.internal.ColourMaps.
COLOUR_MAPS = {
    "GRAY": ([0, 1], [[0, 0, 0], [1, 1, 1]]),
    "JET": ([0, 0.125, 0.375, 0.625, 0.875, 1],
            [[0, 0, 0.5], [0, 0, 1], [0, 1, 1], [1, 1, 0], [1, 0, 0], [0.5, 0, 0]]),
    "VIRIDIS": ([0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1],
                [[0.267004, 0.004874, 0.329415], [0.282623, 0.140926, 0.457517],
                 [0.253935, 0.265254, 0.529983], [0.206756, 0.371758, 0.553117],
                 [0.163625, 0.471133, 0.558148], [0.127568, 0.566949, 0.550556],
                 [0.134692, 0.658636, 0.517649], [0.266941, 0.748751, 0.440573],
                 [0.993248, 0.906157, 0.143936]]),
}


def colour(values, colour_map):
    """values in [0, 1] -> [3, ...] RGB."""
    positions, anchors = COLOUR_MAPS[colour_map]
    anchors = np.asarray(anchors, dtype=np.float64)
    return np.stack([np.interp(values, positions, anchors[:, c]) for c in range(3)])


def image(x, rate, p):
    """SpectrogramService.image: [3][height][width] in [0, 1] (row 0 = highest frequency)."""
    s = p["stft"]
    if s["scale"] != "DECIBEL":
        raise ValueError("stft.scale must be DECIBEL for images")
    frequencies, _, decibels = stft(x, rate, s)
    image_rate = s["resampleToHz"] if s.get("resampleToHz", 0) > 0 else rate
    height, width = p["height"], p["width"]
    top = min(s["maxHz"], image_rate / 2)
    rows = top - np.arange(height) * (top - s["minHz"]) / (height - 1)
    by_frame = np.stack([np.interp(rows, frequencies, frame) for frame in decibels])  # [frames][height]
    frames = by_frame.shape[0]
    columns = np.arange(width) * (frames - 1.0) / (width - 1)
    grid = np.stack([np.interp(columns, np.arange(frames), by_frame[:, r]) for r in range(height)])
    if p["range"] == "PER_IMAGE":
        low, high = grid.min(), grid.max()
    else:
        low, high = p["minDb"], p["maxDb"]
    normalised = np.clip((grid - low) / (high - low), 0, 1) if high > low else np.zeros_like(grid)
    return colour(normalised, p["colourMap"])


def png_levels(rgb):
    """[3][H][W] in [0, 1] -> uint8 [H][W][3], rounded half up as the Java PNG encoder."""
    return np.floor(np.clip(np.asarray(rgb), 0, 1) * 255 + 0.5).astype(np.uint8).transpose(1, 2, 0)
