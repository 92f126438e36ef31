"""Builds the model card (bundles/io.ictal.model.seizure.type/.../model/card.json), copies the student
graph beside it and the teacher graph to training/seizure_type/teacher/, and writes RESULTS.md, all from
what train.py wrote to its work folder: never a number typed by hand.

    /usr/bin/python3 training/seizure_type/card.py [--work DIR]   (train.py runs it at its end)"""
import argparse
import hashlib
import json
import os
import shutil

import config

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
MODEL_DIR = os.path.join(REPO, "bundles", "io.ictal.model.seizure.type", "src", "main", "resources", "model")
TEACHER_DIR = os.path.join(HERE, "teacher")

ID = "ictal-seizure-type"
VERSION = "1.0.0"
GRAPH = "model/seizure-type-student.onnx"
SIMULATED_ONLY = "simulated data only (Ictal EEG simulator): no real EEG labelled with seizure types was available"


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def metrics(summary):
    out = []
    base = (f"{SIMULATED_ONLY}; {summary['events']} events of {summary['patients']} simulated patients, "
            f"{summary['channels']} channels")
    for scheme, words in (("seizureWise", "seizure-wise"), ("patientWise", "patient-wise")):
        r = summary["evaluation"][scheme]
        split = f"{base}; {words} {r['student']['folds']}-fold, mean of folds"
        out.append({"name": "weighted-f1", "value": r["student"]["weightedF1Mean"], "split": split})
        out.append({"name": "weighted-f1-std", "value": r["student"]["weightedF1Std"], "split": split})
        out.append({"name": "teacher-weighted-f1", "value": r["teacher"]["weightedF1Mean"], "split": split})
        for t in config.TYPES:
            out.append({"name": f"f1-{t}", "value": r["student"]["perClass"][t]["f1"],
                        "split": f"{base}; {words} {r['student']['folds']}-fold, out-of-fold predictions pooled"})
    for name in ("student", "teacher"):
        m = summary["models"][name]
        what = "this graph" if name == "student" else "the teacher ensemble it was distilled from"
        out.append({"name": f"{name}-parameters", "value": m["parameters"], "split": what})
        out.append({"name": f"{name}-onnx-bytes", "value": m["onnxBytes"], "split": what})
        out.append({"name": f"{name}-cpu-ms-per-event", "value": m["cpuMsPerEvent"],
                    "split": f"{what}; PyTorch, 1 thread, batch 1, {summary['channels']} channels, median of 50"})
    return out


def write(work):
    with open(os.path.join(work, "summary.json")) as f:
        summary = json.load(f)
    with open(os.path.join(work, "golden.json")) as f:
        golden = json.load(f)
    os.makedirs(MODEL_DIR, exist_ok=True)
    os.makedirs(TEACHER_DIR, exist_ok=True)
    student = os.path.join(MODEL_DIR, os.path.basename(GRAPH))
    shutil.copyfile(os.path.join(work, "export", "seizure-type-student.onnx"), student)
    teacher = os.path.join(TEACHER_DIR, "seizure-type-teacher.onnx")
    shutil.copyfile(os.path.join(work, "export", "seizure-type-teacher.onnx"), teacher)
    with open(os.path.join(TEACHER_DIR, "golden.json"), "w") as f:
        json.dump(golden["teacher"], f)
    spectrogram = {"kind": "multi-spectral"}
    spectrogram.update(config.MULTI_SPECTRAL)
    card = {
        "id": ID, "task": "seizure-type", "version": VERSION, "graph": GRAPH,
        "sha256": {GRAPH: sha256(student)},
        "input": {"tensors": [{"name": "stack", "shape": [-1, -1, config.LAYERS, config.BINS, config.FRAMES],
                               "dtype": "float32"}],
                  "samplingRateHz": config.RATE_HZ, "windowSeconds": config.WINDOW_SECONDS,
                  "hopSeconds": config.WINDOW_SECONDS, "spectrogram": spectrogram,
                  "montage": "as-recorded", "channels": [],
                  "normalisation": {"method": "none", "mean": [], "std": []}},
        "outputs": [{"name": "probabilities", "shape": [-1, len(config.TYPES)], "dtype": "float32"}],
        "labels": config.TYPES,
        "thresholds": {},
        "trainingData": [{"name": f"Ictal EEG simulator (io.ictal.simulator 1.1.0) in TUSZ format: "
                                  f"{summary['patients']} simulated patients, {summary['events']} seizures "
                                  f"{summary['perType']}, seed {summary['seed']}; SIMULATED DATA ONLY",
                          "citation": "this project; synthetic, no patient data. Method after Asif et al. 2019, "
                                      "SeizureNet, arXiv:1903.03232", "url": ""}],
        "metrics": metrics(summary),
        "golden": golden["student"],
    }
    with open(os.path.join(MODEL_DIR, "card.json"), "w") as f:
        json.dump(card, f, indent=1)
    results(summary, card)
    print("wrote", os.path.join(MODEL_DIR, "card.json"))


def results(summary, card):
    ev = summary["evaluation"]
    lines = ["# Seizure type: results", "",
             "Generated by `training/seizure_type/card.py` from the output of `train.py` (never edited by hand).",
             f"Model `{card['id']}` {card['version']}, sha256 `{card['sha256'][GRAPH]}`.", "",
             f"**Every metric here is on {SIMULATED_ONLY}.** The simulator's types are textbook EEG patterns "
             "made to be told apart; these numbers say the pipeline works end to end, not how it does on "
             "real patients (SeizureNet on TUSZ: weighted F1 0.94 seizure-wise, 0.59 patient-wise).", "",
             f"Data: {summary['events']} events of {summary['patients']} simulated patients "
             f"({summary['perType']}), {summary['channels']} EEG channels, read from the TUSZ-format folder "
             f"(EDF + .csv) that `simulate_tusz.py` wrote. Training crops at onset shifts "
             f"{summary['trainShifts']} s; evaluation at the onset. {summary['epochs']} epochs per teacher sub-network, "
             f"{summary.get('studentEpochs', summary['epochs'])} for the student. "
             f"Whole run: {summary['trainingSeconds']} s on the shared 2-core machine.", "",
             "## Teacher vs student", "",
             "| model | parameters | ONNX bytes | CPU ms / event (PyTorch, 1 thread) | weighted F1 seizure-wise | "
             "weighted F1 patient-wise |", "|---|---|---|---|---|---|"]
    for name in ("teacher", "student"):
        m = summary["models"][name]
        sw, pw = ev["seizureWise"][name], ev["patientWise"][name]
        lines.append(f"| {name} | {m['parameters']:,} | {m['onnxBytes']:,} | {m['cpuMsPerEvent']} | "
                     f"{sw['weightedF1Mean']} ± {sw['weightedF1Std']} | {pw['weightedF1Mean']} ± {pw['weightedF1Std']} |")
    lines += ["", "CPU ms per event: PyTorch, one thread, batch of one event, median of 50, measured once on this "
              "shared machine while other jobs ran: it varies a lot from run to run; parameters and ONNX bytes "
              "do not."]
    lines += ["", "Weighted F1: the per-class F1 weighted by class support, per test fold, mean ± standard "
              "deviation over folds (pooled out-of-fold: seizure-wise teacher "
              f"{ev['seizureWise']['teacher']['weightedF1Pooled']}, student {ev['seizureWise']['student']['weightedF1Pooled']}; "
              f"patient-wise teacher {ev['patientWise']['teacher']['weightedF1Pooled']}, student "
              f"{ev['patientWise']['student']['weightedF1Pooled']})."]
    for scheme, words in (("seizureWise", "Seizure-wise"), ("patientWise", "Patient-wise")):
        r = ev[scheme]["student"]
        lines += ["", f"## {words} {r['folds']}-fold, student, per class (out-of-fold predictions pooled)", "",
                  "| type | precision | recall | F1 | support |", "|---|---|---|---|---|"]
        for t in config.TYPES:
            c = r["perClass"][t]
            lines.append(f"| {t} | {c['precision']} | {c['recall']} | {c['f1']} | {c['support']} |")
        lines += ["", "Confusion (rows: true, columns: predicted, order " + ", ".join(config.TYPES) + "):", ""]
        lines += ["    " + " ".join(f"{v:4d}" for v in row) for row in r["confusion"]]
    lines += ["", "## Sanity check on real ictal EEG (no accuracy claim)", "",
              "No real EEG labelled with seizure types is available here. The shipped student on the real seizure "
              "segments of `../shared/data/eeg`, each mirrored to the 24-s window (all are shorter). Bonn and "
              "Delhi are single intracranial / scalp channels, far from the 21-channel scalp recordings the model "
              "was trained on.", "",
              "| data | segments | " + " | ".join(config.TYPES) + " |", "|---|---|" + "---|" * len(config.TYPES)]
    for dataset, entry in summary.get("sanity", {}).items():
        lines.append(f"| {dataset} | {entry['segments']} | "
                     + " | ".join(str(entry["predicted"][t]) for t in config.TYPES) + " |")
    if not summary.get("sanity"):
        lines.append("| (skipped: ../shared/data/eeg absent) | | " + " | " * len(config.TYPES))
    with open(os.path.join(HERE, "RESULTS.md"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", default="/tmp/ictal-seizure-type-work")
    write(parser.parse_args().work)
