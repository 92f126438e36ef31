#!/usr/bin/python3
"""One benchmark process: scipy.signal.spectrogram of every channel of the raw float32 file, as
SpectrogramBenchmark does in Java. Loading a channel is not timed; the spectrogram is.

    /usr/bin/python3 bench_scipy.py <file> <channels> <rate>
"""

import sys
import time

import numpy as np
from scipy import signal


def main():
    path, channels, rate = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    data = np.memmap(path, dtype="<f4", mode="r")
    per_channel = data.size // channels
    n = int(round(2 * rate))
    compute = 0.0
    checksum = 0.0
    for c in range(channels):
        x = np.array(data[c * per_channel:(c + 1) * per_channel])
        start = time.perf_counter()
        _, _, sxx = signal.spectrogram(x, fs=rate, window="hann", nperseg=n, noverlap=n // 2,
                                       detrend="constant", scaling="density", mode="psd")
        compute += time.perf_counter() - start
        if c == 0:
            checksum = float(np.sum(sxx, dtype=np.float64))
    print("scipy compute_s=%.3f checksum=%.9e" % (compute, checksum))


if __name__ == "__main__":
    main()
