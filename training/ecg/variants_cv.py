#!/usr/bin/python3
"""A beat-recipe variant against seed noise: the record-wise 5-fold CV of train.py (same folds), each fold
trained once per seed (the seeds of ensemble_cv.py's members 1..K: training subset, initialisation and
batch order), per-class Se of every seed, their mean and min-max, and the seeds' softmax averaged
(an ensemble). Out-of-fold probabilities go to <work>/variant-<tag>.npz for per-record analysis.

    nice -n 10 /usr/bin/python3 training/ecg/variants_cv.py --seeds 3                 # the recipe as shipped
    nice -n 10 /usr/bin/python3 training/ecg/variants_cv.py --seeds 3 --template       # + usual-beat input
    nice -n 10 /usr/bin/python3 training/ecg/variants_cv.py --seeds 3 --s-emphasis 2   # S loss weight x2
    nice -n 10 /usr/bin/python3 training/ecg/variants_cv.py --seeds 3 --template --s-emphasis 2 --rate-baseline
    nice -n 10 /usr/bin/python3 training/ecg/variants_cv.py --seeds 3 --template --s-emphasis 2 --waveform
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
import data  # noqa: E402
import models  # noqa: E402
import params  # noqa: E402
import train as t  # noqa: E402


def tag_of(a):
    parts = ["template" if a.template else "base"]
    if a.rate_baseline:
        parts.append("rate")
    if a.waveform:
        parts.append("wave")
    if a.wave_centre != "reference":
        parts.append(a.wave_centre)
    if a.spec_centre != "reference":
        parts.append("spec" + a.spec_centre)
    if a.s_emphasis != 1:
        parts.append(f"s{a.s_emphasis:g}")
    if a.s_cap != t.ECTOPIC_TRAIN_PER_RECORD:
        parts.append(f"scap{a.s_cap}")
    if a.epochs != t.BEAT_EPOCHS:
        parts.append(f"ep{a.epochs}")
    if a.first_seed != 1:
        parts.append(f"seeds{a.first_seed}-{a.first_seed + a.seeds - 1}")
    return "-".join(parts)


def subset(beats, records, rng, s_cap):
    """train.training_subset with its own S cap (the same draws when s_cap is train.py's)."""
    if s_cap == t.ECTOPIC_TRAIN_PER_RECORD:
        return t.training_subset(beats, records, rng)
    chosen = []
    for r in records:
        idx = np.nonzero(beats["record"] == r)[0]
        for label, cap in ((0, t.N_TRAIN_PER_RECORD), (1, s_cap), (2, t.ECTOPIC_TRAIN_PER_RECORD), (3, len(idx))):
            members = idx[beats["y"][idx] == label]
            chosen.append(rng.choice(members, size=min(len(members), cap), replace=False))
    return np.sort(np.concatenate(chosen))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ecg", default=os.path.join(t.REPO, "..", "shared", "data", "ecg"))
    p.add_argument("--work", default="/tmp/ictal-ecg-work")
    p.add_argument("--seeds", type=int, default=3)
    p.add_argument("--first-seed", type=int, default=1, help="seeds first..first+seeds-1 (another draw of K)")
    p.add_argument("--template", action="store_true", help="the record's usual beat as a second input")
    p.add_argument("--s-emphasis", type=float, default=1.0, help="factor on the S class's loss weight")
    p.add_argument("--s-cap", type=int, default=t.ECTOPIC_TRAIN_PER_RECORD, help="S training beats per record")
    p.add_argument("--rate-baseline", action="store_true",
                   help="+ pre and local RR over the patient's 20-minute baseline RR (features.rate_baseline)")
    p.add_argument("--waveform", action="store_true",
                   help="+ the beat's waveform and its usual waveform (features.beat_waveform, models.WaveEncoder)")
    p.add_argument("--wave-centre", choices=("reference", "detected", "testdetected"), default="reference",
                   help="with --waveform: waveforms cut around the reference beats, around the Pan-Tompkins peaks "
                        "(as io.ictal.ecg would), or training beats' around the reference and test beats' around "
                        "the detected ones")
    p.add_argument("--spec-centre", choices=("reference", "detected", "testdetected"), default="reference",
                   help="the beat spectrograms (and their usual beats) centred as --wave-centre says")
    p.add_argument("--epochs", type=int, default=t.BEAT_EPOCHS)
    p.add_argument("--threads", type=int, default=2, help="torch threads (1: two variants side by side)")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    tag = tag_of(a)
    beats = data.beats(a.ecg, a.work, t.SEED)
    if a.rate_baseline:
        beats["rr"] = np.concatenate([beats["rr"], data.rate_features(a.ecg, a.work, t.SEED, beats)], axis=1)
    waves = test_waves = None
    if a.waveform:
        waves = data.beat_inputs(a.ecg, a.work, t.SEED, beats, "waveform", detected=a.wave_centre == "detected")
        test_waves = (data.beat_inputs(a.ecg, a.work, t.SEED, beats, "waveform", detected=True)
                      if a.wave_centre == "testdetected" else waves)
    names = list(beats["names"])
    dbs = np.array([n.split("/")[0] for n in names])
    fold = t.folds_of(list(range(len(names))), list(dbs), t.FOLDS, np.random.default_rng(t.SEED))
    k = len(params.BEAT_LABELS)
    emphasis = [1.0] * k
    emphasis[params.BEAT_LABELS.index("S")] = a.s_emphasis
    oof = np.zeros((a.seeds, len(beats["y"]), k), dtype=np.float32)
    spec = test_spec = beats["spec"]
    template = test_template = beats["template"] if a.template else None
    if a.spec_centre != "reference":
        test_spec, detected_template = data.beat_inputs(a.ecg, a.work, t.SEED, beats, "spectrogram", detected=True)
        test_template = detected_template if a.template else None
        if a.spec_centre == "detected":
            spec, template = test_spec, test_template
    for f in range(t.FOLDS):
        test_records = [r for r, v in fold.items() if v == f]
        train_records = [r for r, v in fold.items() if v != f]
        test = np.isin(beats["record"], test_records)
        for m in range(a.seeds):
            seed = t.SEED + f + 1000 * (m + a.first_seed)
            t.seed_all(seed)
            rng = np.random.default_rng(seed)
            start = time.time()
            idx = subset(beats, train_records, rng, a.s_cap)
            model = t.train(models.SpectrogramRrNet(beats["rr"].shape[1], k, template=a.template,
                                                    wave_samples=0 if waves is None else waves[0].shape[1]),
                            spec[idx], beats["rr"][idx], beats["y"][idx], a.epochs, 1e-3, rng,
                            template=None if template is None else template[idx], class_emphasis=emphasis,
                            waves=None if waves is None else tuple(w[idx] for w in waves))
            oof[m, test] = t.predict(model, test_spec[test], beats["rr"][test],
                                     template=None if test_template is None else test_template[test],
                                     waves=None if waves is None else tuple(w[test] for w in test_waves))
            t.log(f"{tag} fold {f + 1} seed {m + 1}: {len(idx)} training beats, {time.time() - start:.0f} s")
    np.savez_compressed(os.path.join(a.work, f"variant-{tag}.npz"), oof=oof)
    y, w = beats["y"], beats["w"]
    results = {}
    for j in range(a.seeds + 1):
        probs = oof[j] if j < a.seeds else oof.mean(axis=0)
        conf = np.zeros((k, k))
        np.add.at(conf, (y, probs.argmax(axis=1)), w)
        results[f"seed{j + 1}" if j < a.seeds else "ensemble"] = t.per_class(conf, params.BEAT_LABELS)
    summary = {}
    for label in params.BEAT_LABELS:
        se = [100 * results[f"seed{j + 1}"][label]["sensitivity"] for j in range(a.seeds)]
        ppv = [100 * results[f"seed{j + 1}"][label]["ppv"] for j in range(a.seeds)]
        summary[label] = {"mean": float(np.mean(se)), "min": float(min(se)), "max": float(max(se)),
                          "ppvMean": float(np.mean(ppv)),
                          "ensemble": 100 * results["ensemble"][label]["sensitivity"]}
        t.log(f"{tag} {label} Se over {a.seeds} seeds: mean {np.mean(se):.1f}% (min {min(se):.1f}, max {max(se):.1f}; "
              + ", ".join(f"{v:.1f}" for v in se) + f"), +P mean {np.mean(ppv):.1f}%; "
              f"ensemble of the seeds {summary[label]['ensemble']:.1f}%")
    with open(os.path.join(a.work, f"variant-{tag}.json"), "w") as fh:
        json.dump({"tag": tag, "args": vars(a), "results": results, "summary": summary}, fh, indent=1)


if __name__ == "__main__":
    main()
