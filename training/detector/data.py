"""Loaders: real EEG segments from ../shared/data/eeg and simulated recordings from the Java simulator,
all resampled to params.RATE_HZ and cut into params.WINDOW_SECONDS windows; images exactly as the Java
SpectrogramService makes them (training/ictal_training/spectrogram.py, checked against Java by
io.ictal.detector's tests)."""
import io
import json
import os
import subprocess
import sys
import zipfile

import numpy as np
import torch
from scipy import io as sio
from scipy import signal as sps

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from ictal_training import spectrogram  # noqa: E402

import edf  # noqa: E402
import params  # noqa: E402
import simulated  # noqa: E402

# The bipolar "double banana" the Java detector derives from referential 10-20 recordings.
DOUBLE_BANANA = [("Fp1", "F7"), ("F7", "T7"), ("T7", "P7"), ("P7", "O1"), ("Fp2", "F8"), ("F8", "T8"), ("T8", "P8"),
                 ("P8", "O2"), ("Fp1", "F3"), ("F3", "C3"), ("C3", "P3"), ("P3", "O1"), ("Fp2", "F4"), ("F4", "C4"),
                 ("C4", "P4"), ("P4", "O2"), ("Fz", "Cz"), ("Cz", "Pz")]

WINDOW = int(round(params.WINDOW_SECONDS * params.RATE_HZ))
HOP = int(round(params.HOP_SECONDS * params.RATE_HZ))


def window_starts(length):
    """Window starts at every hop; plus one flush with the end when the hops leave the tail uncovered."""
    starts = list(range(0, length - WINDOW + 1, HOP))
    if starts and starts[-1] + WINDOW < length:
        starts.append(length - WINDOW)
    return starts


def image(x, reference_db=0.0):
    """The card's image of one window of a recording whose level reference is reference_db: its colour range
    is the card's minDb..maxDb above that reference (how the detector images)."""
    shifted = dict(params.IMAGE, minDb=params.IMAGE["minDb"] + reference_db, maxDb=params.IMAGE["maxDb"] + reference_db)
    return spectrogram.image(x, params.RATE_HZ, shifted).astype(np.float32)


# Training keeps each window's decibel grid, not its RGB image, so that a gain (a shift in dB) can be
# applied before the card's fixed range and colour map (amplitude augmentation: scalp and intracranial
# microvolts differ). The grid comes from the same reference image function, asked for a linear grey
# image over a range wide enough never to clip what the card's range plus the gains can reach.
_WIDE_DB = (-100.0, 100.0)
_GREY = dict(params.IMAGE, range="FIXED", minDb=_WIDE_DB[0], maxDb=_WIDE_DB[1], colourMap="GRAY")


def decibels(x):
    """[height][width] dB grid of one window (float32), as the image function sees it before colouring."""
    grey = spectrogram.image(x, params.RATE_HZ, _GREY)[0]
    return (grey * (_WIDE_DB[1] - _WIDE_DB[0]) + _WIDE_DB[0]).astype(np.float32)


def level_reference(grids):
    """A recording's level reference (dB) from the decibel grids [N, H, W] of its windows and channels: the
    LEVEL_PERCENTILE-th percentile (linear interpolation) of each grid's median. io.ictal.detector's
    LevelReference is its twin."""
    medians = np.median(np.asarray(grids, dtype=np.float64).reshape(len(grids), -1), axis=1)
    return float(np.percentile(medians, params.LEVEL_PERCENTILE))


def images_from_decibels(grids, gain_db=None):
    """Torch twin of image() from decibel grids [N, H, W] (+ an optional gain [N] in dB): the card's range
    (fixed, or each image's own), then its piecewise-linear colour map. Equals image() to float precision (checked in train.py)."""
    grids = torch.as_tensor(grids, dtype=torch.float32)
    if gain_db is not None:
        grids = grids + gain_db.view(-1, 1, 1)
    if params.IMAGE["range"] == "PER_IMAGE":  # each image's own min..max: a gain changes nothing
        low = grids.amin(dim=(1, 2), keepdim=True)
        span = grids.amax(dim=(1, 2), keepdim=True) - low
        v = torch.where(span > 0, (grids - low) / span.clamp_min(1e-12), torch.zeros_like(grids))
    else:
        v = ((grids - params.IMAGE["minDb"]) / (params.IMAGE["maxDb"] - params.IMAGE["minDb"])).clamp(0, 1)
    positions, anchors = spectrogram.COLOUR_MAPS[params.IMAGE["colourMap"]]
    channels = []
    for c in range(3):
        out = torch.full_like(v, float(anchors[0][c]))
        for k in range(len(positions) - 1):
            width = positions[k + 1] - positions[k]
            slope = (anchors[k + 1][c] - anchors[k][c]) / width
            out = out + slope * (v - positions[k]).clamp(0, width)
        channels.append(out)
    return torch.stack(channels, dim=1)


def bonn(root):
    """Bonn: yields (set letter, file, signal at RATE_HZ). Sets A-D non-ictal, E ictal."""
    with zipfile.ZipFile(os.path.join(root, "bonn", "Bonn EEG dataset.zip")) as z:
        for name in sorted(z.namelist()):
            if not name.lower().endswith(".txt"):
                continue
            x = np.loadtxt(io.BytesIO(z.read(name)))
            target = int(round(len(x) * params.RATE_HZ / 173.61))
            yield name.split("/")[0][0], name, sps.resample(x, target)


def delhi(root):
    """Delhi: yields (ictal|interictal|preictal, file, signal at RATE_HZ) from 200 Hz."""
    with zipfile.ZipFile(os.path.join(root, "delhi", "Delhi dataset.zip")) as z:
        for name in sorted(z.namelist()):
            if not name.endswith(".mat"):
                continue
            kind = name.split("/")[1]
            m = sio.loadmat(io.BytesIO(z.read(name)))
            x = np.asarray(m[kind], dtype=np.float64).reshape(-1)
            yield kind, name, sps.resample_poly(x, 32, 25)


def chbmit(root):
    """CHB-MIT segments: yields (patient, file, ictal?, [23][2561] at 256 Hz, bipolar)."""
    base = os.path.join(root, "chbmit-segments")
    for patient in sorted(os.listdir(base)):
        for name in sorted(os.listdir(os.path.join(base, patient))):
            if name.endswith(".npy"):
                yield patient, name, "_ictal" in name, np.load(os.path.join(base, patient, name))


def simulator_classpath():
    repo = os.path.abspath(os.path.join(HERE, "..", ".."))
    m2 = os.path.expanduser("~/.m2/repository/io/ictal")
    return ":".join([
        os.path.join(repo, "bundles/io.ictal.simulator/target/io.ictal.simulator-0.1.0-SNAPSHOT.jar"),
        os.path.join(m2, "io.ictal.api/0.1.0-SNAPSHOT/io.ictal.api-0.1.0-SNAPSHOT.jar"),
        os.path.join(m2, "io.ictal.edf/0.1.0-SNAPSHOT/io.ictal.edf-0.1.0-SNAPSHOT.jar")])


def simulate(out_dir, seed, hours, per_hour, options=()):
    """Runs the Java simulator (one simulator, no Python copy) with extra SimulatorMain options; returns
    (edf path, truth list). Files are cached by seed: keep recordings of other options in another out_dir."""
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, f"sim-{seed}.edf")
    truth = os.path.join(out_dir, f"sim-{seed}.json")
    if not (os.path.exists(path) and os.path.exists(truth)):
        subprocess.run(["java", "-cp", simulator_classpath(), "io.ictal.simulator.internal.SimulatorMain", path,
                        "--hours", str(hours), "--seed", str(seed), "--seizures-per-hour", str(per_hour),
                        "--truth", truth, *options], check=True, stdout=subprocess.DEVNULL)
    with open(truth) as f:
        return path, json.load(f)["seizures"]


def bipolar(path):
    """Double-banana derivations of a simulated recording: (pair names, [pair][sample])."""
    labels, rate, data = edf.read(path)
    assert rate == params.RATE_HZ, f"{path}: rate {rate}"
    index = {lab.split(" ")[-1].split("-")[0]: i for i, lab in enumerate(labels)}
    pairs = [(a, b) for a, b in DOUBLE_BANANA if a in index and b in index]
    return pairs, np.stack([data[index[a]] - data[index[b]] for a, b in pairs])


def simulated_windows(path, truth, rng, background_per_hour, make=image):
    """Per-channel training images (or what make() makes of each window) from a simulated recording.

    Positive: a pair with an involved electrode (the focus or an early joiner, or any involved one from
    15 s into the seizure; every involved one from the start for generalised types, which the simulator
    starts on all electrodes within 0.2 s), window inside the seizure from 2 s after onset. Negative:
    windows at least 10 s before / 30 s after every seizure, a random subset (artifacts included as they fall).
    Ambiguous windows are left out. Also returns each window's seizure (its index in truth; -1: background).
    """
    pairs, x = bipolar(path)
    images, labels, seizures = [], [], []
    length = x.shape[1]
    starts = window_starts(length)
    for number, s in enumerate(truth):
        involved = set(s["channels"])
        early = involved if s.get("type") in simulated.GENERALISED else set(s["channels"][:3])
        for start in starts:
            t0, t1 = start / params.RATE_HZ, (start + WINDOW) / params.RATE_HZ
            if t0 < s["onset"] + 2 or t1 > s["onset"] + s["duration"]:
                continue
            for p, (a, b) in enumerate(pairs):
                chosen = early if t0 < s["onset"] + 15 else involved
                if a in chosen or b in chosen:
                    images.append(make(x[p, start:start + WINDOW]))
                    labels.append(1)
                    seizures.append(number)
    quiet = [st for st in starts if all(st / params.RATE_HZ + params.WINDOW_SECONDS < s["onset"] - 10
                                        or st / params.RATE_HZ > s["onset"] + s["duration"] + 30 for s in truth)]
    count = int(background_per_hour * length / params.RATE_HZ / 3600)
    for k in rng.choice(len(quiet) * len(pairs), size=min(count, len(quiet) * len(pairs)), replace=False):
        start, p = quiet[k // len(pairs)], k % len(pairs)
        images.append(make(x[p, start:start + WINDOW]))
        labels.append(0)
        seizures.append(-1)
    return images, labels, seizures


def shared_root():
    """../shared/data/eeg next to the checkout, or $ICTAL_SHARED_DATA/eeg."""
    base = os.environ.get("ICTAL_SHARED_DATA", os.path.join(HERE, "..", "..", "..", "shared", "data"))
    root = os.path.join(os.path.abspath(base), "eeg")
    if not os.path.isdir(root):
        raise SystemExit(f"the shared EEG folder {root} is absent: set ICTAL_SHARED_DATA")
    return root
