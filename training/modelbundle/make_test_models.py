#!/usr/bin/python3
"""Generates the tiny demo model bundles the inference runtime's tests and the itests use.

    apt-get install -y python3-torch python3-onnx
    /usr/bin/python3 training/modelbundle/make_test_models.py bundles/io.ictal.inference/src/test/resources/modelbundles

Every bundle holds the same tiny CNN architecture (3x8x8 image -> 2 class probabilities, ~1 KB of
weights) with different seeds, so a test can tell which version answered from the outputs:
  io.ictal.model.demo-1.0.0.jar     valid, version 1.0.0
  io.ictal.model.demo-1.1.0.jar     valid, version 1.1.0 (other weights)
and corrupt variants, each claiming version 1.2.0 so that it would take over if it were accepted:
  bad-hash.jar        the card's sha256 does not match the .onnx
  wrong-shape.jar     the graph takes 1x8x8 images, the card says 3x8x8
  garbage-onnx.jar    the .onnx is random bytes (hash filled in, so the load itself fails)
  missing-card.jar    the Ictal-Model header names a card that is not in the jar
  bad-golden.jar      the golden output belongs to other weights
"""
import copy
import io
import os
import random
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_model_bundle as bundle  # noqa: E402
import golden  # noqa: E402

GRAPH = "model/demo.onnx"
SYMBOLIC_NAME = "io.ictal.model.demo"


class TinyCnn(torch.nn.Module):
    def __init__(self, channels=3):
        super().__init__()
        self.conv = torch.nn.Conv2d(channels, 4, 3, padding=1)
        self.pool = torch.nn.AdaptiveAvgPool2d(2)
        self.fc = torch.nn.Linear(16, 2)

    def forward(self, image):
        x = torch.relu(self.conv(image))
        return torch.softmax(self.fc(torch.flatten(self.pool(x), 1)), dim=1)


def make(seed, channels=3):
    torch.manual_seed(seed)
    model = TinyCnn(channels).eval()
    example = {"image": torch.rand(2, channels, 8, 8)}
    buf = io.BytesIO()
    golden.export_onnx(model, example, ["probabilities"], buf)
    return model, example, buf.getvalue()


def card(version, model, example):
    return {
        "id": "ictal-demo",
        "task": "seizure-detection",
        "version": version,
        "graph": GRAPH,
        "input": {
            "tensors": [{"name": "image", "shape": [-1, 3, 8, 8], "dtype": "float32"}],
            "samplingRateHz": 256,
            "windowSeconds": 4,
            "hopSeconds": 1,
            "spectrogram": {"kind": "image",
                            "stft": {"windowSeconds": 0.5, "hopSeconds": 0.5, "taper": "HANN", "detrend": "CONSTANT",
                                     "scale": "DECIBEL", "minHz": 0, "maxHz": 64, "resampleToHz": 0},
                            "imageSeconds": 4, "height": 8, "width": 8, "range": "FIXED", "minDb": -20,
                            "maxDb": 40, "colourMap": "JET"},
            "montage": "bipolar-double-banana",
            "channels": ["Fp1-F7", "F7-T7", "T7-P7"],
            "normalisation": {"method": "none", "mean": [], "std": []},
        },
        "outputs": [{"name": "probabilities", "shape": [-1, 2], "dtype": "float32"}],
        "labels": ["background", "seizure"],
        "thresholds": {"seizure": 0.5},
        "trainingData": [{"name": "none (random weights)", "citation": "Ictal test fixture, not a trained model",
                          "url": ""}],
        "metrics": [{"name": "balanced-accuracy", "value": 0.5, "split": "none: untrained fixture"}],
        "golden": golden.golden_pair(model, example, ["probabilities"]),
    }


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    jar = lambda name: os.path.join(out_dir, name)  # noqa: E731
    m1, x1, onnx1 = make(seed=1)
    m2, x2, onnx2 = make(seed=2)
    bundle.build(card("1.0.0", m1, x1), {GRAPH: onnx1}, SYMBOLIC_NAME, jar(SYMBOLIC_NAME + "-1.0.0.jar"))
    bundle.build(card("1.1.0", m2, x2), {GRAPH: onnx2}, SYMBOLIC_NAME, jar(SYMBOLIC_NAME + "-1.1.0.jar"))

    bad = card("1.2.0", m2, x2)
    bad["sha256"] = {GRAPH: "0" * 64}
    bundle.build(bad, {GRAPH: onnx2}, SYMBOLIC_NAME + ".badhash", jar("bad-hash.jar"), fill_hashes=False)

    m3, x3, onnx3 = make(seed=3, channels=1)
    bundle.build(card("1.2.0", m2, x2), {GRAPH: onnx3}, SYMBOLIC_NAME + ".wrongshape", jar("wrong-shape.jar"))

    garbage = bytes(random.Random(4).getrandbits(8) for _ in range(2048))
    bundle.build(card("1.2.0", m2, x2), {GRAPH: garbage}, SYMBOLIC_NAME + ".garbage", jar("garbage-onnx.jar"))

    bundle.build(card("1.2.0", m2, x2), {GRAPH: onnx2}, SYMBOLIC_NAME + ".missingcard", jar("missing-card.jar"),
                 write_card=False)

    wrong_golden = card("1.2.0", m2, x2)
    wrong_golden["golden"] = copy.deepcopy(card("1.2.0", m1, x2)["golden"])
    bundle.build(wrong_golden, {GRAPH: onnx2}, SYMBOLIC_NAME + ".badgolden", jar("bad-golden.jar"))
    for name in sorted(os.listdir(out_dir)):
        print(f"{os.path.getsize(jar(name)):6d}  {jar(name)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bundles/io.ictal.inference/src/test/resources/modelbundles")
