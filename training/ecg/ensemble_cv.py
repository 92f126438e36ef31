#!/usr/bin/python3
"""Seeded ensemble of beat models under the same record-wise 5-fold CV as train.py: K members per fold,
each with its own seed (its own training subset, initialisation and batch order); the ensemble averages
the members' softmax. Prints per-class Se/+P of every single member and of the ensemble, so the change
can be told from run-to-run variance. Writes <work>/ensemble-metrics.json.

    nice -n 10 /usr/bin/python3 training/ecg/ensemble_cv.py --members 3
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "modelbundle"))
import data  # noqa: E402
import models  # noqa: E402
import params  # noqa: E402
import train as t  # noqa: E402
from golden import export_onnx, golden_pair  # noqa: E402


class Ensemble(torch.nn.Module):
    """The members' softmax averaged: the same inputs (spectrogram, rr) and output (probabilities) as one
    beat model, so io.ictal.ecg runs it unchanged."""

    def __init__(self, members):
        super().__init__()
        self.members = torch.nn.ModuleList(members)

    def forward(self, spectrogram, rr):
        return torch.stack([m(spectrogram, rr) for m in self.members]).mean(dim=0)


def final(beats, members, work, cv):
    """K members on every record (seeds as in the CV, fold index 5), exported as ONE graph with a golden
    pair; the CV numbers replace the beat entries of train.py's metrics.json (rhythm entries kept)."""
    k = len(params.BEAT_LABELS)
    nets = []
    for m in range(members):
        seed = t.SEED + 1000 * (m + 1) + t.FOLDS
        t.seed_all(seed)
        rng = np.random.default_rng(seed)
        idx = t.training_subset(beats, range(len(beats["names"])), rng)
        nets.append(t.train(models.SpectrogramRrNet(params.RR_FEATURES, k), beats["spec"][idx], beats["rr"][idx],
                            beats["y"][idx], t.BEAT_EPOCHS, 1e-3, rng))
        t.log(f"final member {m + 1}/{members} trained on {len(idx)} beats")
    net = Ensemble(nets).eval()
    pick = np.random.default_rng(t.SEED).choice(len(beats["spec"]), size=2, replace=False)
    example = {"spectrogram": torch.from_numpy(beats["spec"][pick, None]), "rr": torch.from_numpy(beats["rr"][pick])}
    export_onnx(net, example, ["probabilities"], os.path.join(work, "beat.onnx"), opset=13)
    with open(os.path.join(work, "beat-golden.json"), "w") as fh:
        json.dump(golden_pair(net, example, ["probabilities"], tolerance=1e-4), fh)
    with open(os.path.join(work, "metrics.json")) as fh:
        metrics = json.load(fh)
    conf = np.array(cv["confusion"])
    metrics["beat"] = cv["results"]["ensemble"]
    metrics["beatConfusion"] = {"mitdb": conf[-1, 0].tolist(), "svdb": conf[-1, 1].tolist()}
    metrics["beatMembers"] = [cv["results"][f"member{j + 1}"] for j in range(members)]
    with open(os.path.join(work, "metrics.json"), "w") as fh:
        json.dump(metrics, fh, indent=1)
    t.log(f"wrote {work}/beat.onnx ({members} members), beat-golden.json, metrics.json (beat entries)")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ecg", default=os.path.join(t.REPO, "..", "shared", "data", "ecg"))
    p.add_argument("--work", default="/tmp/ictal-ecg-work")
    p.add_argument("--members", type=int, default=3)
    p.add_argument("--folds", type=int, nargs="*", default=None, help="only these folds (timing)")
    p.add_argument("--final", action="store_true",
                   help="after the CV: train the members on every record, export the ensemble as beat.onnx")
    p.add_argument("--reuse", action="store_true", help="take the CV from <work>/ensemble-metrics.json")
    a = p.parse_args()
    torch.set_num_threads(2)
    beats = data.beats(a.ecg, a.work, t.SEED)
    if a.reuse:
        with open(os.path.join(a.work, "ensemble-metrics.json")) as fh:
            final(beats, a.members, a.work, json.load(fh))
        return
    names = list(beats["names"])
    dbs = np.array([n.split("/")[0] for n in names])
    # the same folds as train.py's beat_cv (first draw of the same generator)
    fold = t.folds_of(list(range(len(names))), list(dbs), t.FOLDS, np.random.default_rng(t.SEED))
    k = len(params.BEAT_LABELS)
    members = a.members
    conf = np.zeros((members + 1, 2, k, k))  # [member or ensemble][mitdb, svdb][true][pred]
    for f in (a.folds if a.folds is not None else range(t.FOLDS)):
        test_records = [r for r, v in fold.items() if v == f]
        train_records = [r for r, v in fold.items() if v != f]
        test = np.isin(beats["record"], test_records)
        probs = []
        for m in range(members):
            seed = t.SEED + 1000 * (m + 1) + f
            t.seed_all(seed)
            rng = np.random.default_rng(seed)
            start = time.time()
            idx = t.training_subset(beats, train_records, rng)
            model = t.train(models.SpectrogramRrNet(params.RR_FEATURES, k), beats["spec"][idx], beats["rr"][idx],
                            beats["y"][idx], t.BEAT_EPOCHS, 1e-3, rng)
            probs.append(t.predict(model, beats["spec"][test], beats["rr"][test]))
            t.log(f"fold {f + 1} member {m + 1}: {len(idx)} training beats, {time.time() - start:.0f} s")
        probs.append(np.mean(probs, axis=0))
        db_index = (dbs[beats["record"][test]] == "svdb").astype(int)
        for j, pr in enumerate(probs):
            np.add.at(conf[j], (db_index, beats["y"][test], pr.argmax(axis=1)), beats["w"][test])
    results = {}
    for j in range(members + 1):
        tag = f"member{j + 1}" if j < members else "ensemble"
        results[tag] = {"mitdb": t.per_class(conf[j, 0], params.BEAT_LABELS),
                        "svdb": t.per_class(conf[j, 1], params.BEAT_LABELS),
                        "all": t.per_class(conf[j, 0] + conf[j, 1], params.BEAT_LABELS)}
        t.print_classes(f"{tag}, all records:", results[tag]["all"])
    for label in params.BEAT_LABELS:
        se = [100 * results[f"member{j + 1}"]["all"][label]["sensitivity"] for j in range(members)]
        t.log(f"single members {label} Se: min {min(se):.1f}% mean {np.mean(se):.1f}% max {max(se):.1f}%; "
              f"ensemble {100 * results['ensemble']['all'][label]['sensitivity']:.1f}%")
    cv = {"members": members, "results": results, "confusion": conf.tolist()}
    with open(os.path.join(a.work, "ensemble-metrics.json"), "w") as fh:
        json.dump(cv, fh, indent=1)
    if a.final:
        final(beats, members, a.work, cv)


if __name__ == "__main__":
    main()
