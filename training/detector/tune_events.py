#!/usr/bin/python3
"""Chooses the event post-processing (the card's on/off thresholds; the detector's median-channel gain,
smoothing and minimum duration) on long simulated VALIDATION recordings (seeds 301+, never trained on, never
used by evaluate_events.py): the Java detector classifies them once per median-channel gain, writing its
probability trace, and the detector's own EventFinder replays each trace for every other setting of the
grid (ReplayEvents); each is scored with SzCORE. Prints every setting's score and the chosen one: among the
settings with the best F1 and then the fewest false alarms, the middle one in (gain, on, minimum duration,
smoothing, off) order, so that the choice keeps a margin on both sides of the tied region. card.py and
DetectorConfig carry it.

    /usr/bin/python3 training/detector/tune_events.py --hours 24 --recordings 10
"""
import argparse
import itertools
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import evaluate_events  # noqa: E402
import params  # noqa: E402
import simulated  # noqa: E402

SEEDS_FROM = 301
GAINS = [0, 4, 5, 6]  # DetectorConfig.medianChannelGain (0: the mean of the top channels alone, as until session 11)
# Smoothing, minimum duration and the off threshold stay at 2.1.0's choice (5 windows, 10 s, 0.5): in session 11
# tuning them with the gain on 96 h chose 7 windows and 16 s, which lost brief absences on the event test.
GRID = {"on": [0.6, 0.7, 0.8, 0.9], "off": [0.5], "smoothing": [5], "minDuration": [10], "mergeGap": [30]}


def main(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--work", default="/tmp/ictal-detector-work")
    p.add_argument("--hours", type=float, default=24)
    p.add_argument("--recordings", type=int, default=2)
    p.add_argument("--types", default=simulated.TYPES, help="the seizure types, in turn ('' for the simulator's "
                   "default, focal evolving only: how post-processing was tuned before model 2.1.0)")
    a = p.parse_args(argv)
    detector_cp, simulator_cp, model_jar = evaluate_events.classpath()
    folder = os.path.join(a.work, "tune")
    os.makedirs(folder, exist_ok=True)
    seeds = list(range(SEEDS_FROM, SEEDS_FROM + a.recordings))
    files, truths = [], []
    for seed in seeds:
        path = evaluate_events.simulate(folder, seed, a.hours, 0.5, a.types, simulator_cp)
        truth = path[:-4] + ".json"
        files.append(path)
        with open(truth) as f:
            truths.append([(s["onset"], s["onset"] + s["duration"]) for s in json.load(f)["seizures"]])
    classes = os.path.join(a.work, "bench-classes")
    sources = [os.path.join(REPO, "benchmarks", "detector", "src", "io", "ictal", d, "internal", f) for d, f in
               (("inference", "DetectorBench.java"), ("detector", "ReplayEvents.java"))]
    subprocess.run(["javac", "-d", classes, "-cp", detector_cp] + sources, check=True)
    cp = classes + ":" + detector_cp
    settings = [",".join(str(v) for v in combo) for combo in itertools.product(*GRID.values()) if combo[1] < combo[0]]
    totals = {}
    for gain in GAINS:
        traces = os.path.join(folder, f"gain-{gain:g}")
        os.makedirs(traces, exist_ok=True)
        # Always anew: traces of an earlier model under the same file names would tune the wrong model.
        subprocess.run(["java", "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", f"-Dtrace.dir={traces}",
                        f"-Dmedian.gain={gain}", "-cp", cp, "io.ictal.inference.internal.DetectorBench", model_jar]
                       + files, check=True, stdout=subprocess.DEVNULL)
        for path, truth in zip(files, truths):
            out = subprocess.run(["java", "-cp", cp, "io.ictal.detector.internal.ReplayEvents",
                                  os.path.join(traces, os.path.basename(path) + ".trace"),
                                  str(params.HOP_SECONDS), str(params.WINDOW_SECONDS)] + settings,
                                 check=True, stdout=subprocess.PIPE, text=True).stdout
            for line in out.splitlines():
                r = json.loads(line)
                counts = evaluate_events.score(truth, [tuple(e) for e in r["events"]])
                key = f"{gain:g},{r['setting']}"
                totals[key] = [t + c for t, c in zip(totals.get(key, [0, 0, 0, 0]), counts)]
    hours = a.hours * a.recordings
    rows = []
    for s, (n_ref, found, n_hyp, correct) in totals.items():
        sens = found / n_ref
        prec = correct / n_hyp if n_hyp else 0.0
        f1 = 2 * sens * prec / (sens + prec) if sens + prec else 0.0
        rows.append({"setting": s, "sensitivity": round(sens, 4), "precision": round(prec, 4), "f1": round(f1, 4),
                     "falseAlarmsPer24h": round((n_hyp - correct) / hours * 24, 3)})
    rows.sort(key=lambda r: (-r["f1"], r["falseAlarmsPer24h"]))
    for r in rows:
        print(json.dumps(r))
    tied = [r for r in rows if (r["f1"], r["falseAlarmsPer24h"]) == (rows[0]["f1"], rows[0]["falseAlarmsPer24h"])]
    order = lambda r: tuple(float(v) for v in r["setting"].split(","))  # noqa: E731
    values = order(sorted(tied, key=lambda r: (order(r)[0], order(r)[1], order(r)[4], order(r)[3], order(r)[2]))
                   [len(tied) // 2])
    best = next(r for r in tied if order(r) == values)
    chosen = dict(zip(["medianChannelGain", *GRID], values))
    print(json.dumps({"chosen": chosen, "tied": len(tied), "validationSeeds": f"{seeds[0]}-{seeds[-1]}",
                      "hours": hours, **best}))
    with open(os.path.join(a.work, "tuned-events.json"), "w") as f:
        json.dump({"chosen": chosen, "tied": len(tied), "validationSeeds": f"{seeds[0]}-{seeds[-1]}", "hours": hours,
                   "score": best}, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
