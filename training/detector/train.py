#!/usr/bin/python3
"""One seeded command: data -> comparison of two CNNs -> the chosen one trained, exported (ONNX with a
class-activation map output), its card written with window-level metrics from evaluate.py.

    /usr/bin/python3 training/detector/train.py   # ~40 min on the shared 2-core machine at load ~9 (7 models)

Needs the simulator jar (mvn -B -f bundles/io.ictal.simulator/pom.xml install) and ../shared/data/eeg.
Event-level metrics come afterwards from evaluate_events.py (it runs the Java detector).
"""
import argparse
import json
import os
import re
import sys
import time

import numpy as np
import torch
from torch.nn import functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(REPO, "training", "modelbundle"))
import data  # noqa: E402
import evaluate  # noqa: E402
import models  # noqa: E402
import params  # noqa: E402
import simulated  # noqa: E402
from golden import export_onnx, golden_pair  # noqa: E402

SEED = 20261121          # the data: which simulated background windows are drawn
# The training seed (initialisation, draws) of the shipped model and of its held-out models in the card:
# chosen by choose_seed.py among 20261121 and 1-6 on the simulated validation hours (README, sessions 6, 7, 9).
TRAIN_SEED = 20261121
TRAIN_SIM_SEEDS = range(101, 125)   # 24 simulated hours for training (12 until 2.1.0: README, session 9)
VAL_SIM_SEEDS = range(201, 204)     # 3 for choosing the architecture; event-level tests use 900+
COMPARE_SEEDS = (SEED, 1, 2)        # training seeds of the architecture comparison (its mean decides)
# What the cached windows (dataset-db.npz) were cut by: a cache of another version is refused, not reused.
LABELLING = (f"hours {TRAIN_SIM_SEEDS.start}-{TRAIN_SIM_SEEDS.stop - 1}, seizure per window, "
             "generalised on every involved channel")
BATCH = 128              # single-channel windows per step
BAGS_PER_STEP = 4        # CHB-MIT recording windows (23 channels each) per step
BAG_WEIGHT = 1.0         # their loss beside the single-channel one
EPOCHS = 5
EPOCH_WINDOWS = 8192     # single-channel windows drawn per epoch (with replacement, groups balanced)
# SimulatorMain options of the simulated training and validation hours (recipe variants: --sim-options).
# The simulator's default person with simulated.TYPES. Varied alpha and background loudness did not help
# (README, RESULTS.md).
SIM_OPTIONS = ("--types", simulated.TYPES)
SEIZURE_WEIGHT = 0.0     # simulated seizure windows weigh (their seizure's window count)^-this: 0 = all alike;
                         # 0.5 found brief tonic seizures but was no better on real data (README, session 8)
GAIN_DB = 0.0            # amplitude augmentation (random gain +-GAIN_DB): 20 dB was measured worse on CHB-MIT (RESULTS.md)
BUNDLE = os.path.join(REPO, "bundles", "io.ictal.model.seizure.cnn", "src", "main", "resources", "model")


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


def sim_args(work, seed, options):
    """data.simulate's arguments for one simulated training or validation hour (5 seizures; typed in turn)."""
    folder = "sim" + re.sub(r"[^A-Za-z0-9]+", "-", " ".join(options)) + ("-rotated" if "--types" in options else "")
    return os.path.join(work, folder), seed, 1, 5, tuple(simulated.typed_options(options, seed, 5))


def build(work, sim_options=SIM_OPTIONS):
    """Decibel grids (data.decibels) of every training, validation and evaluation window (cached in work/).

    x/y/source/segment/seizure: single-channel windows of Bonn (source 0), Delhi (1) and the simulated
    training hours (2), with the file (or simulated hour) each was cut from and, for simulated seizure
    windows, their seizure (a number unique over the hours; -1 elsewhere);
    vx/vy/vsegment: simulated validation hours; bags: CHB-MIT windows, all 23 bipolar channels each, with the
    segment's label (ictal or pre-ictal), patient and file.
    The cache keeps absolute decibels; what build returns is relative to each recording's level reference
    (referenced()), as the detector images.
    """
    cache = os.path.join(work, "dataset-db.npz")
    if os.path.exists(cache):
        z = np.load(cache)
        if "labelling" not in z.files or str(z["labelling"]) != LABELLING:
            raise SystemExit(f"{cache} was built with other training windows than '{LABELLING}': delete it")
        return referenced({k: z[k] for k in z.files if k != "labelling"})
    rng = np.random.default_rng(SEED)
    root = data.shared_root()
    grids, labels, source, segment, seizure = [], [], [], [], []
    for letter, name, x in data.bonn(root):
        for s in data.window_starts(len(x)):
            grids.append(data.decibels(x[s:s + data.WINDOW]))
            labels.append(1 if letter == "E" else 0)
            source.append(0)
            segment.append(name)
            seizure.append(-1)
    log("bonn", len(grids))
    for kind, name, x in data.delhi(root):
        for s in data.window_starts(len(x)):
            grids.append(data.decibels(x[s:s + data.WINDOW]))
            labels.append(1 if kind == "ictal" else 0)
            source.append(1)
            segment.append(name)
            seizure.append(-1)
    log("bonn+delhi", len(grids))
    for seed in TRAIN_SIM_SEEDS:
        path, truth = data.simulate(*sim_args(work, seed, sim_options))
        g, lab, number = data.simulated_windows(path, truth, rng, background_per_hour=1500, make=data.decibels)
        grids += g
        labels += lab
        source += [2] * len(g)
        segment += [f"simulated seed {seed}"] * len(g)
        seizure += [-1 if n < 0 else seed * 100 + n for n in number]
    log("train total", len(grids), "positives", sum(labels))
    val_grids, val_labels, val_segment = [], [], []
    for seed in VAL_SIM_SEEDS:
        path, truth = data.simulate(*sim_args(work, seed, sim_options))
        g, lab, _ = data.simulated_windows(path, truth, rng, background_per_hour=1500, make=data.decibels)
        val_grids += g
        val_labels += lab
        val_segment += [f"simulated seed {seed}"] * len(g)
    bags, bag_labels, bag_patients, bag_files = [], [], [], []
    for patient, name, ictal, x in data.chbmit(root):
        for s in data.window_starts(x.shape[1]):
            bags.append(np.stack([data.decibels(ch[s:s + data.WINDOW]) for ch in x]))
            bag_labels.append(1 if ictal else 0)
            bag_patients.append(patient)
            bag_files.append(name)
    log("CHB-MIT windows", len(bags))
    out = {"labelling": np.array(LABELLING),
           "x": np.stack(grids), "y": np.array(labels), "source": np.array(source), "segment": np.array(segment),
           "seizure": np.array(seizure),
           "vx": np.stack(val_grids), "vy": np.array(val_labels), "vsegment": np.array(val_segment), "bags": np.stack(bags),
           "bag_y": np.array(bag_labels), "bag_patient": np.array(bag_patients), "bag_file": np.array(bag_files)}
    np.savez(cache, **out)
    return referenced({k: v for k, v in out.items() if k != "labelling"})


def referenced(ds):
    """The grids minus their recording's level reference (data.level_reference). A simulated hour and a
    CHB-MIT patient (all its excerpts and channels) are each one recording. Bonn and Delhi carry no
    recording ids: each whole dataset is one (label-free, it stands in for a site's recordings)."""
    ds = dict(ds)
    references = {}

    def shift(grids, recordings, shape):
        grids = grids.copy()
        for name in np.unique(recordings):
            chosen = recordings == name
            references[name] = r = data.level_reference(grids[chosen].reshape(shape))
            grids[chosen] -= np.float32(r)
        return grids

    single = (-1, *ds["x"].shape[1:])
    ds["x"] = shift(ds["x"], np.where(ds["source"] == 2, ds["segment"], np.array(["Bonn", "Delhi", ""])[ds["source"]]),
                    single)
    ds["vx"] = shift(ds["vx"], np.char.add("validation ", ds["vsegment"]), single)
    ds["bags"] = shift(ds["bags"], np.char.add("CHB-MIT ", ds["bag_patient"]), single)
    log("level references (dB):", ", ".join(f"{k} {v:.2f}" for k, v in references.items()))
    return ds


def train(name, ds, epochs, bags=None, gain_db=GAIN_DB, bag_weight=BAG_WEIGHT, log_every=1, seed=TRAIN_SEED,
          seizure_weight=SEIZURE_WEIGHT):
    """Trains one candidate on the single-channel windows of ds (x, y, source: decibel grids) and, when
    given, CHB-MIT recording windows (bags: (grids [B, 23, H, W], labels [B])).

    Single-channel windows: cross-entropy, each (source, label) group sampled with the same weight; within
    the simulated seizure windows, a seizure's windows weigh (its window count)^-seizure_weight each (0:
    every window alike, long seizures dominate; 1: every seizure alike, brief ones as much as long ones).
    Recording windows (multiple instances: in an ictal excerpt not every channel is ictal): the loss is on
    the mean of the top-k channel probabilities, the detector's own aggregation, so the model learns that
    some channels of an ictal window look ictal and none of a pre-ictal one does.
    Augmentation: a random gain of +-gain_db (a shift of the dB grid before the card's fixed range;
    one gain per recording window) and a flip of time.
    """
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    model = models.CANDIDATES[name]()
    x = torch.from_numpy(ds["x"])
    y = torch.from_numpy(ds["y"]).long()
    groups = ds["source"] * 2 + ds["y"]
    counts = np.maximum(np.bincount(groups, minlength=8), 1).astype(float)
    weights = 1 / counts[groups]
    if seizure_weight:
        numbered = ds["seizure"] >= 0
        _, which, per_seizure = np.unique(ds["seizure"][numbered], return_inverse=True, return_counts=True)
        within = per_seizure[which] ** -float(seizure_weight)
        weights[numbered] *= within * numbered.sum() / within.sum()  # the group's total weight stays
    weights = torch.from_numpy(weights)
    sampler = torch.utils.data.WeightedRandomSampler(weights, num_samples=min(len(y), EPOCH_WINDOWS), replacement=True,
                                                     generator=generator)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.arange(len(y))), batch_size=BATCH,
                                         sampler=sampler)
    if bags is not None:
        bag_x, bag_y = torch.from_numpy(bags[0]), torch.from_numpy(bags[1]).float()
        by_class = [torch.from_numpy(np.flatnonzero(bags[1] == c)) for c in (0, 1)]
    optimiser = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=3e-3, total_steps=epochs * len(loader))
    for epoch in range(epochs):
        model.train()
        total, total_bag, started = 0.0, 0.0, time.time()
        for (index,) in loader:
            gains = (torch.rand(len(index), generator=generator) * 2 - 1) * gain_db
            batch = [data.images_from_decibels(x[index], gains)]
            if bags is not None:
                # BAGS_PER_STEP recording windows, half ictal, one gain each for all their channels.
                picks = torch.cat([c[torch.randint(len(c), (BAGS_PER_STEP // 2,), generator=generator)]
                                   for c in by_class])
                grids = bag_x[picks]
                bag_gains = ((torch.rand(len(picks), generator=generator) * 2 - 1) * gain_db)
                batch.append(data.images_from_decibels(grids.reshape(-1, *grids.shape[2:]),
                                                       bag_gains.repeat_interleave(grids.shape[1])))
            images = torch.cat(batch)
            if torch.rand(1, generator=generator).item() < 0.5:
                images = torch.flip(images, dims=[3])
            probabilities, _ = model(images)
            loss = F.nll_loss(torch.log(probabilities[:len(index)] + 1e-7), y[index])
            total += loss.item() * len(index)
            if bags is not None:
                channel = probabilities[len(index):, 1].view(len(picks), -1)
                recording = channel.topk(params.TOP_K, dim=1).values.mean(dim=1).clamp(1e-6, 1 - 1e-6)
                bag_loss = F.binary_cross_entropy(recording, bag_y[picks])
                loss = loss + bag_weight * bag_loss
                total_bag += bag_loss.item() * len(index)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        if (epoch + 1) % log_every == 0 or epoch + 1 == epochs:
            log(f"{name} epoch {epoch + 1}/{epochs} loss {total / len(sampler):.4f} recording-window loss "
                f"{total_bag / len(sampler):.4f} ({time.time() - started:.0f} s)")
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


# Held-out models: (file in --work, single-channel source left out or None, CHB-MIT patients trained on).
# CHB-MIT has 2 patients: leave-one-patient-out; Bonn and Delhi carry no patient ids: leave-one-dataset-out.
HELD_OUT = (("lopo-chb01.pt", None, ("chb02",)), ("lopo-chb02.pt", None, ("chb01",)),
            ("without-bonn.pt", 0, ("chb01", "chb02")), ("without-delhi.pt", 1, ("chb01", "chb02")))


def subset(ds, leave_out_source, patients):
    keep = ds["source"] != leave_out_source if leave_out_source is not None else np.ones(len(ds["y"]), bool)
    single = {"x": ds["x"][keep], "y": ds["y"][keep], "source": ds["source"][keep], "seizure": ds["seizure"][keep]}
    chosen = np.isin(ds["bag_patient"], patients)
    return single, (ds["bags"][chosen], ds["bag_y"][chosen])


def check_twin(ds):
    """The torch images of the referenced decibel grids equal the reference images (data.image, the card's range
    above the recording's reference, as the detector makes them) of the same windows."""
    root = data.shared_root()
    _, _, _, x = next(data.chbmit(root))
    grids = np.stack([data.decibels(ch[:data.WINDOW]) for ch in x])
    reference = data.level_reference(grids)
    raw = np.stack([data.image(ch[:data.WINDOW], reference) for ch in x])
    twin = data.images_from_decibels(grids - np.float32(reference)).numpy()
    error = float(np.abs(raw - twin).max())
    assert error < 1e-5, f"decibel-grid images differ from data.image by {error}"
    log("decibel-grid images equal data.image: max difference", error, "at reference", round(reference, 2), "dB")


def main(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--work", default="/tmp/ictal-detector-work", help="cache of data and simulated recordings")
    p.add_argument("--epochs", type=int, default=EPOCHS)
    p.add_argument("--compare-epochs", type=int, default=3)
    p.add_argument("--resume-after-export", action="store_true",
                   help="skip to the held-out models and the evaluation (the export exists in --work)")
    p.add_argument("--held-out-only", action="store_true",
                   help="train only the held-out models and print their evaluation (no comparison, export or card)")
    p.add_argument("--gain-db", type=float, default=GAIN_DB, help="amplitude augmentation: random gain +-this")
    p.add_argument("--sim-options", default=" ".join(SIM_OPTIONS),
                   help="SimulatorMain options of the simulated training and validation hours (a recipe variant)")
    p.add_argument("--bag-weight", type=float, default=BAG_WEIGHT,
                   help="with --held-out-only: weight of the CHB-MIT recording-window loss (a recipe variant)")
    p.add_argument("--train-seed", type=int, default=TRAIN_SEED,
                   help="with --held-out-only: the training seed (initialisation, draws), to see the spread of a recipe")
    p.add_argument("--seizure-weight", type=float, default=SEIZURE_WEIGHT,
                   help="with --held-out-only: simulated seizure windows weigh (their seizure's window count)^-this")
    p.add_argument("--only", default="", help="train only these held-out models (comma-separated files)")
    a = p.parse_args(argv)
    torch.set_num_threads(2)
    np.random.seed(SEED)
    os.makedirs(a.work, exist_ok=True)
    ds = build(a.work, a.sim_options.split())
    log("data", ds["x"].shape, "val", ds["vx"].shape, "CHB-MIT", ds["bags"].shape)
    check_twin(ds)
    if not (a.resume_after_export or a.held_out_only):
        export(ds, a)
    with open(os.path.join(a.work, "training.json")) as f:
        chosen = json.load(f)["chosen"]
    for path, source, patients in HELD_OUT:
        if a.only and path not in a.only.split(","):
            continue
        single, bags = subset(ds, source, patients)
        model = train(chosen, single, a.epochs, bags, gain_db=a.gain_db, seed=a.train_seed if a.held_out_only else TRAIN_SEED,
                      bag_weight=a.bag_weight if a.held_out_only else BAG_WEIGHT,
                      seizure_weight=a.seizure_weight if a.held_out_only else SEIZURE_WEIGHT)
        torch.save(model.state_dict(), os.path.join(a.work, path))
    evaluate.main(["--work", a.work, "--model", chosen] + (["--held-out-only"] if a.held_out_only else []))


def export(ds, a):
    """Compares the candidates, trains the chosen one and exports it with its golden pair."""
    comparison = []
    for name in models.CANDIDATES:
        runs = []
        # Mean over COMPARE_SEEDS: one 3-epoch run is noisy and flipped the choice twice (seed 1 in session 6,
        # the typed data in session 7) where 5 seeds on the held-out real data preferred cnn6 (README).
        for seed in COMPARE_SEEDS:
            single, bags = subset(ds, None, ("chb01", "chb02"))
            m = train(name, single, a.compare_epochs, bags, gain_db=a.gain_db, seed=seed)
            runs.append(evaluate.window_metrics(evaluate.predict(m, data.images_from_decibels(ds["vx"])), ds["vy"], 0.5))
        comparison.append({"model": name, "parameters": models.parameters(m), "multiplyAdds": models.multiply_adds(m),
                           "cpuMsPerImage": round(cpu_ms_per_image(m), 3), "epochs": a.compare_epochs,
                           "seeds": list(COMPARE_SEEDS),
                           "meanBalancedAccuracy": round(float(np.mean([r["balancedAccuracy"] for r in runs])), 4),
                           "validation": runs})
        log(name, comparison[-1])
    # The cheaper model wins unless the other is clearly (> 1 point) better on validation.
    cheap, other = sorted(comparison, key=lambda c: c["multiplyAdds"])
    chosen = other if other["meanBalancedAccuracy"] > cheap["meanBalancedAccuracy"] + 0.01 else cheap
    log("chosen", chosen["model"])
    single, bags = subset(ds, None, ("chb01", "chb02"))
    model = train(chosen["model"], single, a.epochs, bags, gain_db=a.gain_db)
    os.makedirs(BUNDLE, exist_ok=True)
    onnx_path = os.path.join(BUNDLE, "detector.onnx")
    pick = [int(np.flatnonzero(ds["y"] == 1)[0]), int(np.flatnonzero(ds["y"] == 0)[0])]
    example = {"image": data.images_from_decibels(ds["x"][pick])}
    export_onnx(model, example, ["probabilities", "cam"], onnx_path, opset=13)
    golden = golden_pair(model, example, ["probabilities", "cam"], tolerance=1e-3)
    torch.save(model.state_dict(), os.path.join(a.work, "detector.pt"))
    with open(os.path.join(a.work, "training.json"), "w") as f:
        json.dump({"comparison": comparison, "chosen": chosen["model"], "epochs": a.epochs, "seed": TRAIN_SEED, "dataSeed": SEED,
                   "trainWindows": int(len(ds["y"])), "trainPositives": int(ds["y"].sum()),
                   "epochWindows": EPOCH_WINDOWS, "gainDb": a.gain_db, "bagsPerStep": BAGS_PER_STEP,
                   "bagWeight": BAG_WEIGHT, "seizureWeight": SEIZURE_WEIGHT, "chbWindows": int(len(ds["bag_y"])),
                   "trainSimSeeds": list(TRAIN_SIM_SEEDS),
                   "valSimSeeds": list(VAL_SIM_SEEDS), "simOptions": " ".join(a.sim_options.split())}, f, indent=1)
    with open(os.path.join(a.work, "golden.json"), "w") as f:
        json.dump(golden, f)
    log("exported", onnx_path)


if __name__ == "__main__":
    main(sys.argv[1:])
