#!/usr/bin/python3
"""One command: data (TUSZ format; simulated when --data is not given), multi-spectral features,
seizure-wise and patient-wise k-fold evaluation of the teacher ensemble and the distilled student
(weighted F1 as in SeizureNet), the shipped teacher and student trained on everything, ONNX export,
golden pair, speed and size, the sanity check on real ictal EEG, then card.py writes the card and
RESULTS.md from what this run printed to --work.

    /usr/bin/python3 training/seizure_type/train.py [--data TUSZ_DIR] [--work DIR] [--folds 5] [--epochs 10]
        [--student-epochs 25]
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "modelbundle"))
import golden  # noqa: E402

import card  # noqa: E402
import config  # noqa: E402
import features  # noqa: E402
import models  # noqa: E402
import sanity  # noqa: E402
import simulate_tusz  # noqa: E402
import tusz  # noqa: E402

SEED = 9
PATIENTS = 32
SEIZURES_PER_PATIENT = 8
TEMPERATURE = 4.0  # distillation temperature (Hinton et al. 2015)
DISTIL_WEIGHT = 0.7  # share of the soft-label loss in the student's loss
BATCH = 32
GOLDEN_CHANNELS = 8


def compact(pair):
    """A golden pair with float32 values written with 9 significant digits (exact for float32)."""
    for group in ("inputs", "outputs"):
        for tensor in pair[group].values():
            tensor["data"] = [float(f"{v:.9g}") for v in tensor["data"]]
    return pair


def load(data_dir):
    """Every typed event of the folder: stacks at the evaluated onset and the training shifts."""
    X, crops, y, patient, where = [], [], [], [], []
    skipped = 0
    for pid, edf_path, csv_path in tusz.recordings(data_dir):
        events = tusz.events(csv_path)
        if not events:
            continue
        names, rates, data = tusz.read_eeg(edf_path)
        seconds = min(len(x) / r for x, r in zip(data, rates))
        for start, stop, label, _ in events:
            if seconds < config.WINDOW_SECONDS:
                skipped += 1
                continue
            X.append(features.stack(rates, data, features.window_start(start, seconds)))
            crops.append([features.stack(rates, data, features.window_start(max(0, start + s), seconds))
                          for s in config.TRAIN_ONSET_SHIFTS])
            y.append(config.TYPES.index(label))
            patient.append(pid)
            where.append(f"{os.path.relpath(edf_path, data_dir)}@{start:.1f}")
    channels = {x.shape[0] for x in X}
    if len(channels) != 1:
        raise SystemExit(f"recordings have different numbers of EEG channels {sorted(channels)}; this trainer "
                         "batches events of one channel count")
    return (np.stack(X), np.stack([np.stack(c) for c in crops]), np.array(y), np.array(patient), where, skipped)


def batches(n, rng):
    order = rng.permutation(n)
    return [order[i:i + BATCH] for i in range(0, n, BATCH)]


def train_teacher(crops, y, epochs, seed):
    torch.manual_seed(seed)
    teacher = models.Teacher()
    rng = np.random.default_rng(seed)
    xs = torch.from_numpy(crops.reshape((-1,) + crops.shape[2:]))
    ys = torch.from_numpy(np.repeat(y, crops.shape[1]))
    for member in teacher.members:
        optimiser = torch.optim.Adam(member.parameters(), lr=2e-3, weight_decay=1e-4)
        member.train()
        for _ in range(epochs):
            for idx in batches(len(ys), rng):
                optimiser.zero_grad()
                F.cross_entropy(member(xs[idx]), ys[idx]).backward()
                optimiser.step()
    teacher.eval()
    return teacher


def train_student(teacher, crops, y, epochs, seed):
    torch.manual_seed(seed)
    student = models.Student()
    rng = np.random.default_rng(seed + 1)
    xs = torch.from_numpy(crops.reshape((-1,) + crops.shape[2:]))
    ys = torch.from_numpy(np.repeat(y, crops.shape[1]))
    with torch.no_grad():
        soft = torch.cat([teacher(xs[i:i + 256]) for i in range(0, len(xs), 256)])
    # the teacher's probabilities softened at the distillation temperature
    soft_t = soft.clamp_min(1e-8) ** (1 / TEMPERATURE)
    soft_t = soft_t / soft_t.sum(1, keepdim=True)
    optimiser = torch.optim.Adam(student.parameters(), lr=3e-3, weight_decay=1e-4)
    student.train()
    for _ in range(epochs):
        for idx in batches(len(ys), rng):
            optimiser.zero_grad()
            logits = student.logits(xs[idx])
            distil = F.kl_div(F.log_softmax(logits / TEMPERATURE, 1), soft_t[idx], reduction="batchmean")
            loss = DISTIL_WEIGHT * TEMPERATURE ** 2 * distil + (1 - DISTIL_WEIGHT) * F.cross_entropy(logits, ys[idx])
            loss.backward()
            optimiser.step()
    student.eval()
    return student


def predict(model, X):
    with torch.no_grad():
        return torch.cat([model(torch.from_numpy(X[i:i + 128])) for i in range(0, len(X), 128)]).numpy()


def f1_report(y_true, y_pred):
    """Per-class precision, recall, F1, support and the support-weighted F1 (as sklearn's 'weighted')."""
    rows = {}
    for k, name in enumerate(config.TYPES):
        tp = int(np.sum((y_pred == k) & (y_true == k)))
        fp = int(np.sum((y_pred == k) & (y_true != k)))
        fn = int(np.sum((y_pred != k) & (y_true == k)))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        rows[name] = {"precision": round(p, 4), "recall": round(r, 4),
                      "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "support": tp + fn}
    total = sum(v["support"] for v in rows.values())
    weighted = sum(v["f1"] * v["support"] for v in rows.values()) / total if total else 0.0
    return weighted, rows


def folds_seizure_wise(y, k, rng):
    """Events dealt to k folds per class (stratified), patients ignored: SeizureNet's seizure-wise split."""
    fold = np.zeros(len(y), dtype=int)
    for c in np.unique(y):
        idx = rng.permutation(np.flatnonzero(y == c))
        fold[idx] = np.arange(len(idx)) % k
    return fold


def folds_patient_wise(patient, k, rng):
    """Patients dealt to k folds (a patient's events all in one fold): SeizureNet's patient-wise split."""
    ids = rng.permutation(np.unique(patient))
    of = {p: i % k for i, p in enumerate(ids)}
    return np.array([of[p] for p in patient])


def cross_validate(name, fold, X, crops, y, epochs, student_epochs):
    k = int(fold.max()) + 1
    out = {"teacher": np.zeros((len(y), len(config.TYPES))), "student": np.zeros((len(y), len(config.TYPES)))}
    per_fold = {"teacher": [], "student": []}
    for f in range(k):
        started = time.time()
        train, test = fold != f, fold == f
        teacher = train_teacher(crops[train], y[train], epochs, SEED + f)
        student = train_student(teacher, crops[train], y[train], student_epochs, SEED + 100 + f)
        for label, model in (("teacher", teacher), ("student", student)):
            p = predict(model, X[test])
            out[label][test] = p
            per_fold[label].append(f1_report(y[test], p.argmax(1))[0])
        print(f"{name} fold {f + 1}/{k}: {int(test.sum())} test events, weighted F1 teacher "
              f"{per_fold['teacher'][-1]:.3f} student {per_fold['student'][-1]:.3f} ({time.time() - started:.0f} s)",
              flush=True)
    result = {}
    for label in ("teacher", "student"):
        pooled, rows = f1_report(y, out[label].argmax(1))
        confusion = np.zeros((len(config.TYPES), len(config.TYPES)), dtype=int)
        for t, p in zip(y, out[label].argmax(1)):
            confusion[t, p] += 1
        result[label] = {"weightedF1Mean": round(float(np.mean(per_fold[label])), 4),
                         "weightedF1Std": round(float(np.std(per_fold[label])), 4),
                         "weightedF1Pooled": round(pooled, 4), "perClass": rows,
                         "confusion": confusion.tolist(), "folds": k}
    return result


def cpu_ms_per_event(model, x, repeats=50):
    torch.set_num_threads(1)
    with torch.no_grad():
        for _ in range(5):
            model(x)
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            model(x)
            times.append((time.perf_counter() - started) * 1000)
    torch.set_num_threads(2)
    return round(float(np.median(times)), 3)


def export(model, path, example):
    torch.onnx.export(model, (example,), path, input_names=["stack"], output_names=["probabilities"],
                      dynamic_axes={"stack": {0: "batch", 1: "channels"}, "probabilities": {0: "batch"}},
                      opset_version=13)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="TUSZ-format folder (EDF + .csv); default: simulate one into --work")
    parser.add_argument("--work", default="/tmp/ictal-seizure-type-work")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=10, help="epochs of each teacher sub-network")
    parser.add_argument("--student-epochs", type=int, default=25, help="epochs of the student's distillation")
    parser.add_argument("--patients", type=int, default=PATIENTS, help="simulated patients (without --data)")
    args = parser.parse_args()
    torch.set_num_threads(2)
    os.makedirs(args.work, exist_ok=True)
    started = time.time()
    simulated = args.data is None
    data_dir = args.data or os.path.join(args.work, "tusz")
    if simulated and not os.path.isdir(data_dir):
        simulate_tusz.main(data_dir, args.patients, SEIZURES_PER_PATIENT, SEED)
    X, crops, y, patient, where, skipped = load(data_dir)
    counts = {t: int(np.sum(y == i)) for i, t in enumerate(config.TYPES)}
    print(f"{len(y)} events of {len(np.unique(patient))} patients {counts}, {X.shape[1]} EEG channels, "
          f"{skipped} skipped (recording shorter than {config.WINDOW_SECONDS} s) ({time.time() - started:.0f} s)",
          flush=True)
    rng = np.random.default_rng(SEED)
    evaluation = {
        "seizureWise": cross_validate("seizure-wise", folds_seizure_wise(y, args.folds, rng), X, crops, y, args.epochs,
                                      args.student_epochs),
        "patientWise": cross_validate("patient-wise", folds_patient_wise(patient, args.folds, rng), X, crops, y,
                                      args.epochs, args.student_epochs),
    }
    teacher = train_teacher(crops, y, args.epochs, SEED)
    student = train_student(teacher, crops, y, args.student_epochs, SEED + 100)
    out_dir = os.path.join(args.work, "export")
    os.makedirs(out_dir, exist_ok=True)
    example = torch.from_numpy(X[:1])
    sizes = {}
    for name, model in (("teacher", teacher), ("student", student)):
        path = os.path.join(out_dir, f"seizure-type-{name}.onnx")
        export(model, path, example)
        sizes[name] = {"parameters": models.parameters(model), "onnxBytes": os.path.getsize(path),
                       "cpuMsPerEvent": cpu_ms_per_event(model, example)}
    torch.save({"teacher": teacher.state_dict(), "student": student.state_dict()}, os.path.join(out_dir, "state.pt"))
    # golden pair: the first absence and tonic-clonic events, GOLDEN_CHANNELS of their channels (any number
    # of channels is a valid input; fewer keep the card small), values rounded to float32 precision
    first = [int(np.flatnonzero(y == c)[0]) for c in (config.TYPES.index("ABSZ"), config.TYPES.index("TCSZ"))]
    example_pair = torch.from_numpy(X[first][:, :GOLDEN_CHANNELS].copy())
    pair = {name: compact(golden.golden_pair(model, {"stack": example_pair}, ["probabilities"]))
            for name, model in (("teacher", teacher), ("student", student))}
    real = sanity.run(student)
    summary = {"data": os.path.abspath(data_dir), "simulated": simulated, "seed": SEED,
               "patients": int(len(np.unique(patient))), "events": int(len(y)), "perType": counts,
               "channels": int(X.shape[1]), "epochs": args.epochs, "studentEpochs": args.student_epochs, "trainShifts": config.TRAIN_ONSET_SHIFTS,
               "evaluation": evaluation, "models": sizes, "sanity": real,
               "trainingSeconds": round(time.time() - started)}
    with open(os.path.join(args.work, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    with open(os.path.join(args.work, "golden.json"), "w") as f:
        json.dump(pair, f)
    print(json.dumps({k: v for k, v in summary.items() if k not in ("evaluation",)}, indent=1))
    for scheme, r in evaluation.items():
        for label in ("teacher", "student"):
            print(f"{scheme} {label}: weighted F1 {r[label]['weightedF1Mean']} +- {r[label]['weightedF1Std']} "
                  f"(pooled {r[label]['weightedF1Pooled']})")
    card.write(args.work)


if __name__ == "__main__":
    main()
