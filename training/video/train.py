"""Trains the video semiology model (after GESTURES, Perez-Garcia et al. 2021): an R(2+1)D-style
STCNN over 8-frame grey 64x64 snippets (15 fps) giving a 64-d embedding and per-snippet
probabilities (none, FOS, TCS), then a BLSTM over the sequence of embeddings giving P(FOS), P(TCS)
for a whole video of any length. Evaluates on held-out patients, exports both graphs to ONNX with
golden pairs and writes the two cards. Input: folders written by io.ictal.video's SnippetDumper
(the Java decoding + preprocessing path the classifier uses). Every number in the cards comes from
this script's evaluation."""
import argparse
import csv
import hashlib
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "modelbundle"))
from golden import golden_pair, tensor_json  # noqa: E402

ID = "ictal-video-gestures"
VERSION = "1.0.0"
SNIPPET_CLASSES = ["none", "FOS", "TCS"]
SEQUENCE_CLASSES = ["FOS", "TCS"]
FRAMES, SIZE, FPS = 8, 64, 15.0
EMBEDDING = 64
SEED = 11


class Block(nn.Module):
    """(2+1)D: a spatial 1x3x3 convolution, then a temporal 3x1x1 one (Tran et al. 2018)."""

    def __init__(self, cin, cout, kernel, spatial_stride, temporal_stride):
        super().__init__()
        pad = kernel // 2 if kernel % 2 else 0
        self.spatial = nn.Conv3d(cin, cout, (1, kernel, kernel), stride=(1, spatial_stride, spatial_stride),
                                 padding=(0, pad, pad), bias=False)
        self.bn1 = nn.BatchNorm3d(cout)
        self.temporal = nn.Conv3d(cout, cout, (3, 1, 1), stride=(temporal_stride, 1, 1), padding=(1, 0, 0), bias=False)
        self.bn2 = nn.BatchNorm3d(cout)

    def forward(self, x):
        return F.relu(self.bn2(self.temporal(F.relu(self.bn1(self.spatial(x))))))


class STCNN(nn.Module):
    def __init__(self):
        super().__init__()
        # The first block cuts 4x4 patches (64x64 -> 16x16): on this shared 2-core machine a 3x3
        # stride-2 start cost twice the time per step for no gain on the simulated data.
        self.blocks = nn.Sequential(Block(1, 16, 4, 4, 1), Block(16, 32, 3, 2, 1), Block(32, 64, 3, 2, 2),
                                    Block(64, EMBEDDING, 3, 2, 2))
        self.head = nn.Linear(EMBEDDING, len(SNIPPET_CLASSES))

    def embed(self, x):
        return self.blocks(x).mean(dim=(2, 3, 4))

    def forward(self, snippets):
        e = self.embed(snippets)
        return F.softmax(self.head(e), dim=1), e


class BLSTM(nn.Module):
    def __init__(self, hidden=32):
        super().__init__()
        self.lstm = nn.LSTM(EMBEDDING, hidden, batch_first=True, bidirectional=True)
        self.head = nn.Linear(2 * hidden, len(SEQUENCE_CLASSES))

    def logits(self, embeddings):
        out, _ = self.lstm(embeddings)
        return self.head(out.mean(dim=1))

    def forward(self, embeddings):
        return F.softmax(self.logits(embeddings), dim=1)


def load(folder):
    videos = []
    with open(os.path.join(folder, "index.csv")) as f:
        for row in csv.DictReader(f):
            x = np.load(os.path.join(folder, row["npy"]), mmap_mode="r")
            step = float(row["snippet_seconds"])
            mid = (np.arange(x.shape[0]) + 0.5) * step
            inside = (mid >= float(row["onset"])) & (mid <= float(row["offset"]))
            label = SEQUENCE_CLASSES.index(row["label"])
            snippet_labels = np.where(inside, label + 1, 0)
            videos.append({"file": row["file"], "patient": row["patient"], "x": x, "label": label,
                           "snippet_labels": snippet_labels})
    return videos


def augment(batch, rng):
    """Mirror (left/right seizures look alike to the classes), brightness/contrast, a small shift."""
    out = batch.copy()
    for i in range(len(out)):
        if rng.random() < 0.5:
            out[i] = out[i][:, :, ::-1]
        gain = rng.uniform(0.7, 1.3)
        bias = rng.uniform(-0.15, 0.15)
        out[i] = np.clip(out[i] * gain + bias, 0, 1)
        dy, dx = rng.integers(-4, 5, size=2)
        out[i] = np.roll(out[i], (dy, dx), axis=(1, 2))
    return out


def train_stcnn(videos, steps, batch, rng):
    pool = {c: [] for c in range(len(SNIPPET_CLASSES))}
    for vi, v in enumerate(videos):
        for si, c in enumerate(v["snippet_labels"]):
            pool[int(c)].append((vi, si))
    print("train snippets per class:", {SNIPPET_CLASSES[c]: len(p) for c, p in pool.items()}, flush=True)
    model = STCNN()
    print(f"STCNN parameters: {sum(p.numel() for p in model.parameters())}", flush=True)
    opt = torch.optim.Adam(model.parameters(), lr=2e-3, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps)
    model.train()
    start = time.time()
    for step in range(steps):
        classes = rng.integers(0, len(SNIPPET_CLASSES), size=batch)  # class-balanced
        picks = [pool[c][rng.integers(len(pool[c]))] for c in classes]
        x = np.stack([videos[vi]["x"][si] for vi, si in picks]).astype(np.float32) / 255.0
        x = augment(x, rng)
        xt = torch.from_numpy(np.ascontiguousarray(x[:, None]))
        logits = model.head(model.embed(xt))
        loss = F.cross_entropy(logits, torch.from_numpy(classes))
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        if step % 50 == 0 or step == steps - 1:
            print(f"stcnn step {step} loss {loss.item():.3f} ({time.time() - start:.0f} s)", flush=True)
    model.eval()
    return model


def embed_all(model, videos):
    with torch.no_grad():
        for v in videos:
            probs, emb = [], []
            for i in range(0, len(v["x"]), 64):
                x = torch.from_numpy(np.asarray(v["x"][i:i + 64], dtype=np.float32)[:, None] / 255.0)
                p, e = model(x)
                probs.append(p.numpy())
                emb.append(e.numpy())
            v["snippet_probs"] = np.concatenate(probs)
            v["embeddings"] = np.concatenate(emb)


def train_blstm(videos, epochs, rng):
    model = BLSTM()
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    for epoch in range(epochs):
        total = 0.0
        for vi in rng.permutation(len(videos)):
            v = videos[vi]
            e = v["embeddings"]
            # Random crops: events reach the classifier with varying margins and lengths.
            if rng.random() < 0.5 and len(e) > 24:
                length = int(rng.integers(16, len(e) + 1))
                first = int(rng.integers(0, len(e) - length + 1))
                e = e[first:first + length]
            logits = model.logits(torch.from_numpy(np.ascontiguousarray(e[None])))
            loss = F.cross_entropy(logits, torch.tensor([v["label"]]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item()
        if epoch % 5 == 0 or epoch == epochs - 1:
            print(f"blstm epoch {epoch} mean loss {total / len(videos):.3f}", flush=True)
    model.eval()
    return model


def auroc(scores, labels):
    scores, labels = np.asarray(scores), np.asarray(labels)
    pos, neg = scores[labels == 1], scores[labels == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def evaluate(stcnn, blstm, videos):
    p_tcs, labels, preds = [], [], []
    with torch.no_grad():
        for v in videos:
            p = blstm(torch.from_numpy(v["embeddings"][None])).numpy()[0]
            p_tcs.append(float(p[1]))
            labels.append(v["label"])
            preds.append(int(p.argmax()))
    labels, preds = np.array(labels), np.array(preds)
    snippet_true = np.concatenate([v["snippet_labels"] for v in videos])
    snippet_pred = np.concatenate([v["snippet_probs"].argmax(1) for v in videos])
    per_class = [float((snippet_pred[snippet_true == c] == c).mean()) for c in range(len(SNIPPET_CLASSES))]
    return {
        "videos": len(videos),
        "patients": len({v["patient"] for v in videos}),
        "accuracy": float((labels == preds).mean()),
        "sensitivityFOS": float((preds[labels == 0] == 0).mean()),
        "sensitivityTCS": float((preds[labels == 1] == 1).mean()),
        "auroc": auroc(p_tcs, labels),
        "snippetBalancedAccuracy": float(np.mean(per_class)),
        "snippets": int(len(snippet_true)),
        "perVideo": [{"file": v["file"], "label": SEQUENCE_CLASSES[v["label"]], "pTCS": round(p, 4)}
                     for v, p in zip(videos, p_tcs)],
    }


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def export(stcnn, blstm, videos, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    stcnn_path = os.path.join(out_dir, "stcnn.onnx")
    blstm_path = os.path.join(out_dir, "blstm.onnx")
    # Golden inputs: real snippets and a real (short) embedding sequence from the test set.
    # One snippet, values rounded to 5 decimals to keep the card small (the exported graph is run on
    # exactly these rounded values when the bundle starts).
    x = torch.from_numpy(np.round(np.asarray(videos[0]["x"][:1], dtype=np.float32)[:, None] / 255.0, 5))
    torch.onnx.export(stcnn, (x,), stcnn_path, input_names=["snippets"],
                      output_names=["snippet_probabilities", "embedding"],
                      dynamic_axes={"snippets": {0: "batch"}, "snippet_probabilities": {0: "batch"},
                                    "embedding": {0: "batch"}}, opset_version=17)
    e = torch.from_numpy(videos[0]["embeddings"][None, :12].copy())
    torch.onnx.export(blstm, (e,), blstm_path, input_names=["embeddings"], output_names=["probabilities"],
                      dynamic_axes={"embeddings": {0: "batch", 1: "snippets"}, "probabilities": {0: "batch"}},
                      opset_version=17)
    golden_stcnn = golden_pair(stcnn, {"snippets": x}, ["snippet_probabilities", "embedding"], tolerance=1e-3)
    golden_stcnn["inputs"]["snippets"]["data"] = [round(v, 5) for v in golden_stcnn["inputs"]["snippets"]["data"]]
    golden_blstm = golden_pair(blstm, {"embeddings": e}, ["probabilities"], tolerance=1e-4)
    return stcnn_path, blstm_path, golden_stcnn, golden_blstm


def card(task, graph, sha, tensors, outputs, labels, golden, metrics, train_info):
    return {
        "id": ID + ("-stcnn" if task.endswith("snippet") else "-blstm"),
        "task": task,
        "version": VERSION,
        "graph": "model/" + graph,
        "sha256": {"model/" + graph: sha},
        "input": {
            "tensors": tensors,
            "samplingRateHz": FPS,
            "windowSeconds": FRAMES / FPS,
            "hopSeconds": FRAMES / FPS,
            "spectrogram": {"kind": "none"},
            "montage": "video",
            "channels": [],
            "normalisation": {"method": "luma-area-average-64x64-div-255", "mean": [], "std": []},
        },
        "outputs": outputs,
        "labels": labels,
        "thresholds": {},
        "trainingData": [{"name": train_info, "citation": "this project; synthetic video only, no patient data, "
                          "no real seizure video", "url": ""}],
        "metrics": metrics,
        "golden": golden,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--test", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--bundle", help="write the ONNX files and cards here (the model bundle's resources)")
    ap.add_argument("--steps", type=int, default=500)
    ap.add_argument("--batch", type=int, default=24)
    ap.add_argument("--blstm-epochs", type=int, default=30)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    train, test = load(args.train), load(args.test)
    overlap = {v["patient"] for v in train} & {v["patient"] for v in test}
    if overlap:
        raise SystemExit(f"patients in both train and test: {sorted(overlap)}")
    start = time.time()
    stcnn = train_stcnn(train, args.steps, args.batch, rng)
    embed_all(stcnn, train)
    embed_all(stcnn, test)
    blstm = train_blstm(train, args.blstm_epochs, rng)
    minutes = (time.time() - start) / 60
    result = {"train": evaluate(stcnn, blstm, train), "test": evaluate(stcnn, blstm, test),
              "trainingMinutes": round(minutes, 1), "steps": args.steps, "batch": args.batch,
              "blstmEpochs": args.blstm_epochs, "seed": SEED}
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "metrics.json"), "w") as f:
        json.dump(result, f, indent=1)
    for split in ("train", "test"):
        r = result[split]
        print(f"{split}: {r['videos']} videos of {r['patients']} patients: accuracy {r['accuracy']:.3f}, "
              f"sensitivity FOS {r['sensitivityFOS']:.3f} TCS {r['sensitivityTCS']:.3f}, AUROC {r['auroc']:.3f}, "
              f"snippet balanced accuracy {r['snippetBalancedAccuracy']:.3f} ({r['snippets']} snippets)", flush=True)
    out_dir = args.bundle or args.out
    stcnn_path, blstm_path, g1, g2 = export(stcnn, blstm, test, out_dir)
    t = result["test"]
    split = (f"held-out simulated patients ({t['patients']} appearance seeds never trained on, {t['videos']} "
             f"clips of one seizure with 4-12 s margins; simulated video only)")
    video_metrics = [{"name": n, "value": t[k], "split": split} for n, k in
                     (("accuracy", "accuracy"), ("sensitivity-FOS", "sensitivityFOS"),
                      ("sensitivity-TCS", "sensitivityTCS"), ("auroc-TCS", "auroc"))]
    snippet_metrics = [{"name": "snippet-balanced-accuracy", "value": t["snippetBalancedAccuracy"],
                        "split": split + f", {t['snippets']} snippets, classes none/FOS/TCS"}]
    train_info = (f"Ictal video simulator (io.ictal.video VideoSimulator): {result['train']['videos']} clips of "
                  f"{result['train']['patients']} simulated patients, 128x96 H.264 at 15 fps, decoded by the "
                  f"bundle's own jcodec path")
    snippet_tensor = [{"name": "snippets", "shape": [-1, 1, FRAMES, SIZE, SIZE], "dtype": "float32"}]
    c1 = card("video-semiology-snippet", "stcnn.onnx", sha256(stcnn_path), snippet_tensor,
              [{"name": "snippet_probabilities", "shape": [-1, 3], "dtype": "float32"},
               {"name": "embedding", "shape": [-1, EMBEDDING], "dtype": "float32"}],
              SNIPPET_CLASSES, g1, snippet_metrics + video_metrics, train_info)
    c2 = card("video-semiology", "blstm.onnx", sha256(blstm_path),
              [{"name": "embeddings", "shape": [-1, -1, EMBEDDING], "dtype": "float32"}],
              [{"name": "probabilities", "shape": [-1, 2], "dtype": "float32"}],
              SEQUENCE_CLASSES, g2, video_metrics, train_info)
    for name, c in (("stcnn.json", c1), ("blstm.json", c2)):
        with open(os.path.join(out_dir, name), "w") as f:
            json.dump(c, f, indent=1)
    print(f"wrote {stcnn_path}, {blstm_path} and their cards; training took {minutes:.1f} min", flush=True)


if __name__ == "__main__":
    main()
