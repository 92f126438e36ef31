#!/usr/bin/python3
"""Seed draws of variants_cv.py runs pooled into one ensemble: the members' S Se, the pooled ensemble's N/S/V
Se over all records and over each database alone, and S Se of single records (per member and of the ensemble), from the out-of-fold
probabilities variants_cv.py wrote (<work>/variant-<tag>.npz). Tags joined by commas make one ensemble.

    /usr/bin/python3 training/ecg/variant_records.py template-s2,template-s2-seeds4-6 \\
        template-rate-s2,template-rate-s2-seeds4-6 --records svdb/865 svdb/822
"""
import argparse
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import data  # noqa: E402
import train as t  # noqa: E402


def sensitivities(beats, probs, mask):
    """N, S, V Se in % of the beats in mask (N beats weighted back as in variants_cv.py)."""
    y, w, pred = beats["y"], beats["w"], probs.argmax(axis=1)
    out = []
    for c in range(3):
        m = mask & (y == c)
        out.append(100 * float((w[m] * (pred[m] == c)).sum() / w[m].sum()) if m.any() else float("nan"))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("ensembles", nargs="+", help="comma-joined variants_cv.py tags, one ensemble each")
    p.add_argument("--records", nargs="*", default=["svdb/865", "svdb/822"])
    p.add_argument("--ecg", default=os.path.join(t.REPO, "..", "shared", "data", "ecg"))
    p.add_argument("--work", default="/tmp/ictal-ecg-work")
    a = p.parse_args()
    beats = data.beats(a.ecg, a.work, t.SEED)
    names = list(beats["names"])
    everything = np.ones(len(beats["y"]), dtype=bool)
    for tags in a.ensembles:
        oof = np.concatenate([np.load(os.path.join(a.work, f"variant-{tag}.npz"))["oof"] for tag in tags.split(",")])
        singles = np.array([sensitivities(beats, o, everything) for o in oof])  # [member][N, S, V]
        n, s, v = sensitivities(beats, oof.mean(axis=0), everything)
        print(f"{tags}: {len(oof)} members, " + ", ".join(
            f"{c} {np.mean(singles[:, j]):.1f} [{singles[:, j].min():.1f}-{singles[:, j].max():.1f}]"
            for j, c in enumerate("NSV")) + f" (S {', '.join(f'{x:.1f}' for x in singles[:, 1])}); "
              f"ensemble N {n:.1f}, S {s:.1f}, V {v:.1f}")
        for db in ("mitdb", "svdb"):
            mask = np.isin(beats["record"], [i for i, name in enumerate(names) if name.startswith(db + "/")])
            members = [sensitivities(beats, o, mask)[1] for o in oof]
            n, s, v = sensitivities(beats, oof.mean(axis=0), mask)
            print(f"  {db} alone: members' S {np.mean(members):.1f} [{min(members):.1f}-{max(members):.1f}]; "
                  f"ensemble N {n:.1f}, S {s:.1f}, V {v:.1f}")
        for record in a.records:
            mask = beats["record"] == names.index(record)
            members = [sensitivities(beats, o, mask)[1] for o in oof]
            print(f"  {record} S: members {', '.join(f'{x:.1f}' for x in members)}; "
                  f"ensemble {sensitivities(beats, oof.mean(axis=0), mask)[1]:.1f}")


if __name__ == "__main__":
    main()
