#!/usr/bin/python3
"""Window-level evaluation on data the evaluated model never saw; its printed output is the only source
of the card's window-level metrics (written to WORK/metrics-window.json, then card.py builds the card).

- CHB-MIT (chb01, chb02): never in any training set. Each 4-s window is classified per channel
  (23 bipolar channels) and aggregated as the Java detector does (mean of the top-k channels); the
  window's label is its segment's (ictal or pre-ictal).
- Bonn and Delhi: evaluated with the leave-one-dataset-out models (trained without that dataset).

    /usr/bin/python3 training/detector/evaluate.py --work /tmp/ictal-detector-work --model cnn6
"""
import argparse
import json
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import card  # noqa: E402
import data  # noqa: E402
import models  # noqa: E402
import params  # noqa: E402


def predict(model, x, batch=512):
    model.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(x), batch):
            out.append(model(torch.from_numpy(np.asarray(x[i:i + batch])))[0][:, 1].numpy())
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


def load(name, path):
    m = models.CANDIDATES[name]()
    m.load_state_dict(torch.load(path))
    m.eval()
    return m


def chbmit(model, root):
    probabilities, labels, patients = [], [], []
    for patient, _, ictal, x in data.chbmit(root):
        for s in data.window_starts(x.shape[1]):
            images = np.stack([data.image(ch[s:s + data.WINDOW]) for ch in x])
            p = np.sort(predict(model, images))[::-1][:params.TOP_K].mean()
            probabilities.append(p)
            labels.append(1 if ictal else 0)
            patients.append(patient)
    return np.array(probabilities), np.array(labels), np.array(patients)


def single_channel(model, segments, positive):
    probabilities, labels = [], []
    for kind, _, x in segments:
        images = np.stack([data.image(x[s:s + data.WINDOW]) for s in data.window_starts(len(x))])
        p = predict(model, images)
        probabilities += list(p)
        labels += [1 if kind == positive else 0] * len(p)
    return np.array(probabilities), np.array(labels)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--work", default="/tmp/ictal-detector-work")
    p.add_argument("--model", default="cnn6")
    a = p.parse_args(argv)
    torch.set_num_threads(2)
    root = data.shared_root()
    threshold = card.THRESHOLD_ON
    results = []
    shipped = load(a.model, os.path.join(a.work, "detector.pt"))
    prob, lab, patients = chbmit(shipped, root)
    results.append(dict(dataset="CHB-MIT chb01+chb02 (held out: never trained on)", model="shipped",
                        level=f"window, top-{params.TOP_K} of 23 channels", **window_metrics(prob, lab, threshold)))
    for patient in sorted(set(patients)):
        k = patients == patient
        results.append(dict(dataset=f"CHB-MIT {patient} (held out)", model="shipped",
                            level=f"window, top-{params.TOP_K} of 23 channels",
                            **window_metrics(prob[k], lab[k], threshold)))
    for name, loader, positive in (("bonn", data.bonn, "E"), ("delhi", data.delhi, "ictal")):
        path = os.path.join(a.work, f"without-{name}.pt")
        if os.path.exists(path):
            prob, lab = single_channel(load(a.model, path), loader(root), positive)
            results.append(dict(dataset=f"{name.capitalize()} (held out: model trained without it)",
                                model=f"same recipe without {name}", level="window, single channel",
                                **window_metrics(prob, lab, threshold)))
    for r in results:
        print(json.dumps(r))
    with open(os.path.join(a.work, "metrics-window.json"), "w") as f:
        json.dump(results, f, indent=1)
    card.write(a.work)


if __name__ == "__main__":
    main(sys.argv[1:])
