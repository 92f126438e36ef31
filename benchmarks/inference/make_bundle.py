#!/usr/bin/python3
"""Exports the benchmark model to ONNX and packs it as a model bundle (golden pair from PyTorch).

    /usr/bin/python3 benchmarks/inference/make_bundle.py <out dir>
"""
import json
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "training", "modelbundle"))
import build_model_bundle  # noqa: E402
import golden  # noqa: E402
import model as bench_model  # noqa: E402


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    model = bench_model.build()
    torch.manual_seed(11)
    example = {"image": torch.rand(2, 3, 64, 64)}
    onnx_path = os.path.join(out_dir, "detector-sized.onnx")
    golden.export_onnx(model, example, ["probabilities"], onnx_path)
    card = {
        "id": "benchmark-detector-sized-cnn", "task": "seizure-detection", "version": "0.0.1",
        "graph": "model/detector-sized.onnx",
        "input": {"tensors": [{"name": "image", "shape": [-1, 3, 64, 64], "dtype": "float32"}],
                  "samplingRateHz": 256, "windowSeconds": 4, "hopSeconds": 1,
                  "spectrogram": {"kind": "image",
                                  "stft": {"windowSeconds": 1, "hopSeconds": 0.0625, "taper": "HANN",
                                           "detrend": "CONSTANT", "scale": "DECIBEL", "minHz": 0, "maxHz": 64},
                                  "imageSeconds": 4, "height": 64, "width": 64, "range": "FIXED",
                                  "minDb": -20, "maxDb": 40, "colourMap": "JET"},
                  "montage": "bipolar-double-banana", "channels": [],
                  "normalisation": {"method": "none", "mean": [], "std": []}},
        "outputs": [{"name": "probabilities", "shape": [-1, 2], "dtype": "float32"}],
        "labels": ["background", "seizure"], "thresholds": {"seizure": 0.5},
        "trainingData": [], "metrics": [],
        "golden": golden.golden_pair(model, example, ["probabilities"], tolerance=1e-4),
    }
    with open(onnx_path, "rb") as f:
        onnx_bytes = f.read()
    jar = os.path.join(out_dir, "benchmark-model.jar")
    build_model_bundle.build(card, {card["graph"]: onnx_bytes}, "io.ictal.model.benchmark", jar)
    print(json.dumps({"parameters": bench_model.parameters(model), "onnx_bytes": len(onnx_bytes), "jar": jar}))


if __name__ == "__main__":
    main(sys.argv[1])
