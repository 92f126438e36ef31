#!/usr/bin/python3
"""Writes io.ictal.detector's test fixtures: signals and the images the Python reference makes of them
with the detector's parameters (params.IMAGE, the card's), for the Java/Python agreement test; and a short
three-channel recording with the level reference training computes for it (data.level_reference).

    /usr/bin/python3 training/detector/make_fixtures.py bundles/io.ictal.detector/src/test/resources/fixtures
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, ".."))
from ictal_training import spectrogram  # noqa: E402

import data  # noqa: E402
import params  # noqa: E402


def signal(rate, seconds, seed):
    rng = np.random.default_rng(seed)
    t = np.arange(int(round(seconds * rate))) / rate
    x = 60 * np.sin(2 * np.pi * (4 + 0.5 * t) * t) + 25 * np.sin(2 * np.pi * 10 * t) + 15 * rng.standard_normal(len(t))
    return x.astype(np.float32)


def main(out):
    os.makedirs(out, exist_ok=True)
    cases = []
    for rate, seed in ((256, 1), (200, 2), (512, 3)):
        x = signal(rate, params.WINDOW_SECONDS, seed)
        rgb = spectrogram.image(x.astype(np.float64), rate, params.IMAGE)
        cases.append({"rateHz": rate, "samples": [float(v) for v in x],
                      "image": {"shape": list(rgb.shape), "data": [float(v) for v in rgb.reshape(-1)]}})
    with open(os.path.join(out, "spectrogram-agreement.json"), "w") as f:
        json.dump({"parameters": params.IMAGE, "cases": cases}, f)
    print("wrote", os.path.join(out, "spectrogram-agreement.json"))
    # 20 s at the training rate (9 windows, the last ending with the signal), channels 0, 12 and 26 dB apart.
    channels = [gain * signal(params.RATE_HZ, 20.0, seed) for gain, seed in ((1, 4), (4, 5), (20, 6))]
    grids = np.stack([data.decibels(x[s:s + data.WINDOW]) for x in channels for s in data.window_starts(len(x))])
    with open(os.path.join(out, "level-reference.json"), "w") as f:
        json.dump({"method": params.LEVEL_REFERENCE, "rateHz": params.RATE_HZ,
                   "channels": [[float(v) for v in x] for x in channels],
                   "windowStarts": data.window_starts(len(channels[0])),
                   "medianDecibels": [float(np.median(g)) for g in grids],
                   "referenceDb": data.level_reference(grids)}, f)
    print("wrote", os.path.join(out, "level-reference.json"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else
         os.path.join(HERE, "..", "..", "bundles", "io.ictal.detector", "src", "test", "resources", "fixtures"))
