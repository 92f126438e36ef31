#!/usr/bin/python3
"""Writes the EEG signals of an EDF(+) file as raw little-endian float32 in physical units, channel
after channel: the input format of benchmarks/spectrogram (bench_scipy.py, SpectrogramBenchmark), so
the spectrogram peers run on the same W24 recording as every other benchmark. Needs python3-numpy.

    /usr/bin/python3 edf_to_f32.py IN.edf OUT.f32     # prints the number of channels written
"""
import sys

import numpy as np


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, "rb") as f:
        fixed = f.read(256)
        header_bytes, records, count = int(fixed[184:192]), int(fixed[236:244]), int(fixed[252:256])
        rest = f.read(count * 256)
    field = lambda offset, width: [rest[offset + i * width: offset + (i + 1) * width].decode("ascii").strip()
                                   for i in range(count)]
    offset = 0
    columns = {}
    for name, width in (("label", 16), ("transducer", 80), ("unit", 8), ("pmin", 8), ("pmax", 8), ("dmin", 8),
                        ("dmax", 8), ("filter", 80), ("samples", 8), ("reserved", 32)):
        columns[name] = field(offset, width)
        offset += width * count
    samples = [int(s) for s in columns["samples"]]
    data = np.memmap(source, dtype="<i2", mode="r", offset=header_bytes,
                     shape=(records, sum(samples)))
    eeg = [i for i, label in enumerate(columns["label"]) if label.startswith("EEG")]
    starts = np.cumsum([0] + samples)
    with open(target, "wb") as out:
        for i in eeg:
            pmin, pmax = float(columns["pmin"][i]), float(columns["pmax"][i])
            dmin, dmax = float(columns["dmin"][i]), float(columns["dmax"][i])
            gain = (pmax - pmin) / (dmax - dmin)
            digital = data[:, starts[i]:starts[i + 1]].reshape(-1)
            out.write(((digital.astype(np.float64) - dmin) * gain + pmin).astype("<f4").tobytes())
    print(len(eeg))


if __name__ == "__main__":
    main()
