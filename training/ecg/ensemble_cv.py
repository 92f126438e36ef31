#!/usr/bin/python3
"""Seeded ensemble of beat models under the same record-wise 5-fold CV as train.py: K members per fold,
each with its own seed (its own training subset, initialisation and batch order); the ensemble averages
the members' softmax. Prints per-class Se/+P of every single member and of the ensemble, so the change
can be told from run-to-run variance. Writes <work>/ensemble-metrics.json.

    nice -n 10 /usr/bin/python3 training/ecg/ensemble_cv.py --members 3
    # recipe variants (variants_cv.py measured them): the record's usual beat as a third input, S loss weight
    nice -n 10 /usr/bin/python3 training/ecg/ensemble_cv.py --members 3 --template --s-emphasis 2 --threads 1 --final
    # the shipped beat model 3.0.0: + the beat's waveform and its usual waveform, S loss weight x3 (README "S beats")
    nice -n 10 /usr/bin/python3 training/ecg/ensemble_cv.py --members 6 --template --s-emphasis 3 --waveform --threads 1 --final
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
    """The members' softmax averaged (then, optionally, each class's probability scaled by exp(offset) and
    renormalised): the same inputs (spectrogram, rr) and output (probabilities) as one beat model, so
    io.ictal.ecg runs it unchanged."""

    def __init__(self, members, log_offsets):
        super().__init__()
        self.members = torch.nn.ModuleList(members)
        self.register_buffer("scale", torch.exp(torch.tensor(log_offsets, dtype=torch.float32)))

    def forward(self, spectrogram, rr, template=None, wave=None, wave_template=None):
        p = torch.stack([m(spectrogram, rr, template, wave, wave_template) for m in self.members]).mean(dim=0)
        p = p * self.scale
        return p / p.sum(dim=1, keepdim=True)


RECIPE = {"template": False, "sEmphasis": 1.0, "waveform": False}  # set by main() from the command line


def waves_of(beats, rows):
    """(waveforms, usual waveforms) of the beats rows when the recipe takes them, else None."""
    return (beats["wave"][rows], beats["wave_template"][rows]) if RECIPE["waveform"] else None


def member(beats, idx, rng):
    """One beat model of the recipe trained on the beats idx."""
    k = len(params.BEAT_LABELS)
    emphasis = [RECIPE["sEmphasis"] if label == "S" else 1.0 for label in params.BEAT_LABELS]
    wave_samples = beats["wave"].shape[1] if RECIPE["waveform"] else 0
    return t.train(models.SpectrogramRrNet(params.RR_FEATURES, k, template=RECIPE["template"],
                                           wave_samples=wave_samples),
                   beats["spec"][idx], beats["rr"][idx], beats["y"][idx], t.BEAT_EPOCHS, 1e-3, rng,
                   template=beats["template"][idx] if RECIPE["template"] else None, class_emphasis=emphasis,
                   waves=waves_of(beats, idx))


def member_probabilities(beats, train_records, test, members, seed0, what):
    """Softmax of `members` seeded models trained on train_records, on the beats of the test mask."""
    probs = []
    for m in range(members):
        seed = seed0 + 1000 * (m + 1)
        t.seed_all(seed)
        rng = np.random.default_rng(seed)
        start = time.time()
        idx = t.training_subset(beats, train_records, rng)
        model = member(beats, idx, rng)
        probs.append(t.predict(model, beats["spec"][test], beats["rr"][test],
                               template=beats["template"][test] if RECIPE["template"] else None,
                               waves=waves_of(beats, test)))
        t.log(f"{what} member {m + 1}: {len(idx)} training beats, {time.time() - start:.0f} s")
    return probs


GOAL = {"N": 0.869, "V": 0.777}  # de Chazal et al. 2004 DS2 sensitivities the S offset must not push N or V below
S_OFFSETS = np.round(np.arange(0.0, 3.01, 0.1), 2)


def with_offset(probs, offset):
    """Probabilities with the S class's log-probability raised by offset, renormalised."""
    p = probs.copy()
    p[:, params.BEAT_LABELS.index("S")] *= np.exp(offset)
    return p / p.sum(axis=1, keepdims=True)


def choose_s_offset(probs, y, w):
    """The S offset with the highest weighted S sensitivity while N and V sensitivities stay at de Chazal's
    (0 when none does): chosen on inner-validation predictions only."""
    best, best_se = 0.0, -1.0
    for offset in S_OFFSETS:
        pred = with_offset(probs, offset).argmax(axis=1)
        se = {label: np.sum(w[(y == i) & (pred == i)]) / max(np.sum(w[y == i]), 1e-9)
              for i, label in enumerate(params.BEAT_LABELS)}
        if all(se[c] >= g for c, g in GOAL.items()) and se["S"] > best_se:
            best, best_se = float(offset), se["S"]
    return best


def final(beats, members, work, cv, ship_offset):
    """K members on every record (seeds as in the CV, fold index 5), exported as ONE graph with a golden
    pair; the CV numbers replace the beat entries of train.py's metrics.json (rhythm entries kept).
    ship_offset: the graph carries the S offset chosen (as in each fold) on the out-of-fold ensemble
    predictions of all records, and the cards report the CV with the per-fold inner-validated offsets."""
    k = len(params.BEAT_LABELS)
    nets = []
    for m in range(members):
        seed = t.SEED + 1000 * (m + 1) + t.FOLDS
        t.seed_all(seed)
        rng = np.random.default_rng(seed)
        idx = t.training_subset(beats, range(len(beats["names"])), rng)
        nets.append(member(beats, idx, rng))
        t.log(f"final member {m + 1}/{members} trained on {len(idx)} beats")
    log_offsets = [0.0] * k
    if ship_offset:
        log_offsets[params.BEAT_LABELS.index("S")] = cv["finalSOffset"]
    net = Ensemble(nets, log_offsets).eval()
    pick = np.random.default_rng(t.SEED).choice(len(beats["spec"]), size=2, replace=False)
    example = {"spectrogram": torch.from_numpy(beats["spec"][pick, None]), "rr": torch.from_numpy(beats["rr"][pick])}
    if RECIPE["template"]:
        example["template"] = torch.from_numpy(beats["template"][pick, None])
    if RECIPE["waveform"]:
        example["wave"] = torch.from_numpy(beats["wave"][pick, None])
        example["wave_template"] = torch.from_numpy(beats["wave_template"][pick, None])
    export_onnx(net, example, ["probabilities"], os.path.join(work, "beat.onnx"), opset=13)
    with open(os.path.join(work, "beat-golden.json"), "w") as fh:
        json.dump(golden_pair(net, example, ["probabilities"], tolerance=1e-4), fh)
    with open(os.path.join(work, "metrics.json")) as fh:
        metrics = json.load(fh)
    conf = np.array(cv["confusion"])
    shipped = members + 1 if ship_offset else members
    metrics["beat"] = cv["results"]["ensembleSOffset" if ship_offset else "ensemble"]
    metrics["beatConfusion"] = {"mitdb": conf[shipped, 0].tolist(), "svdb": conf[shipped, 1].tolist()}
    if ship_offset:
        metrics["beatSOffsets"] = {"folds": cv["sOffsets"], "final": cv["finalSOffset"]}
        metrics["beatEnsembleArgmax"] = cv["results"]["ensemble"]
    metrics["beatMembers"] = [cv["results"][f"member{j + 1}"] for j in range(members)]
    metrics["beatRecipe"] = cv.get("recipe", {"template": False, "sEmphasis": 1.0})
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
    p.add_argument("--s-offset", type=int, default=0, choices=(0, 1),
                   help="1: also an S offset per fold, chosen by an inner record-wise CV of its training records")
    p.add_argument("--ship-s-offset", action="store_true", help="--final with the S offset in the graph")
    p.add_argument("--inner", type=int, default=3, help="inner folds for --s-offset")
    p.add_argument("--reuse", action="store_true", help="take the CV from <work>/ensemble-metrics.json")
    p.add_argument("--template", action="store_true", help="the record's usual beat as a third input")
    p.add_argument("--s-emphasis", type=float, default=1.0, help="factor on the S class's loss weight")
    p.add_argument("--waveform", action="store_true",
                   help="+ the beat's waveform and its usual waveform, cut around the Pan-Tompkins peak nearest to "
                        "the reference beat (as io.ictal.ecg sees it; variants_cv.py --wave-centre detected)")
    p.add_argument("--threads", type=int, default=2, help="torch threads")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    RECIPE.update({"template": a.template, "sEmphasis": a.s_emphasis, "waveform": a.waveform})
    beats = data.beats(a.ecg, a.work, t.SEED)
    if a.waveform:
        beats["wave"], beats["wave_template"] = data.beat_inputs(a.ecg, a.work, t.SEED, beats, "waveform", detected=True)
    if a.reuse:
        with open(os.path.join(a.work, "ensemble-metrics.json")) as fh:
            final(beats, a.members, a.work, json.load(fh), a.ship_s_offset)
        return
    names = list(beats["names"])
    dbs = np.array([n.split("/")[0] for n in names])
    # the same folds as train.py's beat_cv (first draw of the same generator)
    fold = t.folds_of(list(range(len(names))), list(dbs), t.FOLDS, np.random.default_rng(t.SEED))
    k = len(params.BEAT_LABELS)
    members = a.members
    # [member..., ensemble, (ensemble with the S offset)][mitdb, svdb][true][pred]
    conf = np.zeros((members + 1 + a.s_offset, 2, k, k))
    offsets = []
    oof = np.zeros((len(beats["y"]), k))  # out-of-fold ensemble probabilities of every beat
    for f in (a.folds if a.folds is not None else range(t.FOLDS)):
        test_records = [r for r, v in fold.items() if v == f]
        train_records = [r for r, v in fold.items() if v != f]
        test = np.isin(beats["record"], test_records)
        probs = member_probabilities(beats, train_records, test, members, t.SEED + f, f"fold {f + 1}")
        probs.append(np.mean(probs, axis=0))
        oof[test] = probs[-1]
        if a.s_offset:
            # inner record-wise CV over this fold's training records only: out-of-fold ensemble predictions
            train_dbs = [dbs[r] for r in train_records]
            inner = t.folds_of(train_records, train_dbs, a.inner, np.random.default_rng(t.SEED + 100 + f))
            inner_mask = np.isin(beats["record"], train_records)
            inner_probs = np.zeros((inner_mask.sum(), k))
            for g in range(a.inner):
                val = [r for r, v in inner.items() if v == g]
                fit = [r for r, v in inner.items() if v != g]
                rows = np.isin(beats["record"][inner_mask], val)
                inner_probs[rows] = np.mean(member_probabilities(
                    beats, fit, np.isin(beats["record"], val), members, t.SEED + 100 * (f + 1) + 10 * (g + 1),
                    f"fold {f + 1} inner {g + 1}"), axis=0)
            offset = choose_s_offset(inner_probs, beats["y"][inner_mask], beats["w"][inner_mask])
            offsets.append(offset)
            t.log(f"fold {f + 1}: S offset {offset:+.1f} chosen on {a.inner}-fold inner validation")
            probs.append(with_offset(probs[-1], offset))
        db_index = (dbs[beats["record"][test]] == "svdb").astype(int)
        for j, pr in enumerate(probs):
            np.add.at(conf[j], (db_index, beats["y"][test], pr.argmax(axis=1)), beats["w"][test])
    results = {}
    for j in range(len(conf)):
        tag = f"member{j + 1}" if j < members else ("ensemble" if j == members else "ensembleSOffset")
        results[tag] = {"mitdb": t.per_class(conf[j, 0], params.BEAT_LABELS),
                        "svdb": t.per_class(conf[j, 1], params.BEAT_LABELS),
                        "all": t.per_class(conf[j, 0] + conf[j, 1], params.BEAT_LABELS)}
        t.print_classes(f"{tag}, all records:", results[tag]["all"])
    for label in params.BEAT_LABELS:
        se = [100 * results[f"member{j + 1}"]["all"][label]["sensitivity"] for j in range(members)]
        t.log(f"single members {label} Se: min {min(se):.1f}% mean {np.mean(se):.1f}% max {max(se):.1f}%; "
              f"ensemble {100 * results['ensemble']['all'][label]['sensitivity']:.1f}%"
              + (f", with S offset {100 * results['ensembleSOffset']['all'][label]['sensitivity']:.1f}%"
                 if a.s_offset else ""))
    cv = {"members": members, "results": results, "confusion": conf.tolist(), "sOffsets": offsets,
          "recipe": dict(RECIPE)}
    if a.s_offset:
        cv["finalSOffset"] = choose_s_offset(oof, beats["y"], beats["w"])
        t.log(f"S offset for the final ensemble (out-of-fold predictions of all records): {cv['finalSOffset']:+.1f}")
    with open(os.path.join(a.work, "ensemble-metrics.json"), "w") as fh:
        json.dump(cv, fh, indent=1)
    if a.final:
        final(beats, members, a.work, cv, a.ship_s_offset)


if __name__ == "__main__":
    main()
