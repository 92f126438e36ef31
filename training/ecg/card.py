#!/usr/bin/python3
"""Writes the two model cards and copies the ONNX graphs into bundles/io.ictal.model.ecg from what
train.py wrote to the work folder (metrics.json, *.onnx, *-golden.json): never a number typed by
hand. Also writes training/ecg/RESULTS.md from the same metrics.

    /usr/bin/python3 training/ecg/card.py [--work /tmp/ictal-ecg-work]
"""
import argparse
import hashlib
import json
import os
import shutil

import params

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
MODEL_DIR = os.path.join(REPO, "bundles", "io.ictal.model.ecg", "src", "main", "resources", "model")
VERSION = "1.0.0"
ENSEMBLE_VERSION = "1.1.0"  # the beat card once its graph is ensemble_cv.py's seeded ensemble
TEMPLATE_VERSION = "2.0.0"  # ... whose graph also takes the record's usual beat (a third input tensor)
WAVEFORM_VERSION = "3.0.0"  # ... and the beat's waveform and its usual waveform (two more)

MITDB = {"name": "MIT-BIH Arrhythmia Database (DS1 records of de Chazal et al. 2004)",
         "citation": "Moody GB, Mark RG. The impact of the MIT-BIH Arrhythmia Database. IEEE Eng Med Biol "
                     "20(3):45-50 (2001); Goldberger AL et al. PhysioBank, PhysioToolkit, and PhysioNet. "
                     "Circulation 101(23):e215-e220 (2000). ODC-By 1.0",
         "url": "https://physionet.org/content/mitdb/"}
SVDB = {"name": "MIT-BIH Supraventricular Arrhythmia Database (78 records)",
        "citation": "Greenwald SD. Improved detection and classification of arrhythmias in noise-corrupted "
                    "electrocardiograms using contextual information. Thesis, MIT (1990); Goldberger AL et al. "
                    "2000. ODC-By 1.0",
        "url": "https://physionet.org/content/svdb/"}
CINC = {"name": "PhysioNet/CinC Challenge 2017, records A00001-A00200",
        "citation": "Clifford GD et al. AF classification from a short single lead ECG recording: the "
                    "PhysioNet/Computing in Cardiology Challenge 2017. Computing in Cardiology 44 (2017). ODC-By 1.0",
        "url": "https://physionet.org/content/challenge-2017/"}


def stft():
    p = dict(params.STFT)
    return {"kind": "stft", **p}


def card(name, task, labels, rr_features, frames, window, hop, training, metrics, golden, thresholds,
         version=VERSION, template=False, waveform=False):
    """template: the graph also takes `template`, the record's usual beat (features.beat_templates);
    waveform: also `wave` and `wave_template`, the beat's waveform and its usual one (features.beat_waveform)."""
    graph = f"model/{name}.onnx"
    tensors = [{"name": "spectrogram", "shape": [-1, 1, frames, params.BINS], "dtype": "float32"},
               {"name": "rr", "shape": [-1, rr_features], "dtype": "float32"}]
    if template:
        tensors.append({"name": "template", "shape": [-1, 1, frames, params.BINS], "dtype": "float32"})
    if waveform:
        tensors += [{"name": n, "shape": [-1, 1, params.WAVE_SAMPLES], "dtype": "float32"}
                    for n in ("wave", "wave_template")]
    with open(os.path.join(MODEL_DIR, f"{name}.onnx"), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    return {
        "id": f"ictal-ecg-{name}", "task": task, "version": version, "graph": graph, "sha256": {graph: digest},
        "input": {
            "tensors": tensors,
            "samplingRateHz": params.RATE_HZ, "windowSeconds": window, "hopSeconds": hop,
            "spectrogram": stft(), "montage": "single-lead-ecg", "channels": [],
            "normalisation": {"method": "zscore-per-window-in-graph", "mean": [], "std": []}},
        "outputs": [{"name": "probabilities", "shape": [-1, len(labels)], "dtype": "float32"}],
        "labels": labels, "thresholds": thresholds, "trainingData": training, "metrics": metrics, "golden": golden}


def beat_metrics(m):
    out = []
    for db, split in (("mitdb", "MIT-BIH DS1 (22 records)"), ("svdb", "SVDB (78 records)"),
                      ("all", "MIT-BIH DS1 + SVDB (100 records)")):
        for label, r in m["beat"][db].items():
            for key in ("sensitivity", "ppv"):
                if r[key] == r[key]:
                    out.append({"name": f"{label}-{'sensitivity' if key == 'sensitivity' else 'positive-predictivity'}",
                                "value": round(r[key], 4),
                                "split": f"{split}, 5-fold record-wise cross-validation (inter-patient), "
                                         f"{r['count']:.0f} {label} beats"})
    members = m.get("beatMembers")
    if members:
        # the shipped graph averages len(members) seeded models; how far single ones spread under the same CV
        for label in params.BEAT_LABELS:
            se = [r["all"][label]["sensitivity"] for r in members]
            for name, value in (("min", min(se)), ("max", max(se))):
                out.append({"name": f"{label}-sensitivity-single-member-{name}", "value": round(value, 4),
                            "split": f"MIT-BIH DS1 + SVDB (100 records), 5-fold record-wise cross-validation, "
                                     f"{name} over the {len(members)} seeded members of the shipped ensemble "
                                     f"evaluated alone"})
    return out


def rhythm_metrics(m):
    out = []
    for start in ("scratch", "pretrained"):
        r = m["rhythm"][start]
        split = (f"CinC 2017 A00001-A00200, 5-fold record-wise cross-validation, record-level, "
                 f"{('initialised from the encoder of train.py' + chr(39) + 's single beat model' if 'beatMembers' in m else 'initialised from the beat model encoder') if start == 'pretrained' else 'trained from scratch'}"
                 f"{' (shipped)' if m['rhythmChosen'] == start else ''}")
        out.append({"name": "cinc-f1", "value": round(r["cincF1"], 4), "split": split})
        for label, v in r["f1"].items():
            out.append({"name": f"{label}-f1", "value": round(v, 4), "split": split})
    af = m["mitdbAf"]
    split = (f"MIT-BIH Arrhythmia Database records 201+203 (Moody & Mark 2001; Goldberger et al. 2000; ODC-By 1.0), "
             f"10 s windows, cross-database (no MIT-BIH rhythm label used in training), "
             f"{af['afWindows']} AF / {af['otherWindows']} other windows")
    out.append({"name": "af-window-sensitivity", "value": round(af["sensitivity"], 4), "split": split})
    out.append({"name": "af-window-specificity", "value": round(af["specificity"], 4), "split": split})
    return out + af_episode_metrics(m.get("afEpisodes"))


AF_SETS = {"simulated": "EEG-simulator sinus-rhythm EKG (no patient data)",
           "cinc-N": "CinC 2017 N records (training records of this model)",
           "mitdb": "MIT-BIH DS1 non-AF stretches (22 records, many ectopic beats)",
           "svdb": "SVDB (78 records, frequent supraventricular ectopy)"}


def af_episode_metrics(af):
    """AF episodes as io.ictal.ecg reports them (af_eval.py): false episodes per 24 h, AF episodes found."""
    if not af:
        return []
    gate = f"AF episodes as io.ictal.ecg reports them, RR gate af.min.rr.irregularity {af['gate']:.3f} (af_eval.py)"
    out = []
    for name, text in AF_SETS.items():
        r = af["sets"].get(name, {}).get("gated")
        if r:
            out.append({"name": "af-false-episodes-per-24h", "value": round(24 * r["falseEpisodesPerHour"], 2),
                        "split": f"{text}, {r['nonAfHours']:.1f} h, {gate}"})
    r = af["sets"]["mitdb"]["gated"]
    out.append({"name": "af-episode-sensitivity", "value": round(r["afEpisodesFound"] / r["afEpisodes"], 4),
                "split": f"MIT-BIH 201 + 203 reference AF/AFL episodes ({r['afEpisodes']}), any overlap, {gate}"})
    r = af["sets"]["cinc-A"]["gated"]
    out.append({"name": "af-record-sensitivity", "value": round(r["longRecordsFound"] / r["longRecords"], 4),
                "split": f"CinC 2017 A records of at least 30 s ({r['longRecords']}; training records of this "
                         f"model), {gate}"})
    n = af["nsr2dbGateOnly"]
    out.append({"name": "af-rr-gate-alone-false-per-24h", "value": round(24 * n["perHour"], 2),
                "split": f"nsr2db RR series (3 healthy subjects, {n['hours']} h; Goldberger et al. 2000, ODC-By 1.0), "
                         f"the gate alone as if the model called AF everywhere: disjoint 60 s irregular spans"})
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--work", default="/tmp/ictal-ecg-work")
    a = p.parse_args()
    with open(os.path.join(a.work, "metrics.json")) as f:
        m = json.load(f)
    af_metrics = os.path.join(a.work, "af-metrics.json")
    if os.path.exists(af_metrics):
        with open(af_metrics) as f:
            m["afEpisodes"] = json.load(f)
    os.makedirs(MODEL_DIR, exist_ok=True)
    for name in ("beat", "rhythm"):
        shutil.copyfile(os.path.join(a.work, f"{name}.onnx"), os.path.join(MODEL_DIR, f"{name}.onnx"))
    with open(os.path.join(a.work, "beat-golden.json")) as f:
        beat_golden = json.load(f)
    with open(os.path.join(a.work, "rhythm-golden.json")) as f:
        rhythm_golden = json.load(f)
    template = m.get("beatRecipe", {}).get("template", False)
    waveform = m.get("beatRecipe", {}).get("waveform", False)
    version = (WAVEFORM_VERSION if waveform else TEMPLATE_VERSION if template
               else ENSEMBLE_VERSION if "beatMembers" in m else VERSION)
    beat = card("beat", "ecg-arrhythmia", params.BEAT_LABELS, params.RR_FEATURES, params.BEAT_FRAMES,
                params.BEAT_WINDOW_S, params.BEAT_WINDOW_S, [MITDB, SVDB], beat_metrics(m), beat_golden, {},
                version, template, waveform)
    rhythm_training = [CINC] + ([MITDB, SVDB] if m["rhythmChosen"] == "pretrained" else [])
    rhythm = card("rhythm", "ecg-rhythm", params.RHYTHM_LABELS, params.RHYTHM_FEATURES, params.RHYTHM_FRAMES,
                  params.RHYTHM_WINDOW_S, params.RHYTHM_HOP_S, rhythm_training, rhythm_metrics(m), rhythm_golden,
                  {"A": 0.5})
    for name, c in (("beat", beat), ("rhythm", rhythm)):
        with open(os.path.join(MODEL_DIR, f"{name}-card.json"), "w") as f:
            json.dump(c, f, indent=1)
    write_results(m)
    print(f"wrote {MODEL_DIR}: beat.onnx, rhythm.onnx, beat-card.json, rhythm-card.json; training/ecg/RESULTS.md")


DE_CHAZAL = {"N": (86.9, 99.2), "S": (75.9, 38.5), "V": (77.7, 81.9), "F": (89.4, 8.6)}


def write_results(m):
    lines = ["# ECG models: evaluation (written by card.py from train.py's metrics.json"
             + (", beat entries by ensemble_cv.py)" if "beatMembers" in m else ")"), "",
             "## Beats (AAMI), 5-fold record-wise cross-validation (a record's beats never in train and test)", "",
             "Se = sensitivity, +P = positive predictivity (N beats subsampled per record and weighted back, see data.py).",
             "de Chazal et al. 2004 (DS1 -> DS2, inter-patient): the goal for sensitivity.", "",
             "| class | MIT-BIH DS1 Se | +P | SVDB Se | +P | all Se | +P | de Chazal 2004 DS2 Se | +P |",
             "|---|---|---|---|---|---|---|---|---|"]
    for label in params.BEAT_LABELS:
        row = [label]
        for db in ("mitdb", "svdb", "all"):
            r = m["beat"][db][label]
            row += [f"{100 * r['sensitivity']:.1f}% ({r['count']:.0f})" if r["sensitivity"] == r["sensitivity"] else "-",
                    f"{100 * r['ppv']:.1f}%" if r["ppv"] == r["ppv"] else "-"]
        row += [f"{DE_CHAZAL[label][0]}%", f"{DE_CHAZAL[label][1]}%"]
        lines.append("| " + " | ".join(row) + " |")
    members = m.get("beatMembers")
    if members:
        recipe = m.get("beatRecipe", {})
        inputs = ("the beat's spectrogram, its RR features and the record's usual beat (per-value median of the "
                  f"{params.TEMPLATE_BEATS} beat spectrograms around it)" if recipe.get("template")
                  else "the beat's spectrogram and its RR features")
        if recipe.get("waveform"):
            inputs += (f", and the beat's waveform ({params.WAVE_BEFORE_S:g} s before to {params.WAVE_AFTER_S:g} s "
                       f"after the R peak at {params.RATE_HZ:g} Hz, cut around the detected R peak, line removed) "
                       f"beside the record's usual waveform (its per-sample median over the same "
                       f"{params.TEMPLATE_BEATS} beats)")
        emphasis = (f"; S class loss weight x{recipe['sEmphasis']:g}" if recipe.get("sEmphasis", 1.0) != 1.0 else "")
        lines += ["", f"The beat model is an ensemble of {len(members)} seeded models (own training subset, "
                  "initialisation and batch order each; softmax averaged; ensemble_cv.py) on "
                  f"{inputs}{emphasis}: the table above is the "
                  "ensemble. The same members evaluated alone under the same folds (all records), i.e. the "
                  "run-to-run variance of one model:", "",
                  "| class | ensemble Se | single members Se: min | mean | max | ensemble +P | members +P: min | max |",
                  "|---|---|---|---|---|---|---|---|"]
        for label in params.BEAT_LABELS:
            se = [100 * r["all"][label]["sensitivity"] for r in members]
            ppv = [100 * r["all"][label]["ppv"] for r in members]
            e = m["beat"]["all"][label]
            lines.append(f"| {label} | {100 * e['sensitivity']:.1f}% | {min(se):.1f}% | {sum(se) / len(se):.1f}% | "
                         f"{max(se):.1f}% | {100 * e['ppv']:.1f}% | {min(ppv):.1f}% | {max(ppv):.1f}% |")
    if "beatArgmax" in m:
        offsets = ", ".join(f"{label} {v:+.2f}" for label, v in zip(params.BEAT_LABELS, m["beatOffsets"]))
        lines += ["", "Decision rule (the table above): per-class logit offsets added before the softmax, chosen in each "
                  "fold on a quarter of its training records (never the test fold) to maximise the worst ratio of N, S, "
                  f"V sensitivity to de Chazal's; the shipped model's offsets, chosen the same way on all records: "
                  f"{offsets} (validation score {m['beatValidationScore']:.3f}). Plain argmax of the same fold models:", "",
                  "| class | all Se | +P |", "|---|---|---|"]
        for label in params.BEAT_LABELS:
            r = m["beatArgmax"]["all"][label]
            lines.append(f"| {label} | {100 * r['sensitivity']:.1f}% | {100 * r['ppv']:.1f}% |")
    lines += ["", "## Rhythm (CinC 2017 A00001-A00200), 5-fold record-wise cross-validation, record level", "",
              "| start | F1 N | F1 A | F1 O | CinC F1 (mean N, A, O) |", "|---|---|---|---|---|"]
    for start in ("scratch", "pretrained"):
        r = m["rhythm"][start]
        name = "from scratch" if start == "scratch" else "beat-model encoder (transfer)"
        shipped = " (shipped)" if m["rhythmChosen"] == start else ""
        lines.append(f"| {name}{shipped} | {r['f1']['N']:.3f} | {r['f1']['A']:.3f} | {r['f1']['O']:.3f} | "
                     f"{r['cincF1']:.3f} |")
    af = m["mitdbAf"]
    lines += ["", f"Cross-database AF check of the shipped rhythm model on MIT-BIH 201 and 203 (10 s windows, "
              f"{af['afWindows']} AF, {af['otherWindows']} other): window sensitivity {af['sensitivity']:.3f}, "
              f"specificity {af['specificity']:.3f}.", ""]
    episodes = m.get("afEpisodes")
    if episodes:
        lines += ["## AF episodes as io.ictal.ecg reports them (af_eval.py, shipped rhythm model)", "",
                  f"RR gate chosen on the CinC 2017 A records: median |dRR| / mean RR over the episode >= "
                  f"{episodes['gate']:.3f} (keeps at least {100 * episodes['keepAf']:.0f} % of the A records the model finds). "
                  "cinc-* are the rhythm model's own training records (cinc-A also chose the gate); simulated (EEG "
                  "simulator EKG), mitdb and svdb were never used to train it or to choose the gate. A false episode "
                  "overlaps no reference AF/AFL span.", "",
                  "| data | hours (non-AF) | false AF episodes per 24 h, model only | with RR gate | AF episodes found, model only | with RR gate |",
                  "|---|---|---|---|---|---|"]
        for name in ("simulated", "cinc-N", "cinc-O", "mitdb", "svdb", "cinc-A"):
            sets = episodes["sets"].get(name)
            if not sets:
                continue
            before, after = sets["modelOnly"], sets["gated"]
            rate = (lambda r: f"{24 * r['falseEpisodesPerHour']:.1f} ({r['falseEpisodes']})"
                    if r["nonAfHours"] > 0 else "-")
            found = (lambda r: f"{r['afEpisodesFound']}/{r['afEpisodes']}" if r["afEpisodes"] else "-")
            lines.append(f"| {name} ({before['records']} records) | {before['nonAfHours']:.1f} | {rate(before)} | "
                         f"{rate(after)} | {found(before)} | {found(after)} |")
        n = episodes["nsr2dbGateOnly"]
        lines += ["", f"The gate alone on nsr2db (real sinus RR, {n['hours']} h), as if the model called AF everywhere: "
                  f"{n['flaggedSpans']} disjoint irregular 60 s spans ({24 * n['perHour']:.2f} per 24 h).", ""]
    with open(os.path.join(HERE, "RESULTS.md"), "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
