#!/usr/bin/python3
"""Writes the benchmark's signal set: CHANNELS x SECONDS at RATE Hz, raw little-endian float32,
channel after channel. EEG-like: a few rhythms, 1/f-ish drift and white noise, a seed per channel.

    /usr/bin/python3 generate.py <file> [channels=21] [hours=24] [rate=256]
"""

import sys

import numpy as np


def main():
    path = sys.argv[1]
    channels = int(sys.argv[2]) if len(sys.argv) > 2 else 21
    seconds = int(float(sys.argv[3]) * 3600) if len(sys.argv) > 3 else 24 * 3600
    rate = int(sys.argv[4]) if len(sys.argv) > 4 else 256
    chunk = 3600 * rate
    with open(path, "wb") as out:
        for c in range(channels):
            rng = np.random.default_rng(c)
            for start in range(0, seconds * rate, chunk):
                n = min(chunk, seconds * rate - start)
                t = (start + np.arange(n)) / rate
                x = (30 * np.sin(2 * np.pi * (8 + c % 5) * t) + 10 * np.sin(2 * np.pi * 21.5 * t + c)
                     + 15 * rng.standard_normal(n) + 40 * np.sin(2 * np.pi * 0.05 * t))
                out.write(x.astype("<f4").tobytes())
    print("wrote", path)


if __name__ == "__main__":
    main()
