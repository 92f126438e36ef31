#!/usr/bin/python3
"""One seeded command: data -> comparison of two CNNs -> the chosen one trained, exported (ONNX with a
class-activation map output), its card written with window-level metrics from evaluate.py.

    /usr/bin/python3 training/detector/train.py            # ~15 min on the 2-core machine

Needs the simulator jar (mvn -B -f bundles/io.ictal.simulator/pom.xml install) and ../shared/data/eeg.
Event-level metrics come afterwards from evaluate_events.py (it runs the Java detector).
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
import evaluate  # noqa: E402
import models  # noqa: E402
import params  # noqa: E402
from golden import export_onnx, golden_pair  # noqa: E402

SEED = 20261121
TRAIN_SIM_SEEDS = range(101, 113)   # 12 simulated hours for training
VAL_SIM_SEEDS = range(201, 204)     # 3 for choosing the architecture; event-level tests use 900+
BUNDLE = os.path.join(REPO, "bundles", "io.ictal.model.seizure.cnn", "src", "main", "resources", "model")


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


def build(work):
    """Training and validation tensors (cached in work/)."""
    cache = os.path.join(work, "dataset.npz")
    if os.path.exists(cache):
        z = np.load(cache)
        return {k: z[k] for k in z.files}
    rng = np.random.default_rng(SEED)
    root = data.shared_root()
    images, labels, source = [], [], []
    for letter, _, x in data.bonn(root):
        for s in data.window_starts(len(x)):
            images.append(data.image(x[s:s + data.WINDOW]))
            labels.append(1 if letter == "E" else 0)
            source.append(0)
    log("bonn", len(images))
    for kind, _, x in data.delhi(root):
        for s in data.window_starts(len(x)):
            images.append(data.image(x[s:s + data.WINDOW]))
            labels.append(1 if kind == "ictal" else 0)
            source.append(1)
    log("bonn+delhi", len(images))
    for seed in TRAIN_SIM_SEEDS:
        path, truth = data.simulate(os.path.join(work, "sim"), seed, 1, 5)
        im, lab = data.simulated_windows(path, truth, rng, background_per_hour=1500)
        images += im
        labels += lab
        source += [2] * len(im)
    log("train total", len(images), "positives", sum(labels))
    val_images, val_labels = [], []
    for seed in VAL_SIM_SEEDS:
        path, truth = data.simulate(os.path.join(work, "sim"), seed, 1, 5)
        im, lab = data.simulated_windows(path, truth, rng, background_per_hour=1500)
        val_images += im
        val_labels += lab
    out = {"x": np.stack(images), "y": np.array(labels), "source": np.array(source),
           "vx": np.stack(val_images), "vy": np.array(val_labels)}
    np.savez(cache, **out)
    return out


def train(name, ds, epochs):
    torch.manual_seed(SEED)
    model = models.CANDIDATES[name]()
    x = torch.from_numpy(ds["x"])
    y = torch.from_numpy(ds["y"]).long()
    # Balance classes and sources: each (source, label) group gets the same total weight.
    groups = ds["source"] * 2 + ds["y"]
    counts = np.maximum(np.bincount(groups, minlength=6), 1).astype(float)
    weights = torch.from_numpy(1 / counts[groups])
    sampler = torch.utils.data.WeightedRandomSampler(weights, num_samples=len(y), replacement=True,
                                                     generator=torch.Generator().manual_seed(SEED))
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=128, sampler=sampler)
    optimiser = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=3e-3, total_steps=epochs * len(loader))
    loss_fn = nn.NLLLoss()
    for epoch in range(epochs):
        model.train()
        total, started = 0.0, time.time()
        for xb, yb in loader:
            # Small gain jitter in the image domain would change colours non-linearly; instead flip time.
            if torch.rand(1).item() < 0.5:
                xb = torch.flip(xb, dims=[3])
            probabilities, _ = model(xb)
            loss = loss_fn(torch.log(probabilities + 1e-7), yb)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += loss.item() * len(yb)
        log(f"{name} epoch {epoch + 1}/{epochs} loss {total / len(y):.4f} ({time.time() - started:.0f} s)")
    model.eval()
    return model


def cpu_ms_per_image(model):
    x = torch.randn(256, 3, 32, 16)
    with torch.no_grad():
        model(x)
        started = time.time()
        for _ in range(3):
            model(x)
    return (time.time() - started) / (3 * 256) * 1000


def main(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--work", default="/tmp/ictal-detector-work", help="cache of data and simulated recordings")
    p.add_argument("--epochs", type=int, default=8)
    p.add_argument("--compare-epochs", type=int, default=3)
    p.add_argument("--loo-epochs", type=int, default=4, help="epochs of the leave-one-dataset-out models")
    p.add_argument("--resume-after-export", action="store_true",
                   help="skip to the leave-one-dataset-out models and the evaluation (the export exists in --work)")
    a = p.parse_args(argv)
    torch.set_num_threads(2)
    np.random.seed(SEED)
    os.makedirs(a.work, exist_ok=True)
    ds = build(a.work)
    log("data", ds["x"].shape, "val", ds["vx"].shape)
    if not a.resume_after_export:
        export(ds, a)
    with open(os.path.join(a.work, "training.json")) as f:
        chosen = json.load(f)["chosen"]
    # Leave-one-dataset-out: the same recipe without Bonn, then without Delhi, tested on the one left out.
    for held_out, source in (("bonn", 0), ("delhi", 1)):
        keep = ds["source"] != source
        subset = {"x": ds["x"][keep], "y": ds["y"][keep], "source": ds["source"][keep]}
        torch.save(train(chosen, subset, a.loo_epochs).state_dict(), os.path.join(a.work, f"without-{held_out}.pt"))
    evaluate.main(["--work", a.work, "--model", chosen])


def export(ds, a):
    """Compares the candidates, trains the chosen one and exports it with its golden pair."""
    comparison = []
    for name in models.CANDIDATES:
        m = train(name, ds, a.compare_epochs)
        val = evaluate.window_metrics(evaluate.predict(m, ds["vx"]), ds["vy"], 0.5)
        comparison.append({"model": name, "parameters": models.parameters(m), "multiplyAdds": models.multiply_adds(m),
                           "cpuMsPerImage": round(cpu_ms_per_image(m), 3), "epochs": a.compare_epochs,
                           "validation": val})
        log(name, comparison[-1])
    # The cheaper model wins unless the other is clearly (> 1 point) better on validation.
    cheap, other = sorted(comparison, key=lambda c: c["multiplyAdds"])
    chosen = other if other["validation"]["balancedAccuracy"] > cheap["validation"]["balancedAccuracy"] + 0.01 else cheap
    log("chosen", chosen["model"])
    model = train(chosen["model"], ds, a.epochs)
    os.makedirs(BUNDLE, exist_ok=True)
    onnx_path = os.path.join(BUNDLE, "detector.onnx")
    pick = [int(np.flatnonzero(ds["y"] == 1)[0]), int(np.flatnonzero(ds["y"] == 0)[0])]
    example = {"image": torch.from_numpy(ds["x"][pick])}
    export_onnx(model, example, ["probabilities", "cam"], onnx_path, opset=13)
    golden = golden_pair(model, example, ["probabilities", "cam"], tolerance=1e-3)
    torch.save(model.state_dict(), os.path.join(a.work, "detector.pt"))
    with open(os.path.join(a.work, "training.json"), "w") as f:
        json.dump({"comparison": comparison, "chosen": chosen["model"], "epochs": a.epochs, "seed": SEED,
                   "trainWindows": int(len(ds["y"])), "trainPositives": int(ds["y"].sum()),
                   "looEpochs": a.loo_epochs, "trainSimSeeds": list(TRAIN_SIM_SEEDS),
                   "valSimSeeds": list(VAL_SIM_SEEDS)}, f, indent=1)
    with open(os.path.join(a.work, "golden.json"), "w") as f:
        json.dump(golden, f)
    log("exported", onnx_path)


if __name__ == "__main__":
    main(sys.argv[1:])
