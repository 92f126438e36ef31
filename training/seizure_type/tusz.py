"""Reads a folder in the TUH seizure corpus (TUSZ v2) layout: EDF files, each with NAME.csv beside it
(per-channel rows `channel,start_time,stop_time,label,confidence` after `#` header lines; labels are
the lower-case seizure types or bckg) and optionally NAME.csv_bi (TERM rows, seiz/bckg). The patient is
the file name's first `_` field (TUSZ: aaaaaaac_s001_t000.edf), as the corpus names them."""
import os

import numpy as np

import config


class TuszError(Exception):
    pass


def recordings(root):
    """Every EDF under root that has a .csv beside it, sorted: [(patient, edf path, csv path)]."""
    out = []
    for folder, _, files in os.walk(root):
        for name in files:
            if name.lower().endswith(".edf"):
                stem = os.path.join(folder, name[:-4])
                if os.path.exists(stem + ".csv"):
                    out.append((name.split("_")[0], os.path.join(folder, name), stem + ".csv"))
    if not out:
        raise TuszError(f"{root}: no EDF file with a TUSZ .csv annotation beside it (NAME.edf + NAME.csv)")
    return sorted(out)


def events(csv_path):
    """Seizure events of one .csv: rows with the same type label that overlap in time (on any channel)
    are one event. Returns [(start, stop, label upper-case, [channels])], onset order; other labels skipped."""
    rows = []
    header_seen = False
    with open(csv_path) as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if not header_seen:
                if line.replace(" ", "") != "channel,start_time,stop_time,label,confidence":
                    raise TuszError(f"{csv_path}:{number}: expected the header row "
                                    f"'channel,start_time,stop_time,label,confidence', was '{line}'")
                header_seen = True
                continue
            parts = line.split(",")
            if len(parts) != 5:
                raise TuszError(f"{csv_path}:{number}: expected 5 fields channel,start_time,stop_time,label,"
                                f"confidence, was '{line}'")
            try:
                start, stop = float(parts[1]), float(parts[2])
            except ValueError:
                raise TuszError(f"{csv_path}:{number}: start_time/stop_time must be seconds, was '{line}'")
            label = parts[3].strip().upper()
            if label in config.TYPES:
                rows.append((start, stop, label, parts[0].strip()))
    rows.sort()
    merged = []
    for start, stop, label, channel in rows:
        for e in merged:
            if e[2] == label and start < e[1] and stop > e[0]:
                e[0], e[1] = min(e[0], start), max(e[1], stop)
                if channel not in e[3]:
                    e[3].append(channel)
                break
        else:
            merged.append([start, stop, label, [channel]])
    return [tuple(e) for e in sorted(merged)]


def read_eeg(path):
    """The EEG channels of an EDF (signals whose label names a 10-20 electrode), in physical units:
    (labels, [rates], [arrays]). Rates may differ; the features resample each to config.RATE_HZ."""
    with open(path, "rb") as f:
        raw = f.read()
    try:
        header_bytes = int(raw[184:192])
        records = int(raw[236:244])
        duration = float(raw[244:252])
        n = int(raw[252:256])
    except ValueError:
        raise TuszError(f"{path}: not an EDF file (header fields 'bytes', 'records', 'duration', 'signals')")

    def field(offset, width):
        return [raw[offset + i * width: offset + (i + 1) * width].decode("ascii", "replace").strip() for i in range(n)]
    off = 256
    labels = field(off, 16); off += 16 * n
    off += 80 * n + 8 * n
    pmin = np.array(field(off, 8), dtype=float); off += 8 * n
    pmax = np.array(field(off, 8), dtype=float); off += 8 * n
    dmin = np.array(field(off, 8), dtype=float); off += 8 * n
    dmax = np.array(field(off, 8), dtype=float); off += 8 * n
    off += 80 * n
    spr = np.array(field(off, 8), dtype=int)
    record_samples = int(spr.sum())
    available = (len(raw) - header_bytes) // (2 * record_samples)
    records = available if records < 0 else min(records, available)
    body = np.frombuffer(raw, dtype="<i2", offset=header_bytes, count=records * record_samples)
    body = body.reshape(records, record_samples)
    names, rates, data = [], [], []
    start = 0
    for i in range(n):
        if is_eeg(labels[i]):
            gain = (pmax[i] - pmin[i]) / (dmax[i] - dmin[i])
            data.append(body[:, start:start + spr[i]].reshape(-1).astype(np.float64) * gain + (pmax[i] - gain * dmax[i]))
            names.append(labels[i])
            rates.append(spr[i] / duration)
        start += spr[i]
    if not names:
        raise TuszError(f"{path}: no EEG channel (a label naming a 10-20 electrode, e.g. 'EEG FP1-REF'); labels {labels}")
    return names, rates, data


def is_eeg(label):
    """Whether a signal label names a 10-20 electrode: 'EEG FP1-REF', 'Fp1', 'FP1-F7'."""
    text = label.strip().upper()
    if text.startswith("EEG "):
        text = text[4:].strip()
    return text.split("-")[0].strip() in config.ELECTRODES
