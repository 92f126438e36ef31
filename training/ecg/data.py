"""Datasets from ../shared/data/ecg, cached as .npz under a work folder (never in the repository).

Beats: MIT-BIH DS1 (the 22 non-paced records of de Chazal's training split) and all 78 SVDB
records, lead 0, AAMI N/S/V/F at the reference R positions, RR features from every annotated beat.
N beats are subsampled per record (at most N_PER_RECORD, seeded); every S, V and F beat is kept, and
each kept N beat carries the weight (N beats of the record / N beats kept) so that positive
predictivity is computed as if every N beat had been classified.

Rhythm: CinC 2017 A00001-A00200 (one label per record), R peaks from rpeaks.detect, 10 s windows
every 5 s; MIT-BIH AF episodes are not used for training (reported as a cross-database check).
"""
import glob
import os

import numpy as np

import features
import params
import rpeaks
import wfdb

DS1 = [101, 106, 108, 109, 112, 114, 115, 116, 118, 119, 122, 124, 201, 203, 205, 207, 208, 209, 215, 220,
       223, 230]
N_PER_RECORD = 1000
CLASS = {label: i for i, label in enumerate(params.BEAT_LABELS)}


def beat_records(ecg):
    return [("mitdb", str(r)) for r in DS1] + [("svdb", os.path.basename(h)[:-4])
                                               for h in sorted(glob.glob(os.path.join(ecg, "svdb", "*.hea")))]


def drawn_beats(ecg, db, name, rng):
    """One record's signal and reference beats, and the beats used: every S, V, F beat and at most
    N_PER_RECORD N beats drawn with rng (Q beats left out). Returns (signal, fs, beat times in s, AAMI
    class per beat (-1 for Q), indices of the beats used, weight of a drawn N beat)."""
    base = os.path.join(ecg, db, name)
    x, header = wfdb.read_record(base)
    fs = header["fs"]
    samples, symbols, _ = wfdb.read_annotations(base + ".atr")
    beats = [(s, y) for s, y in zip(samples, symbols) if y in wfdb.BEAT_SYMBOLS]
    times = np.array([s / fs for s, _ in beats])
    labels = np.array([CLASS.get(wfdb.AAMI.get(y), -1) for _, y in beats])
    normal = np.nonzero(labels == 0)[0]
    keep_n = rng.choice(normal, size=min(len(normal), N_PER_RECORD), replace=False) if len(normal) else normal
    chosen = np.sort(np.concatenate([keep_n, np.nonzero(labels > 0)[0]]))
    return x, fs, times, labels, chosen, len(normal) / max(1, len(keep_n))


def record_beats(ecg, db, name, rng):
    x, fs, times, labels, chosen, n_weight = drawn_beats(ecg, db, name, rng)
    lead = x[:, 0]
    # every beat's spectrogram (the usual-beat template is over all of them, as the classifier sees them)
    windows = [features.window(lead, fs, t - params.BEAT_WINDOW_S / 2, params.BEAT_WINDOW_S) for t in times]
    inside = np.array([w is not None for w in windows])
    all_specs = np.stack([features.stft_db(w, fs) for w in windows if w is not None])
    templates = features.beat_templates(all_specs)
    position = np.cumsum(inside) - 1  # beat index -> row of all_specs
    specs, temps, rrs, ys, ws = [], [], [], [], []
    for i in chosen:
        if not inside[i]:
            continue
        specs.append(all_specs[position[i]])
        temps.append(templates[position[i]])
        rrs.append(features.beat_rr(times, i))
        ys.append(labels[i])
        ws.append(n_weight if labels[i] == 0 else 1.0)
    return (np.stack(specs), np.stack(temps), np.stack(rrs), np.array(ys, dtype=np.int64),
            np.array(ws, dtype=np.float32))


def beats(ecg, work, seed):
    path = os.path.join(work, "beats.npz")
    if os.path.exists(path):
        d = np.load(path)
        if "template" in d.files:
            return {k: d[k] for k in d.files}
    rng = np.random.default_rng(seed)
    parts = {"spec": [], "template": [], "rr": [], "y": [], "w": [], "record": []}
    records = beat_records(ecg)
    for index, (db, name) in enumerate(records):
        s, m, r, y, w = record_beats(ecg, db, name, rng)
        for k, v in (("spec", s), ("template", m), ("rr", r), ("y", y), ("w", w), ("record", np.full(len(y), index))):
            parts[k].append(v)
        print(f"  beats {db}/{name}: {np.bincount(y, minlength=4)}", flush=True)
    out = {k: np.concatenate(v) for k, v in parts.items()}
    out["names"] = np.array([f"{db}/{n}" for db, n in records])
    np.savez(path, **out)
    return out


def rate_features(ecg, work, seed, beats_cache):
    """The 2 rate features (features.beat_rate) of the beats of beats.npz, in its order: the same records,
    N draws and on-signal test as record_beats (checked: the 7 RR features recomputed here equal the
    cached ones). Cached in <work>/rate.npz; an extra input, so beats.npz stays as it was."""
    path = os.path.join(work, "rate.npz")
    if os.path.exists(path):
        return np.load(path)["rate"]
    rng = np.random.default_rng(seed)
    out, rr = [], []
    for db, name in beat_records(ecg):
        x, fs, times, _, chosen, _ = drawn_beats(ecg, db, name, rng)
        baseline = features.rate_baseline(times)
        for i in chosen:
            if features.window(x[:, 0], fs, times[i] - params.BEAT_WINDOW_S / 2, params.BEAT_WINDOW_S) is None:
                continue
            out.append(features.beat_rate(times, i, baseline[i]))
            rr.append(features.beat_rr(times, i))
    rate = np.stack(out)
    if not np.array_equal(np.stack(rr), beats_cache["rr"]):
        raise ValueError(f"{path}: the recomputed RR features differ from beats.npz's (other draws?)")
    np.savez(path, rate=rate)
    return rate


def detected_centres(lead, fs, times):
    """For each reference beat time, the Pan-Tompkins peak (rpeaks.detect, the Java detector's twin) nearest
    to it within 0.15 s, as io.ictal.ecg would centre the beat; the reference time where none is. Returns
    (centres, offsets in s, nan where unmatched)."""
    peaks = rpeaks.detect(lead, fs) / fs
    if len(peaks) == 0:
        return times, np.full(len(times), np.nan)
    j = np.searchsorted(peaks, times)
    before, after = peaks[np.clip(j - 1, 0, len(peaks) - 1)], peaks[np.clip(j, 0, len(peaks) - 1)]
    nearest = np.where(np.abs(after - times) < np.abs(before - times), after, before)
    matched = np.abs(nearest - times) <= 0.15
    return np.where(matched, nearest, times), np.where(matched, nearest - times, np.nan)


BEAT_INPUTS = {"waveform": features.beat_waveform, "spectrogram": features.stft_db}


def beat_inputs(ecg, work, seed, beats_cache, kind, detected=False):
    """A per-beat input (kind: "waveform", features.beat_waveform; or "spectrogram", features.stft_db) and
    its usual beat (features.beat_templates over every beat's input), in beats.npz's order: the same
    records, N draws and on-signal test as record_beats (checked as in rate_features). Centred on the
    reference beats, or (detected) on the Pan-Tompkins peaks (detected_centres; a beat whose detected
    window leaves the signal keeps the reference one). Cached in <work>/<kind>[-detected].npz; extra
    inputs, so beats.npz stays as it was."""
    path = os.path.join(work, kind + ("-detected" if detected else "") + ".npz")
    if os.path.exists(path):
        d = np.load(path)
        return d["values"], d["templates"]
    rng = np.random.default_rng(seed)
    values, templates, rr, offsets = [], [], [], []
    for db, name in beat_records(ecg):
        x, fs, times, _, chosen, _ = drawn_beats(ecg, db, name, rng)
        lead = x[:, 0]
        centres = times
        if detected:
            centres, offset = detected_centres(lead, fs, times)
            offsets.append(offset)
        # whether a beat is on the signal stays the reference window's test: beats.npz's order
        windows = [features.window(lead, fs, t - params.BEAT_WINDOW_S / 2, params.BEAT_WINDOW_S) for t in times]
        inside = np.array([w is not None for w in windows])
        centred = [features.window(lead, fs, c - params.BEAT_WINDOW_S / 2, params.BEAT_WINDOW_S) if w is not None
                   else None for c, w in zip(centres, windows)]
        centred = [c if c is not None else w for c, w in zip(centred, windows)]
        all_values = np.stack([BEAT_INPUTS[kind](w, fs) for w in centred if w is not None])
        all_templates = features.beat_templates(all_values)
        position = np.cumsum(inside) - 1
        for i in chosen:
            if inside[i]:
                values.append(all_values[position[i]])
                templates.append(all_templates[position[i]])
                rr.append(features.beat_rr(times, i))
        print(f"  {kind} {db}/{name}: {len(values)} beats so far", flush=True)
    if not np.array_equal(np.stack(rr), beats_cache["rr"]):
        raise ValueError(f"{path}: the recomputed RR features differ from beats.npz's (other draws?)")
    if detected:
        ms = 1000 * np.abs(np.concatenate(offsets))
        found = ms[~np.isnan(ms)]
        print(f"  detected - reference peak (all beats): median |offset| {np.median(found):.1f} ms, 90th "
              f"percentile {np.percentile(found, 90):.1f} ms, over 20 ms {100 * np.mean(found > 20):.1f} %, "
              f"none within 150 ms {100 * np.mean(np.isnan(ms)):.2f} %")
    out = np.stack(values), np.stack(templates)
    np.savez(path, values=out[0], templates=out[1])
    return out


def rhythm_windows(x, fs, peaks):
    """(spectrograms, RR features, window starts) of 10 s windows every 5 s; a shorter record is one
    window padded with its last sample (training only: clinical recordings are longer)."""
    times = peaks / fs
    n = features._count(params.RHYTHM_WINDOW_S, fs)
    if len(x) < n:
        x = np.concatenate([x, np.full(n - len(x), x[-1])])
    starts = np.arange(0, len(x) / fs - params.RHYTHM_WINDOW_S + 1e-9, params.RHYTHM_HOP_S)
    specs, rrs = [], []
    for start in starts:
        w = features.window(x, fs, start, params.RHYTHM_WINDOW_S)
        specs.append(features.stft_db(w, fs))
        rrs.append(features.rhythm_rr(times, start, params.RHYTHM_WINDOW_S))
    return np.stack(specs), np.stack(rrs), starts


def rhythm(ecg, work):
    path = os.path.join(work, "rhythm.npz")
    if os.path.exists(path):
        d = np.load(path)
        return {k: d[k] for k in d.files}
    folder = os.path.join(ecg, "cinc2017")
    with open(os.path.join(folder, "REFERENCE.csv")) as f:
        reference = [line.strip().split(",") for line in f if line.strip()]
    parts = {"spec": [], "rr": [], "y": [], "record": []}
    for index, (name, label) in enumerate(reference):
        x, fs = wfdb.read_cinc(os.path.join(folder, name))
        s, r, _ = rhythm_windows(x, fs, rpeaks.detect(x, fs))
        parts["spec"].append(s)
        parts["rr"].append(r)
        parts["y"].append(np.full(len(s), params.RHYTHM_LABELS.index(label)))
        parts["record"].append(np.full(len(s), index))
    out = {k: np.concatenate(v) for k, v in parts.items()}
    out["names"] = np.array([n for n, _ in reference])
    np.savez(path, **out)
    return out


def mitdb_af_windows(ecg):
    """Cross-database check: 10 s windows of MIT-BIH DS1 records 201 and 203 (the DS1 records with
    AF), labelled A when the reference rhythm is (AFIB or (AFL over the whole window, else O/N by the
    rhythm annotation; windows spanning a change are left out."""
    out = {"spec": [], "rr": [], "y": []}
    for name in ("201", "203"):
        base = os.path.join(ecg, "mitdb", name)
        x, header = wfdb.read_record(base)
        fs = header["fs"]
        samples, symbols, aux = wfdb.read_annotations(base + ".atr")
        changes = [(s / fs, a) for s, y, a in zip(samples, symbols, aux) if y == "+" and a.startswith("(")]
        s, r, starts = rhythm_windows(x[:, 0], fs, rpeaks.detect(x[:, 0], fs))
        for k, start in enumerate(starts):
            before = [a for t, a in changes if t <= start]
            inside = [a for t, a in changes if start < t < start + params.RHYTHM_WINDOW_S]
            if not before or inside:
                continue
            rhythm_label = before[-1].rstrip("\x00")
            label = "A" if rhythm_label in ("(AFIB", "(AFL") else ("N" if rhythm_label == "(N" else "O")
            out["spec"].append(s[k])
            out["rr"].append(r[k])
            out["y"].append(params.RHYTHM_LABELS.index(label))
    return {k: np.asarray(v) for k, v in out.items()}
