"""A minimal EDF+ reader for the simulator's output (16-bit, continuous), enough for training."""
import numpy as np


def read(path):
    """Returns (labels, rate_hz, data[signal][sample] in physical units) of the data signals."""
    with open(path, "rb") as f:
        raw = f.read()
    header_bytes = int(raw[184:192])
    records = int(raw[236:244])
    duration = float(raw[244:252])
    n = int(raw[252:256])
    def field(offset, width):
        return [raw[offset + i * width: offset + (i + 1) * width].decode("ascii").strip() for i in range(n)]
    off = 256
    labels = field(off, 16); off += 16 * n
    off += 80 * n  # transducer
    off += 8 * n   # dimension
    pmin = np.array(field(off, 8), dtype=float); off += 8 * n
    pmax = np.array(field(off, 8), dtype=float); off += 8 * n
    dmin = np.array(field(off, 8), dtype=float); off += 8 * n
    dmax = np.array(field(off, 8), dtype=float); off += 8 * n
    off += 80 * n  # prefiltering
    spr = np.array(field(off, 8), dtype=int)
    record_samples = int(spr.sum())
    body = np.frombuffer(raw, dtype="<i2", offset=header_bytes, count=records * record_samples)
    body = body.reshape(records, record_samples)
    out, names = [], []
    start = 0
    for i in range(n):
        if labels[i] != "EDF Annotations":
            gain = (pmax[i] - pmin[i]) / (dmax[i] - dmin[i])
            offset = pmax[i] - gain * dmax[i]
            out.append(body[:, start:start + spr[i]].reshape(-1).astype(np.float64) * gain + offset)
            names.append(labels[i])
        start += spr[i]
    return names, spr[0] / duration, np.stack(out)
