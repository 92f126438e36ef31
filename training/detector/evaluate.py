#!/usr/bin/python3
"""Window-level evaluation on data the evaluated model never saw; its printed output is the only source
of the card's window-level metrics (written to WORK/metrics-window.json, then card.py builds the card).

- CHB-MIT (chb01, chb02): leave-one-patient-out: lopo-chb01.pt was trained without chb01 (with chb02)
  and is tested on chb01, lopo-chb02.pt the reverse; the shipped model, trained on both, is not scored
  on them. Each 4-s window is classified per channel (23 bipolar channels) and aggregated as the Java
  detector does (mean of the top-k channels); the window's label is its segment's (ictal or pre-ictal).
- Bonn and Delhi (no patient ids): leave-one-dataset-out models (trained without that dataset).

    /usr/bin/python3 training/detector/evaluate.py --work /tmp/ictal-detector-work --model cnn6
"""
import argparse
import json
import os
import re
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import card  # noqa: E402
import data  # noqa: E402
import models  # noqa: E402
import params  # noqa: E402


# Window threshold of the window-level metrics. Training samples seizure and background equally (per
# dataset), so 0.5 is the operating point that balanced accuracy asks for; fixed before any evaluation.
THRESHOLD = 0.5


def predict(model, x, batch=512):
    model.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(x), batch):
            out.append(model(torch.as_tensor(x[i:i + batch]))[0][:, 1].numpy())
    return np.concatenate(out) if out else np.zeros(0)


def auroc(p, y):
    """Area under the ROC curve by the rank-sum (ties counted half)."""
    pos, neg = p[y == 1], p[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    ranks = np.empty(len(order))
    values = np.concatenate([pos, neg])[order]
    i = 0
    while i < len(values):  # average ranks of ties
        j = i
        while j + 1 < len(values) and values[j + 1] == values[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return float((ranks[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def window_metrics(p, y, threshold):
    predicted = p >= threshold
    sensitivity = float(np.mean(predicted[y == 1])) if np.any(y == 1) else float("nan")
    specificity = float(np.mean(~predicted[y == 0])) if np.any(y == 0) else float("nan")
    return {"windows": int(len(y)), "seizureWindows": int(np.sum(y == 1)),
            "balancedAccuracy": round((sensitivity + specificity) / 2, 4), "sensitivity": round(sensitivity, 4),
            "specificity": round(specificity, 4), "auroc": round(auroc(p, y), 4)}


# Windows cut from one recording (a CHB-MIT excerpt, a Bonn or Delhi segment) share its patient state,
# electrodes and artifacts, so they are not independent: the interval resamples whole recordings, within
# each class (each recording is ictal or not).
INTERVAL_DRAWS = 2000


def interval(p, y, groups, threshold, unit):
    """The balanced accuracy's 95 % interval as row fields: its bounds and what was resampled."""
    return {"balancedAccuracyInterval95": balanced_accuracy_interval(p, y, groups, threshold),
            "intervalGroups": int(len(np.unique(groups))), "intervalUnit": unit}


def balanced_accuracy_interval(p, y, groups, threshold, seed=0):
    """95 % bootstrap interval of the balanced accuracy over whole groups (recordings), [low, high]."""
    rng = np.random.default_rng(seed)
    correct = (p >= threshold) == (y == 1)
    per_class = []
    for label in (1, 0):
        names = np.unique(groups[y == label])
        hits = np.array([correct[groups == g].sum() for g in names])
        counts = np.array([(groups == g).sum() for g in names])
        picks = rng.integers(0, len(names), size=(INTERVAL_DRAWS, len(names)))
        per_class.append(hits[picks].sum(axis=1) / counts[picks].sum(axis=1))
    balanced = (per_class[0] + per_class[1]) / 2
    return [round(float(np.percentile(balanced, 2.5)), 4), round(float(np.percentile(balanced, 97.5)), 4)]


def load(name, path):
    m = models.CANDIDATES[name]()
    m.load_state_dict(torch.load(path))
    m.eval()
    return m


def recording_probability(p):
    """[windows, channels] channel probabilities -> each window's recording-level probability, as the
    detector aggregates them (SeizureDetector.recordingProbability): the mean of the TOP_K most seizure-like
    channels, or MEDIAN_CHANNEL_GAIN times the median channel (capped at 1) where that is higher; the median
    only with at least params.BREADTH_CHANNELS channels."""
    top = np.sort(p, axis=1)[:, ::-1][:, :params.TOP_K].mean(axis=1)
    if p.shape[1] < params.BREADTH_CHANNELS:
        return top
    return np.maximum(top, np.minimum(1.0, params.MEDIAN_CHANNEL_GAIN * np.median(p, axis=1)))


AGGREGATION = (f"window, top-{params.TOP_K} of 23 channels" if not params.MEDIAN_CHANNEL_GAIN else
               f"window, top-{params.TOP_K} mean or {params.MEDIAN_CHANNEL_GAIN:g} x median of 23 channels")


def chbmit(model, ds, patient):
    """Recording-level probability of each CHB-MIT window of one patient (recording_probability)."""
    k = ds["bag_patient"] == patient
    bags = ds["bags"][k]
    p = predict(model, data.images_from_decibels(bags.reshape(-1, *bags.shape[2:]))).reshape(len(bags), -1)
    return recording_probability(p), ds["bag_y"][k], ds["bag_file"][k]


def single_channel(model, ds, source):
    k = ds["source"] == source
    return predict(model, data.images_from_decibels(ds["x"][k])), ds["y"][k], ds["segment"][k]


def rows(work, name, threshold):
    """Window-level metrics of every held-out model on its held-out data, at one threshold."""
    import train  # noqa: E402 (its dataset cache and the held-out recipes)
    ds = train.build(work)
    out = []
    chb_p, chb_y, chb_files = [], [], []
    for path, _, trained_on in train.HELD_OUT:
        if path.startswith("lopo-") and os.path.exists(os.path.join(work, path)):
            patient = path[len("lopo-"):-len(".pt")]
            assert patient not in trained_on
            prob, lab, files = chbmit(load(name, os.path.join(work, path)), ds, patient)
            chb_p.append(prob)
            chb_y.append(lab)
            chb_files.append(files)
            out.append(dict(dataset=f"CHB-MIT {patient} (held out: model trained on {', '.join(trained_on)})",
                            model=path, level=AGGREGATION,
                            threshold=threshold, **window_metrics(prob, lab, threshold),
                            **interval(prob, lab, files, threshold, "excerpts")))
    if len(chb_p) == 2:
        pooled = np.concatenate(chb_p), np.concatenate(chb_y), np.concatenate(chb_files)
        out.insert(0, dict(dataset="CHB-MIT chb01+chb02 (leave-one-patient-out, pooled)", model="lopo-*.pt",
                           level=AGGREGATION, threshold=threshold,
                           **window_metrics(*pooled[:2], threshold), **interval(*pooled, threshold, "excerpts")))
    for path, source, _ in train.HELD_OUT:
        if source is not None and os.path.exists(os.path.join(work, path)):
            dataset = ("Bonn", "Delhi")[source]
            prob, lab, segments = single_channel(load(name, os.path.join(work, path)), ds, source)
            out.append(dict(dataset=f"{dataset} (held out: model trained without it)", model=path,
                            level="window, single channel", threshold=threshold,
                            **window_metrics(prob, lab, threshold),
                            **interval(prob, lab, segments, threshold, "segments")))
    return out


def main(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--work", default="/tmp/ictal-detector-work")
    p.add_argument("--model", default="cnn6")
    p.add_argument("--held-out-only", action="store_true", help="print only; leave the card alone")
    p.add_argument("--variant", default="", help="with --held-out-only: also keep the rows as a recipe variant "
                   "of --card-work (listed in RESULTS.md)")
    p.add_argument("--card-work", default="/tmp/ictal-detector-work")
    a = p.parse_args(argv)
    torch.set_num_threads(2)
    # At the fixed window threshold, and at the event start threshold for comparison.
    results = rows(a.work, a.model, THRESHOLD) + rows(a.work, a.model, card.THRESHOLD_ON)
    for r in results:
        print(json.dumps(r))
    if a.held_out_only:
        if a.variant:
            os.makedirs(os.path.join(a.card_work, "variants"), exist_ok=True)
            with open(os.path.join(a.card_work, "variants", re.sub(r"[^A-Za-z0-9]+", "-", a.variant) + ".json"), "w") as f:
                json.dump({"variant": a.variant, "rows": results}, f, indent=1)
        return
    with open(os.path.join(a.work, "metrics-window.json"), "w") as f:
        json.dump(results, f, indent=1)
    card.write(a.work)


if __name__ == "__main__":
    main(sys.argv[1:])
