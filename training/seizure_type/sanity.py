"""Sanity check on real ictal EEG (no labels of type exist here, so no accuracy): the predicted type
distribution of a model on the seizure segments in ../shared/data/eeg: CHB-MIT `*_ictal.npy` (23 bipolar
channels, 10 s at 256 Hz), Bonn set E (one intracranial channel, 23.6 s at 173.61 Hz) and Delhi ictal
(one channel, 5.12 s at 200 Hz). Every segment is shorter than the model's 24-s window, so it is
extended by mirroring (x, reversed x, x, ...: no jumps at the seams) to 24 s: a sanity check only."""
import io
import os
import zipfile

import numpy as np
import torch
from scipy import io as sio

import config
import features


def shared_eeg():
    base = os.environ.get("ICTAL_SHARED_DATA", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared",
                                                            "data"))
    root = os.path.join(os.path.abspath(base), "eeg")
    return root if os.path.isdir(root) else None


def mirrored(x, seconds, rate):
    need = int(np.ceil(seconds * rate)) + 1
    parts, forward = [], True
    while sum(len(p) for p in parts) < need:
        parts.append(x if forward else x[::-1])
        forward = not forward
    return np.concatenate(parts)


def segments(root):
    """Yields (dataset, name, rates, [channels])."""
    base = os.path.join(root, "chbmit-segments")
    for patient in sorted(os.listdir(base)):
        for name in sorted(os.listdir(os.path.join(base, patient))):
            if name.endswith("_ictal.npy"):
                x = np.load(os.path.join(base, patient, name))
                yield "CHB-MIT ictal segments (23 bipolar channels)", name, [256.0] * len(x), list(x)
    with zipfile.ZipFile(os.path.join(root, "bonn", "Bonn EEG dataset.zip")) as z:
        for name in sorted(z.namelist()):
            if name.lower().endswith(".txt") and name.split("/")[0].upper().startswith("E"):
                yield "Bonn set E (ictal, intracranial, 1 channel)", name, [173.61], [np.loadtxt(io.BytesIO(z.read(name)))]
    with zipfile.ZipFile(os.path.join(root, "delhi", "Delhi dataset.zip")) as z:
        for name in sorted(z.namelist()):
            if name.endswith(".mat") and name.split("/")[1] == "ictal":
                m = sio.loadmat(io.BytesIO(z.read(name)))
                yield "Delhi ictal (1 channel)", name, [200.0], [np.asarray(m["ictal"], dtype=np.float64).reshape(-1)]


def run(model):
    root = shared_eeg()
    if root is None:
        print("sanity check skipped: ../shared/data/eeg is absent (set ICTAL_SHARED_DATA)")
        return {}
    out = {}
    for dataset, name, rates, channels in segments(root):
        data = [mirrored(x, config.WINDOW_SECONDS, r) for x, r in zip(channels, rates)]
        x = features.stack(rates, data, 0.0)
        with torch.no_grad():
            p = model(torch.from_numpy(x[None]))[0].numpy()
        entry = out.setdefault(dataset, {"segments": 0, "predicted": {t: 0 for t in config.TYPES},
                                         "meanProbability": np.zeros(len(config.TYPES))})
        entry["segments"] += 1
        entry["predicted"][config.TYPES[int(p.argmax())]] += 1
        entry["meanProbability"] += p
    for entry in out.values():
        entry["meanProbability"] = {t: round(float(v / entry["segments"]), 4)
                                    for t, v in zip(config.TYPES, entry["meanProbability"])}
        print(entry)
    return out
