#!/usr/bin/python3
"""Writes bundles/io.ictal.ecg/src/test/resources/ecg-agreement.json: a synthetic single-lead ECG
(no patient data) with what this training pipeline computes from it, so that the Java test can check
that the classifier's R peaks, RR features, spectrograms (through the Java spectrogram service),
usual-beat templates, beat waveforms (resampled by the Java service) and usual waveforms are the tensors
the models were trained on. Long enough (over 64 beats) for the
template's window to slide.

    /usr/bin/python3 training/ecg/make_fixtures.py
"""
import json
import os

import numpy as np

import features
import params
import rpeaks

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "bundles", "io.ictal.ecg", "src", "test", "resources", "ecg-agreement.json")
RATE = 360.0
SECONDS = 100.0


def gaussian(t, centre, amplitude, width):
    return amplitude * np.exp(-0.5 * ((t - centre) / width) ** 2)


def synthetic_ecg(rng):
    """P-QRS-T Gaussians on an irregular RR series, with baseline wander and noise."""
    t = np.arange(int(SECONDS * RATE)) / RATE
    x = 0.1 * np.sin(2 * np.pi * 0.3 * t) + 0.01 * rng.standard_normal(len(t))
    r = 0.5
    while r < SECONDS - 0.5:
        for centre, amplitude, width in ((-0.2, 0.15, 0.025), (-0.04, -0.1, 0.01), (0, 1.0, 0.012),
                                         (0.04, -0.25, 0.012), (0.3, 0.3, 0.05)):
            x += gaussian(t, r + centre, amplitude, width)
        r += rng.uniform(0.6, 1.1)
    return x


def main():
    rng = np.random.default_rng(17)
    # Quantised to 0.1 uV so that the JSON holds short exact decimals (float32 in Java, float64 here).
    x = np.round(synthetic_ecg(rng) * 1e4).astype(np.float32) / np.float32(1e4)
    xd = x.astype(np.float64)
    peaks = rpeaks.detect(xd, RATE)
    times = peaks / RATE
    beat_index = len(peaks) // 2
    beat_start = times[beat_index] - params.BEAT_WINDOW_S / 2
    beat_window = features.window(xd, RATE, beat_start, params.BEAT_WINDOW_S)
    # the usual beat of every beat whose window lies on the signal, as data.record_beats computes it
    windows = [features.window(xd, RATE, t - params.BEAT_WINDOW_S / 2, params.BEAT_WINDOW_S) for t in times]
    on_signal = [i for i, w in enumerate(windows) if w is not None]
    templates = features.beat_templates(np.stack([features.stft_db(windows[i], RATE) for i in on_signal]))
    wave_templates = features.beat_templates(np.stack([features.beat_waveform(windows[i], RATE) for i in on_signal]))
    n = len(on_signal)
    checked = sorted({0, 1, 31, 32, 33, n // 2, n - 33, n - 32, n - 1})
    rhythm_start = 10.0
    rhythm_window = features.window(xd, RATE, rhythm_start, params.RHYTHM_WINDOW_S)
    fixture = {
        "rateHz": RATE, "samples": [round(float(v), 4) for v in x], "stft": params.STFT,
        "peaks": [int(p) for p in peaks],
        "beatRr": [[float(v) for v in features.beat_rr(times, i)] for i in range(len(peaks))],
        "beatIndex": beat_index, "beatStartSeconds": float(beat_start), "beatSeconds": params.BEAT_WINDOW_S,
        "beatSpectrogram": [round(float(v), 5) for v in features.stft_db(beat_window, RATE).flatten()],
        "templateBeats": on_signal, "templateBeatsPerTemplate": params.TEMPLATE_BEATS,
        # ordinals among templateBeats: both record edges (the window shifted inside) and the sliding middle
        "templateOrdinals": checked,
        "beatTemplates": [[round(float(v), 5) for v in templates[k].flatten()] for k in checked],
        "wave": {"beforeSeconds": params.WAVE_BEFORE_S, "afterSeconds": params.WAVE_AFTER_S,
                 "samples": params.WAVE_SAMPLES},
        "beatWave": [round(float(v), 6) for v in features.beat_waveform(beat_window, RATE)],
        "waveTemplates": [[round(float(v), 6) for v in wave_templates[k]] for k in checked],
        "rhythmStartSeconds": rhythm_start, "rhythmSeconds": params.RHYTHM_WINDOW_S,
        "rhythmRr": [float(v) for v in features.rhythm_rr(times, rhythm_start, params.RHYTHM_WINDOW_S)],
        "rhythmSpectrogram": [round(float(v), 5) for v in features.stft_db(rhythm_window, RATE).flatten()],
        "frames": {"beat": params.BEAT_FRAMES, "rhythm": params.RHYTHM_FRAMES, "bins": params.BINS},
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(fixture, f)
    print(f"wrote {OUT}: {len(x)} samples, {len(peaks)} R peaks")


if __name__ == "__main__":
    main()
