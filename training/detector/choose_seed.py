#!/usr/bin/python3
"""Chooses train.py's TRAIN_SEED on the simulated VALIDATION hours (seeds 201-203): for each candidate
training seed, the shipped recipe's model (all training data) classifies every window of those hours on
all 18 bipolar channels as the detector does (level reference of the hour, mean of the top-2 channels).
Printed per seed: background windows (30 s before to 60 s after every seizure left out) at >= the card's
start threshold, and validation seizures with a window at >= it after the detector's smoothing.
Chosen: the most seizures found, then the fewest such background windows, then the lowest seed (until
session 9: "every seizure found" first, which let a seed that missed a 44-s tonic-clonic win once no seed
found the 5-s myoclonic one).

Why: one training seed of the level-reference recipe (20261121) gave 8.5 false alarms per 24 h on the
tuning recordings where others give almost none on these hours (README, session 6). Real held-out data
and the event-level test recordings (903+) play no part here.

    /usr/bin/python3 training/detector/choose_seed.py 20261121 1 2 3 4 5 6
"""
import json
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "modelbundle"))
import card  # noqa: E402
import data  # noqa: E402
import evaluate  # noqa: E402
import params  # noqa: E402
import train  # noqa: E402

WORK = "/tmp/ictal-detector-work"
SMOOTHING = 7  # tune_events.py's choice for seed 20261121 in session 6, kept so that runs compare (2.1.0 uses 5)


def hour(seed):
    """Decibel grids [windows, channels, H, W] of every window of one simulated validation hour, and its seizures."""
    path, _ = data.simulate(*train.sim_args(WORK, seed, train.SIM_OPTIONS))
    _, x = data.bipolar(path)
    n = (x.shape[1] - data.WINDOW) // data.HOP + 1
    grids = np.stack([np.stack([data.decibels(ch[w * data.HOP:w * data.HOP + data.WINDOW]) for ch in x])
                      for w in range(n)])
    with open(path[:-4] + ".json") as f:
        return grids, json.load(f)["seizures"]


def score(model, hours):
    false_windows, background, found, seizures, missed = 0, 0, 0, 0, []
    for grids, truth in hours:
        flat = grids.reshape(-1, *grids.shape[2:])
        p = evaluate.predict(model, data.images_from_decibels(flat - np.float32(data.level_reference(flat))))
        top = evaluate.recording_probability(p.reshape(len(grids), -1))
        smooth = np.convolve(top, np.ones(SMOOTHING) / SMOOTHING, mode="same")
        centre = params.WINDOW_SECONDS / 2 + params.HOP_SECONDS * np.arange(len(top))
        quiet = np.ones(len(top), bool)
        for s in truth:
            inside = (centre > s["onset"]) & (centre < s["onset"] + s["duration"])
            hit = bool((smooth[inside] >= card.THRESHOLD_ON).any())
            found += hit
            seizures += 1
            if not hit:
                missed.append(f"{s.get('type', '?')} {s['duration']:.0f} s")
            quiet &= ~((centre > s["onset"] - 30) & (centre < s["onset"] + s["duration"] + 60))
        false_windows += int((top[quiet] >= card.THRESHOLD_ON).sum())
        background += int(quiet.sum())
    return {"falseWindows": false_windows, "backgroundWindows": background, "found": found, "seizures": seizures,
            "missed": missed}


def main(seeds):
    torch.set_num_threads(2)
    ds = train.build(WORK)
    hours = [hour(s) for s in train.VAL_SIM_SEEDS]
    results = []
    for seed in seeds:
        single, bags = train.subset(ds, None, ("chb01", "chb02"))
        model = train.train("cnn6", single, train.EPOCHS, bags, seed=seed)
        results.append(dict(seed=seed, **score(model, hours)))
        print(json.dumps(results[-1]), flush=True)
    best = min(results, key=lambda r: (-r["found"], r["falseWindows"], r["seed"]))
    print(json.dumps({"chosen": best["seed"]}))


if __name__ == "__main__":
    main([int(s) for s in sys.argv[1:]] or [train.SEED])
