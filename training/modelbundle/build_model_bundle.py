#!/usr/bin/python3
"""Turns .onnx files and a model card into a data-only OSGi model bundle (a jar).

The card must already carry its golden input/output pair (computed with the training framework,
see golden.py: Debian has no onnxruntime for Python, the Java runtime verifies the pair on load).
This script fills in the sha256 of every .onnx file, writes the manifest that marks a model bundle
(Ictal-Model: <card path>) and zips everything, manifest first as the jar format requires.

    /usr/bin/python3 build_model_bundle.py --card card.json --onnx model.onnx \
        --symbolic-name io.ictal.model.detector --out io.ictal.model.detector-1.0.0.jar
"""
import argparse
import hashlib
import json
import re
import sys
import zipfile

MODEL_DIR = "model/"
CARD_PATH = MODEL_DIR + "card.json"
HEADER = "Ictal-Model"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest(symbolic_name: str, version: str, name: str, card_path: str) -> str:
    lines = [
        "Manifest-Version: 1.0",
        "Bundle-ManifestVersion: 2",
        "Bundle-SymbolicName: " + symbolic_name,
        "Bundle-Version: " + version,
        "Bundle-Name: " + name,
        HEADER + ": " + card_path,
    ]
    # Manifest lines are limited to 72 bytes; continuation lines start with a space.
    out = []
    for line in lines:
        while len(line.encode()) > 72:
            out.append(line[:72])
            line = " " + line[72:]
        out.append(line)
    return "\r\n".join(out) + "\r\n\r\n"


def build(card: dict, onnx_files: dict, symbolic_name: str, out_path: str,
          card_path: str = CARD_PATH, fill_hashes: bool = True, write_card: bool = True) -> None:
    """Writes the bundle.

    card: the card as a dict (sha256 is filled in unless fill_hashes is False)
    onnx_files: path inside the bundle -> file content (bytes)
    card_path: what the Ictal-Model header names; write_card=False leaves it out (a corrupt test variant)
    """
    version = card["version"]
    if not re.fullmatch(r"\d+\.\d+\.\d+(\.[A-Za-z0-9_-]+)?", version):
        raise SystemExit(f"card field 'version': expected major.minor.micro[.qualifier], was {version!r}")
    if card.get("graph") not in onnx_files:
        raise SystemExit(f"card field 'graph': {card.get('graph')!r} is not one of the given files {list(onnx_files)}")
    if "golden" not in card:
        raise SystemExit("card field 'golden': missing; compute it with golden.py from the trained model")
    if fill_hashes:
        card = dict(card, sha256={path: sha256(data) for path, data in onnx_files.items()})
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as jar:
        # Fixed timestamps keep rebuilt fixtures byte-identical.
        def put(name, data):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            jar.writestr(info, data)
        put("META-INF/MANIFEST.MF", manifest(symbolic_name, version, card["id"] + " " + version, card_path))
        if write_card:
            put(card_path, json.dumps(card, indent=1))
        for path, data in onnx_files.items():
            put(path, data)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--card", required=True, help="model card JSON with its golden pair")
    p.add_argument("--onnx", required=True, action="append",
                   help="an .onnx file; stored as model/<file name>; repeat for several")
    p.add_argument("--symbolic-name", required=True, help="Bundle-SymbolicName, e.g. io.ictal.model.detector")
    p.add_argument("--out", required=True, help="jar to write")
    a = p.parse_args(argv)
    with open(a.card) as f:
        card = json.load(f)
    files = {}
    for path in a.onnx:
        with open(path, "rb") as f:
            files[MODEL_DIR + path.rsplit("/", 1)[-1]] = f.read()
    build(card, files, a.symbolic_name, a.out)
    print(f"wrote {a.out}: {card['id']} {card['version']} ({card['task']}), files {sorted(files)}")


if __name__ == "__main__":
    main(sys.argv[1:])
