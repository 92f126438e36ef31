#!/usr/bin/python3
"""RR features alone (an MLP, no spectrogram) under train.py's record-wise folds, 3 seeds each (the seeds
of variants_cv.py): do other RR features carry S beats between patients? Sets: the 3 ratios of the beat
model's 7 features (pre/local, post/pre, pre/long), + pre and post over the MEDIAN RR of +-150 s (robust to
ectopic runs), + pre and post over the interval before pre; the 7 features; the 7 + those 4.
Prints N/S/V/F Se, mean [min-max] over the seeds. Caches the extra features in <work>/rrx.npz.

    nice -n 10 /usr/bin/python3 training/ecg/rr_only_cv.py
"""
import os
import sys

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import data  # noqa: E402
import features  # noqa: E402
import train as t  # noqa: E402

ECG = os.path.join(t.REPO, "..", "shared", "data", "ecg")
WORK = "/tmp/ictal-ecg-work"


def extra_features():
    """[pre/median, post/median, pre/pre-before, post/pre-before] of the beats of beats.npz (same draws)."""
    path = os.path.join(WORK, "rrx.npz")
    if os.path.exists(path):
        return np.load(path)["x"]
    rng = np.random.default_rng(t.SEED)
    out = []
    for db, name in data.beat_records(ECG):
        x, fs, times, _, chosen, _ = data.drawn_beats(ECG, db, name, rng)
        rr = np.diff(times)
        for i in chosen:
            if features.window(x[:, 0], fs, times[i] - 1, 2.0) is None:
                continue
            pre = times[i] - times[i - 1] if i > 0 else rr[0]
            prepre = times[i - 1] - times[i - 2] if i > 1 else pre
            post = times[i + 1] - times[i] if i + 1 < len(times) else pre
            a = np.searchsorted(times, times[i] - 150)
            b = np.searchsorted(times, times[i] + 150, side="right") - 1
            med = np.median(rr[a:b]) if b > a else pre
            out.append([pre / med, post / med, pre / prepre, post / prepre])
    np.savez(path, x=np.array(out, dtype=np.float32))
    return np.load(path)["x"]


def main():
    torch.set_num_threads(1)
    d = np.load(os.path.join(WORK, "beats.npz"))
    extra = extra_features()
    y, rr, rec, names, w = d["y"], d["rr"], d["record"], d["names"], d["w"]
    assert len(extra) == len(y)
    base = rr[:, [4, 5, 6]]
    sets = {"ratios": base, "ratios+med": np.concatenate([base, extra[:, :2]], 1),
            "ratios+prepre": np.concatenate([base, extra[:, 2:]], 1), "all7": rr,
            "all7+extra": np.concatenate([rr, extra], 1)}
    dbs = np.array([n.split("/")[0] for n in names])
    fold = t.folds_of(list(range(len(names))), list(dbs), t.FOLDS, np.random.default_rng(t.SEED))
    for name, x in sets.items():
        x = np.clip(x, 0, 5).astype(np.float32)
        res = []
        for m in range(3):
            conf = np.zeros((4, 4))
            for f in range(t.FOLDS):
                seed = t.SEED + f + 1000 * (m + 1)
                t.seed_all(seed)
                rng = np.random.default_rng(seed)
                train_records = [r for r, v in fold.items() if v != f]
                test = np.isin(rec, [r for r, v in fold.items() if v == f])
                idx = t.training_subset(d, train_records, rng)
                net = nn.Sequential(nn.Linear(x.shape[1], 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 4))
                counts = np.bincount(y[idx], minlength=4)
                weight = torch.tensor(counts.sum() / np.maximum(counts, 1) / 4, dtype=torch.float32)
                optimiser = torch.optim.Adam(net.parameters(), 1e-3, weight_decay=1e-4)
                loss_fn = nn.CrossEntropyLoss(weight=weight)
                xt, yt = torch.from_numpy(x[idx]), torch.from_numpy(y[idx])
                for _ in range(15):
                    order = rng.permutation(len(idx))
                    for s0 in range(0, len(order), 256):
                        b = torch.from_numpy(order[s0:s0 + 256])
                        optimiser.zero_grad()
                        loss_fn(net(xt[b]), yt[b]).backward()
                        optimiser.step()
                with torch.no_grad():
                    p = net(torch.from_numpy(x[test])).argmax(1).numpy()
                np.add.at(conf, (y[test], p), w[test])
            res.append([100 * conf[i, i] / conf[i].sum() for i in range(4)])
        res = np.array(res)
        print(name, " ".join(f"{label} {res[:, i].mean():.1f} [{res[:, i].min():.1f}-{res[:, i].max():.1f}]"
                             for i, label in enumerate("NSVF")), flush=True)


if __name__ == "__main__":
    main()
