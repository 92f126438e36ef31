"""A small WFDB reader: headers, signal formats 212 and 16 (with a byte offset, as CinC's
MATLAB-wrapped "16+24"), and MIT annotation files (.atr). Enough for MIT-BIH, SVDB and CinC 2017;
the Java test reader (io.ictal.ecg test sources) implements the same rules.

Errors name the file, the field and what was expected.
"""
import os
import re

import numpy as np

# MIT annotation codes (wfdb ecgcodes.h) that are beats, and their AAMI class (Q beats excluded).
CODE_SYMBOL = {1: "N", 2: "L", 3: "R", 4: "a", 5: "V", 6: "F", 7: "J", 8: "A", 9: "S", 10: "E", 11: "j",
               12: "/", 13: "Q", 14: "~", 16: "|", 18: "s", 19: "T", 20: "*", 21: "D", 22: '"', 23: "=",
               24: "p", 25: "B", 26: "^", 27: "t", 28: "+", 29: "u", 30: "?", 31: "!", 32: "[", 33: "]",
               34: "e", 35: "n", 36: "@", 37: "x", 38: "f", 39: "(", 40: ")", 41: "r"}
BEAT_SYMBOLS = set("NLRBaJASVrFejnE/fQ?")
AAMI = {**{s: "N" for s in "NLRej"}, **{s: "S" for s in "aJAS"}, **{s: "V" for s in "VE"}, "F": "F",
        **{s: "Q" for s in "/fQ"}}

SKIP, NUM, SUB, CHN, AUX = 59, 60, 61, 62, 63


class WfdbError(ValueError):
    pass


def read_header(path):
    """Returns dict(name, nsig, fs, nsamp, signals=[dict(file, format, offset, gain, baseline, adc_zero, units, description)])."""
    with open(path, encoding="ascii", errors="replace") as f:
        lines = [ln.strip() for ln in f if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise WfdbError(f"{path}: record line: expected 'name nsig fs nsamp', file is empty")
    rec = lines[0].split()
    try:
        name, nsig = rec[0], int(rec[1])
        fs = float(rec[2].split("/")[0]) if len(rec) > 2 else 250.0
        nsamp = int(rec[3]) if len(rec) > 3 else 0
    except (IndexError, ValueError) as e:
        raise WfdbError(f"{path}: record line '{lines[0]}': expected 'name nsig fs nsamp' ({e})") from None
    signals = []
    for i in range(nsig):
        if 1 + i >= len(lines):
            raise WfdbError(f"{path}: signal line {i + 1}: missing, header declares {nsig} signals")
        parts = lines[1 + i].split()
        m = re.fullmatch(r"(\d+)(?:x\d+)?(?::\d+)?(?:\+(\d+))?", parts[1])
        if not m:
            raise WfdbError(f"{path}: signal {i + 1} field 'format': expected e.g. 212, 16 or 16+24, was '{parts[1]}'")
        gm = re.fullmatch(r"([-+0-9.eE]+)(?:\(([-0-9]+)\))?(?:/(\S+))?", parts[2]) if len(parts) > 2 else None
        gain = float(gm.group(1)) if gm else 200.0
        if gain == 0:
            gain = 200.0
        adc_zero = int(parts[4]) if len(parts) > 4 else 0
        baseline = int(gm.group(2)) if gm and gm.group(2) else adc_zero
        signals.append({"file": parts[0], "format": int(m.group(1)), "offset": int(m.group(2) or 0), "gain": gain,
                        "baseline": baseline, "units": (gm.group(3) if gm and gm.group(3) else "mV"),
                        "description": " ".join(parts[8:]) if len(parts) > 8 else ""})
    return {"name": name, "nsig": nsig, "fs": fs, "nsamp": nsamp, "signals": signals}


def _decode(raw, fmt, nsig, path):
    if fmt == 16:
        return np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2").astype(np.int32).reshape(-1, nsig)
    if fmt == 212:
        b = np.frombuffer(raw[: len(raw) // 3 * 3], dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        s0 = b[:, 0] | ((b[:, 1] & 0x0F) << 8)
        s1 = b[:, 2] | ((b[:, 1] & 0xF0) << 4)
        flat = np.stack([s0, s1], axis=1).reshape(-1)
        flat = np.where(flat > 2047, flat - 4096, flat)
        return flat[: len(flat) // nsig * nsig].reshape(-1, nsig)
    raise WfdbError(f"{path}: field 'format': expected 212 or 16, was {fmt}")


def read_record(base):
    """base without extension -> (physical samples float64 [n, nsig], header). All signals share one file."""
    header = read_header(base + ".hea")
    sig0 = header["signals"][0]
    path = os.path.join(os.path.dirname(base), sig0["file"])
    with open(path, "rb") as f:
        raw = f.read()[sig0["offset"]:]
    digital = _decode(raw, sig0["format"], header["nsig"], path)
    if header["nsamp"]:
        if digital.shape[0] < header["nsamp"]:
            raise WfdbError(f"{path}: expected {header['nsamp']} samples per signal, file holds {digital.shape[0]}")
        digital = digital[: header["nsamp"]]
    gains = np.array([s["gain"] for s in header["signals"]])
    baselines = np.array([s["baseline"] for s in header["signals"]])
    return (digital - baselines) / gains, header


def read_annotations(path):
    """MIT format annotation file -> (sample positions int64, symbols list, aux strings list)."""
    with open(path, "rb") as f:
        data = f.read()
    samples, symbols, auxes = [], [], []
    t, i = 0, 0
    while i + 1 < len(data):
        word = data[i] | (data[i + 1] << 8)
        code, value = word >> 10, word & 0x3FF
        i += 2
        if code == 0 and value == 0:
            break
        if code == SKIP:
            if i + 4 > len(data):
                raise WfdbError(f"{path}: byte {i}: SKIP needs a 4-byte interval, file ends")
            hi = data[i] | (data[i + 1] << 8)
            lo = data[i + 2] | (data[i + 3] << 8)
            interval = (hi << 16) | lo
            if interval >= 1 << 31:
                interval -= 1 << 32
            t += interval
            i += 4
        elif code == AUX:
            text = data[i:i + value].split(b"\0")[0].decode("ascii", "replace")
            if auxes:
                auxes[-1] = text
            i += value + (value & 1)
        elif code in (NUM, SUB, CHN):
            pass
        else:
            t += value
            samples.append(t)
            symbols.append(CODE_SYMBOL.get(code, "?"))
            auxes.append("")
    return np.asarray(samples, dtype=np.int64), symbols, auxes


def read_cinc(base):
    """A CinC 2017 record: header + MATLAB v4 .mat whose data is format 16 after a 24-byte prefix."""
    header = read_header(base + ".hea")
    x, _ = read_record(base)
    return x[:, 0], header["fs"]
