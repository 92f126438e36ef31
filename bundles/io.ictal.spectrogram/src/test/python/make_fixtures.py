#!/usr/bin/python3
"""Writes the reference fixtures of io.ictal.spectrogram's tests with training/ictal_training/spectrogram.py
(numpy + scipy, Debian python3-scipy python3-pil). Run from the repository root:

    /usr/bin/python3 bundles/io.ictal.spectrogram/src/test/python/make_fixtures.py

Each JSON fixture holds the signal (float32 values), the parameters as the Java records' JSON and the
expected output; chirp.png is the golden image of a generated chirp.
"""

import json
import os
import sys

import numpy as np
from PIL import Image

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "training"))
from ictal_training import spectrogram as ref  # noqa: E402

OUT = os.path.join(ROOT, "bundles", "io.ictal.spectrogram", "src", "test", "resources", "fixtures")


def test_signal(seconds, rate, seed):
    """Noise, two sines and a slow drift: every bin has power, detrending has something to remove."""
    t = np.arange(int(seconds * rate)) / rate
    noise = np.random.default_rng(seed).standard_normal(t.size)
    x = 20 * np.sin(2 * np.pi * 10 * t) + 5 * np.sin(2 * np.pi * 47.3 * t + 0.4) + 3 * noise + 4 * t
    return x.astype(np.float32)


def chirp(seconds, rate):
    """Sweeps 1 Hz to 60 Hz linearly, plus a little noise so the dB range is bounded."""
    t = np.arange(int(seconds * rate)) / rate
    phase = 2 * np.pi * (1 * t + (60 - 1) / (2 * seconds) * t * t)
    noise = np.random.default_rng(7).standard_normal(t.size)
    return (50 * np.sin(phase) + 0.5 * noise).astype(np.float32)


def numbers(a):
    """10 significant digits: exact for float32 samples, far below the tests' 1e-4 tolerance for outputs."""
    return [float("%.10g" % v) for v in np.asarray(a, dtype=np.float64).ravel()]


def write(name, **content):
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(content, f, separators=(",", ":"), allow_nan=False)
    print("wrote", path, os.path.getsize(path), "bytes")


def stft_fixture(name, description, x, rate, p):
    frequencies, times, values = ref.stft(x, rate, p)
    write(name, description=description, rateHz=rate, parameters=p, samples=numbers(x),
          frequencies=numbers(frequencies), times=numbers(times), frames=int(values.shape[0]),
          values=numbers(values))


def main():
    os.makedirs(OUT, exist_ok=True)
    stft_fixture("stft-hann-density.json", "Hann 2 s / 0.5 s, 12 s at 256 Hz, constant detrend, density, full band",
                 test_signal(12, 256, 1), 256,
                 dict(windowSeconds=2, hopSeconds=0.5, taper="HANN", detrend="CONSTANT", scale="DENSITY",
                      minHz=0, maxHz=128, resampleToHz=0))
    stft_fixture("stft-hamming-linear-odd-band.json", "Hamming, odd 255-sample window, linear detrend, 1-40 Hz",
                 test_signal(8, 200, 2), 200,
                 dict(windowSeconds=1.275, hopSeconds=0.3, taper="HAMMING", detrend="LINEAR", scale="DENSITY",
                      minHz=1, maxHz=40, resampleToHz=0))
    stft_fixture("stft-resampled-log10.json", "256 Hz resampled to 200 Hz (polyphase 25/32), log10, 0.5-45 Hz",
                 test_signal(12, 256, 3), 256,
                 dict(windowSeconds=2, hopSeconds=1, taper="HANN", detrend="NONE", scale="LOG10",
                      minHz=0.5, maxHz=45, resampleToHz=200))
    stft_fixture("stft-dpss-decibel.json", "DPSS multitaper (NW 3, 5 tapers), 1 s / 0.5 s at 200 Hz, constant "
                 "detrend, dB, 0.5-45 Hz", test_signal(8, 200, 6), 200,
                 dict(windowSeconds=1, hopSeconds=0.5, taper="DPSS", detrend="CONSTANT", scale="DECIBEL",
                      minHz=0.5, maxHz=45, resampleToHz=0))
    write("dpss-tapers.json", description="scipy.signal.windows.dpss(n, 3, 5) for an even and an odd length",
          tapers={str(n): [numbers(w) for w in ref.tapers("DPSS", n)] for n in (64, 255)})
    x = test_signal(2, 360, 5)
    write("resample-360-to-128.json", description="MIT-BIH's 360 Hz to the ECG models' 128 Hz (polyphase 16/45)",
          rateHz=360, toHz=128, samples=numbers(x), values=numbers(ref.resample(x, 360, 128)))

    layers = [dict(windowSeconds=w, maxHz=h) for w, h in [(1, 12), (2, 24), (4, 48), (8, 64), (16, 96)]]
    multi = dict(layers=layers, minHz=1, hopSeconds=1, bins=16, taper="HANN", detrend="CONSTANT", resampleToHz=0)
    x = test_signal(24, 256, 4)
    stack = ref.multi_spectral(x, 256, multi)
    write("multispectral-seizurenet.json", description="SeizureNet stack, 24 s at 256 Hz, hop 1 s, 16 bins",
          rateHz=256, parameters=multi, samples=numbers(x), shape=list(stack.shape), values=numbers(stack))
    multi_resampled = dict(multi, resampleToHz=128)
    stack = ref.multi_spectral(x, 256, multi_resampled)
    write("multispectral-resampled.json", description="SeizureNet stack at 128 Hz: the 96 Hz band capped at 64 Hz",
          rateHz=256, parameters=multi_resampled, samples=numbers(x), shape=list(stack.shape),
          values=numbers(stack))
    multi_dpss = dict(multi, taper="DPSS")
    stack = ref.multi_spectral(x, 256, multi_dpss)
    write("multispectral-dpss.json", description="SeizureNet stack with DPSS multitaper (root mean power of 5 tapers)",
          rateHz=256, parameters=multi_dpss, samples=numbers(x), shape=list(stack.shape), values=numbers(stack))

    image = dict(stft=dict(windowSeconds=1, hopSeconds=0.25, taper="HANN", detrend="CONSTANT", scale="DECIBEL",
                           minHz=0.5, maxHz=60, resampleToHz=0),
                 imageSeconds=10, height=32, width=48, range="FIXED", minDb=-30, maxDb=20, colourMap="VIRIDIS")
    x = test_signal(10, 256, 5)
    rgb = ref.image(x, 256, image)
    write("image-viridis-fixed.json", description="Barry-style image, 10 s at 256 Hz, fixed -30..20 dB, viridis",
          rateHz=256, parameters=image, samples=numbers(x), shape=list(rgb.shape), values=numbers(rgb))

    chirp_image = dict(stft=dict(windowSeconds=1, hopSeconds=0.125, taper="HANN", detrend="CONSTANT",
                                 scale="DECIBEL", minHz=0, maxHz=64, resampleToHz=0),
                       imageSeconds=30, height=96, width=128, range="PER_IMAGE", minDb=-1, maxDb=0, colourMap="JET")
    with open(os.path.join(OUT, "chirp-image.json"), "w") as f:
        json.dump(dict(description="chirp 1->60 Hz over 30 s at 256 Hz (chirp() in make_fixtures.py), jet,"
                       " per-image range; golden pixels in chirp.png", rateHz=256, parameters=chirp_image,
                       samples=numbers(chirp(30, 256))), f, separators=(",", ":"))
    Image.fromarray(ref.png_levels(ref.image(chirp(30, 256), 256, chirp_image)), "RGB").save(
        os.path.join(OUT, "chirp.png"))
    print("wrote chirp.png")


if __name__ == "__main__":
    main()
