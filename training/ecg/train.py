#!/usr/bin/python3
"""One seeded command: datasets -> record-wise cross-validation of the beat model (MIT-BIH DS1 + SVDB)
and of the rhythm model (CinC 2017, from scratch vs starting from the beat model's encoder) ->
final models trained on everything, exported to ONNX with golden pairs -> metrics.json, from which
card.py writes the model cards. Every number in the cards is printed here first.

    /usr/bin/python3 training/ecg/train.py              # ~10-15 min of CPU on the 2-core machine
    /usr/bin/python3 training/ecg/card.py               # cards + bundle resources from the work folder
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(REPO, "training", "modelbundle"))
import data  # noqa: E402
import models  # noqa: E402
import params  # noqa: E402
from golden import export_onnx, golden_pair  # noqa: E402

SEED = 20261121
FOLDS = 5
N_TRAIN_PER_RECORD = 100
ECTOPIC_TRAIN_PER_RECORD = 150
BEAT_EPOCHS = 5
RHYTHM_EPOCHS = 30


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


def seed_all(seed):
    np.random.seed(seed)
    torch.manual_seed(seed)


def folds_of(groups, labels, k, rng):
    """Record-wise folds: records (groups) shuffled within their label, dealt round-robin."""
    order = []
    for label in np.unique(labels):
        members = [g for g, l in zip(groups, labels) if l == label]
        rng.shuffle(members)
        order += members
    return {g: i % k for i, g in enumerate(order)}


def train(model, spec, rr, y, epochs, lr, rng, batch=256, template=None, class_emphasis=None, waves=None):
    """class_emphasis: optional factors on the balanced class weights (a variant's knob; None = 1);
    waves: optional (waveforms, usual waveforms) [n][samples] each, for a model with a wave branch."""
    counts = np.bincount(y, minlength=model.head[-1].out_features).astype(np.float64)
    balanced = np.where(counts > 0, counts.sum() / np.maximum(counts, 1) / len(counts), 0)
    if class_emphasis is not None:
        balanced = balanced * np.asarray(class_emphasis)
    loss_fn = nn.CrossEntropyLoss(weight=torch.tensor(balanced, dtype=torch.float32))
    optimiser = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=1e-4)
    spec_t, rr_t, y_t = torch.from_numpy(spec[:, None]), torch.from_numpy(rr), torch.from_numpy(y)
    template_t = None if template is None else torch.from_numpy(template[:, None])
    waves_t = () if waves is None else tuple(torch.from_numpy(w[:, None]) for w in waves)
    for _ in range(epochs):
        model.train()
        order = rng.permutation(len(y))
        for start in range(0, len(order), batch):
            idx = torch.from_numpy(order[start:start + batch])
            optimiser.zero_grad()
            loss = loss_fn(model.logits(spec_t[idx], rr_t[idx], None if template_t is None else template_t[idx],
                                        *(w[idx] for w in waves_t)), y_t[idx])
            loss.backward()
            optimiser.step()
    model.eval()
    return model


def predict(model, spec, rr, batch=2048, template=None, waves=None):
    model.eval()
    out = []
    with torch.no_grad():
        for start in range(0, len(spec), batch):
            extra = {} if template is None else {"template": torch.from_numpy(template[start:start + batch, None])}
            if waves is not None:
                extra.update(zip(("wave", "wave_template"), (torch.from_numpy(w[start:start + batch, None])
                                                             for w in waves)))
            out.append(model(torch.from_numpy(spec[start:start + batch, None]),
                             torch.from_numpy(rr[start:start + batch]), **extra).numpy())
    return np.concatenate(out)


def per_class(confusion, labels):
    """Sensitivity and positive predictivity per class from a (weighted) confusion matrix [true][pred]."""
    out = {}
    for i, label in enumerate(labels):
        tp = confusion[i, i]
        out[label] = {"sensitivity": float(tp / confusion[i].sum()) if confusion[i].sum() else float("nan"),
                      "ppv": float(tp / confusion[:, i].sum()) if confusion[:, i].sum() else float("nan"),
                      "count": float(confusion[i].sum())}
    return out


def print_classes(title, result):
    log(title)
    for label, r in result.items():
        log(f"    {label}: Se {100 * r['sensitivity']:.1f}%  +P {100 * r['ppv']:.1f}%  ({r['count']:.0f} beats)")


def training_subset(beats, records, rng):
    """Per record at most N_TRAIN_PER_RECORD N beats and ECTOPIC_TRAIN_PER_RECORD S and V beats (each),
    and every F beat: keeps a training run within the CPU budget and stops a few records with
    thousands of ectopic beats from dominating."""
    chosen = []
    for r in records:
        idx = np.nonzero(beats["record"] == r)[0]
        for label, cap in ((0, N_TRAIN_PER_RECORD), (1, ECTOPIC_TRAIN_PER_RECORD), (2, ECTOPIC_TRAIN_PER_RECORD),
                           (3, len(idx))):
            members = idx[beats["y"][idx] == label]
            chosen.append(rng.choice(members, size=min(len(members), cap), replace=False))
    return np.sort(np.concatenate(chosen))


def beat_cv(beats, rng):
    names = list(beats["names"])
    dbs = np.array([n.split("/")[0] for n in names])
    fold = folds_of(list(range(len(names))), list(dbs), FOLDS, rng)
    k = len(params.BEAT_LABELS)
    confusion = {"mitdb": np.zeros((k, k)), "svdb": np.zeros((k, k))}
    for f in range(FOLDS):
        test_records = [r for r, v in fold.items() if v == f]
        train_records = [r for r, v in fold.items() if v != f]
        idx = training_subset(beats, train_records, rng)
        model = train(models.SpectrogramRrNet(params.RR_FEATURES, k), beats["spec"][idx], beats["rr"][idx],
                      beats["y"][idx], BEAT_EPOCHS, 1e-3, rng)
        test = np.isin(beats["record"], test_records)
        prediction = predict(model, beats["spec"][test], beats["rr"][test]).argmax(axis=1)
        for t, p, w, r in zip(beats["y"][test], prediction, beats["w"][test], beats["record"][test]):
            confusion[dbs[r]][t, p] += w
        log(f"  beat fold {f + 1}/{FOLDS}: trained on {len(idx)} beats of {len(train_records)} records, "
            f"tested on {test.sum()} beats of {len(test_records)} records")
    results = {db: per_class(c, params.BEAT_LABELS) for db, c in confusion.items()}
    results["all"] = per_class(confusion["mitdb"] + confusion["svdb"], params.BEAT_LABELS)
    for db in ("mitdb", "svdb", "all"):
        print_classes(f"beat CV ({FOLDS}-fold record-wise), {db}:", results[db])
    return results, {db: c.tolist() for db, c in confusion.items()}


def cinc_scores(y_true, y_pred):
    f1 = {}
    for i, label in enumerate(params.RHYTHM_LABELS):
        tp = np.sum((y_true == i) & (y_pred == i))
        denominator = np.sum(y_true == i) + np.sum(y_pred == i)
        f1[label] = float(2 * tp / denominator) if denominator else float("nan")
    return f1, float(np.mean([f1[label] for label in ("N", "A", "O")]))


def rhythm_model(encoder_state):
    model = models.SpectrogramRrNet(params.RHYTHM_FEATURES, len(params.RHYTHM_LABELS))
    if encoder_state is not None:
        model.encoder.load_state_dict(encoder_state)
    return model


def rhythm_cv(rhythm, encoder_state, rng, start):
    names = list(rhythm["names"])
    record_label = np.array([rhythm["y"][rhythm["record"] == r][0] for r in range(len(names))])
    fold = folds_of(list(range(len(names))), list(record_label), FOLDS, rng)
    predictions = np.zeros(len(names), dtype=np.int64)
    for f in range(FOLDS):
        test_records = [r for r, v in fold.items() if v == f]
        train_mask = ~np.isin(rhythm["record"], test_records)
        seed_all(SEED + f)
        model = train(rhythm_model(encoder_state if start == "pretrained" else None), rhythm["spec"][train_mask],
                      rhythm["rr"][train_mask], rhythm["y"][train_mask], RHYTHM_EPOCHS,
                      3e-4 if start == "pretrained" else 1e-3, rng, batch=64)
        for r in test_records:
            windows = rhythm["record"] == r
            predictions[r] = predict(model, rhythm["spec"][windows], rhythm["rr"][windows]).mean(axis=0).argmax()
    f1, cinc = cinc_scores(record_label, predictions)
    log(f"rhythm CV ({FOLDS}-fold record-wise, CinC 2017 A00001-A00200, {start}): F1 "
        + ", ".join(f"{k} {v:.3f}" for k, v in f1.items()) + f"; CinC F1 (mean of N, A, O) {cinc:.3f}")
    return {"f1": f1, "cincF1": cinc}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ecg", default=os.path.join(REPO, "..", "shared", "data", "ecg"))
    p.add_argument("--work", default="/tmp/ictal-ecg-work")
    a = p.parse_args()
    torch.set_num_threads(2)
    seed_all(SEED)
    rng = np.random.default_rng(SEED)
    os.makedirs(a.work, exist_ok=True)
    log("beats (MIT-BIH DS1 + SVDB) ...")
    beats = data.beats(a.ecg, a.work, SEED)
    log(f"  {len(beats['y'])} beats cached, classes {np.bincount(beats['y'], minlength=4)}")
    log("rhythm windows (CinC 2017) ...")
    rhythm = data.rhythm(a.ecg, a.work)
    log(f"  {len(rhythm['y'])} windows of {len(rhythm['names'])} records")

    metrics = {}
    # The beat stage is the expensive one: its CV metrics and final model are kept in the work folder
    # and reused when train.py runs again there (delete them after changing anything the beats use).
    beat_cache = os.path.join(a.work, "beat-stage.pt")
    beat = models.SpectrogramRrNet(params.RR_FEATURES, len(params.BEAT_LABELS))
    if os.path.exists(beat_cache):
        cached = torch.load(beat_cache)
        metrics["beat"], metrics["beatConfusion"] = cached["metrics"], cached["confusion"]
        beat.load_state_dict(cached["state"])
        beat.eval()
        log(f"beat stage reused from {beat_cache}")
    else:
        metrics["beat"], metrics["beatConfusion"] = beat_cv(beats, rng)
        log("final beat model on every record ...")
        seed_all(SEED)
        idx = training_subset(beats, range(len(beats["names"])), rng)
        beat = train(beat, beats["spec"][idx], beats["rr"][idx], beats["y"][idx], BEAT_EPOCHS, 1e-3, rng)
        torch.save({"metrics": metrics["beat"], "confusion": metrics["beatConfusion"], "state": beat.state_dict()},
                   beat_cache)
    rng = np.random.default_rng(SEED + 1)  # the rhythm stage draws the same numbers whether or not beats were reused
    encoder_state = {k: v.clone() for k, v in beat.encoder.state_dict().items()}

    metrics["rhythm"] = {start: rhythm_cv(rhythm, encoder_state, rng, start) for start in ("scratch", "pretrained")}
    chosen = max(("pretrained", "scratch"), key=lambda s: metrics["rhythm"][s]["cincF1"])
    metrics["rhythmChosen"] = chosen
    log(f"rhythm model shipped: {chosen} (higher CV CinC F1)")
    seed_all(SEED)
    rhythm_net = train(rhythm_model(encoder_state if chosen == "pretrained" else None), rhythm["spec"],
                       rhythm["rr"], rhythm["y"], RHYTHM_EPOCHS, 3e-4 if chosen == "pretrained" else 1e-3, rng,
                       batch=64)

    af = data.mitdb_af_windows(a.ecg)
    predicted_af = predict(rhythm_net, af["spec"], af["rr"]).argmax(axis=1) == params.RHYTHM_LABELS.index("A")
    true_af = af["y"] == params.RHYTHM_LABELS.index("A")
    metrics["mitdbAf"] = {"sensitivity": float(predicted_af[true_af].mean()),
                          "specificity": float((~predicted_af[~true_af]).mean()),
                          "afWindows": int(true_af.sum()), "otherWindows": int((~true_af).sum())}
    log(f"cross-database AF check, MIT-BIH 201+203 10 s windows: Se {metrics['mitdbAf']['sensitivity']:.3f}, "
        f"Sp {metrics['mitdbAf']['specificity']:.3f} ({true_af.sum()} AF, {(~true_af).sum()} other windows)")

    rng_golden = np.random.default_rng(SEED)
    for name, net, spec, rr in (("beat", beat, beats["spec"], beats["rr"]), ("rhythm", rhythm_net, rhythm["spec"],
                                                                             rhythm["rr"])):
        pick = rng_golden.choice(len(spec), size=2, replace=False)
        example = {"spectrogram": torch.from_numpy(spec[pick, None]), "rr": torch.from_numpy(rr[pick])}
        export_onnx(net, example, ["probabilities"], os.path.join(a.work, f"{name}.onnx"), opset=13)
        with open(os.path.join(a.work, f"{name}-golden.json"), "w") as f:
            json.dump(golden_pair(net, example, ["probabilities"], tolerance=1e-4), f)
    with open(os.path.join(a.work, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=1)
    log(f"wrote {a.work}/beat.onnx, rhythm.onnx, *-golden.json, metrics.json")


if __name__ == "__main__":
    main()
