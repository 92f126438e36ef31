#!/usr/bin/python3
"""Turns the raw output of benchmarks/run-all.sh (its work folder) into benchmarks/RESULTS.md and the
scaling plot. Every figure comes from the logs of the run; nothing is typed in by hand.

    /usr/bin/python3 summarize.py WORK RUNS "HOURS LIST" RESULTS.md PLOT.png
"""
import collections
import json
import os
import re
import statistics
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

work, runs, hours_list, results_md, plot_png = sys.argv[1], int(sys.argv[2]), [int(h) for h in sys.argv[3].split()], \
    sys.argv[4], sys.argv[5]
median = statistics.median


def path(name):
    return os.path.join(work, name)


def jsonl(name):
    return [json.loads(line) for line in open(path(name)) if line.strip()]


def fmt_list(values, digits=1):
    return ", ".join(f"{v:.{digits}f}" for v in values)


def goal(ratio, target):
    return f"**{ratio:.2f}** ({'met' if ratio >= target else 'MISSED'})"


machine = dict(line.rstrip("\n").split("=", 1) for line in open(path("machine.txt")) if "=" in line)
stages = {s["stage"]: s for s in jsonl("stages.jsonl")}
simulate = {s["hours"]: s for s in jsonl("simulate.jsonl")}
truth = {h: len(json.load(open(path(f"W{h}.json")))["seizures"]) for h in hours_list}

# ------------------------------------------------------------------ EDF decode
edf = collections.defaultdict(list)
for line in open(path("edf-decode-results.txt")):
    parts = line.split()
    edf[parts[0]].append(dict(p.split("=", 1) for p in parts[2:]))
edf_samples = int(edf["ictal"][0]["samples"])
edf_wall = {t: median(float(r["wall"]) for r in rows) for t, rows in edf.items()}
edf_inproc = {t: median(float(r["seconds"]) for r in rows) for t, rows in edf.items()}
edf_rss = {t: max(int(r["rss_kb"]) for r in rows) / 1024 for t, rows in edf.items()}
edf_heap = max(float(r["peak_heap_mb"]) for r in edf["ictal"])

# ------------------------------------------------------------------ spectrogram
spectro = collections.defaultdict(list)
for line in open(path("spectrogram.log")):
    m = re.search(r"compute_s=([\d.]+)", line)
    if not m or "median" in line:
        continue
    key = "scipy" if line.startswith("scipy") else "Ictal, %s thread(s)" % re.search(r"threads=(\d+)", line).group(1)
    spectro[key].append(float(m.group(1)))
scipy_s = median(spectro["scipy"])

# ------------------------------------------------------------------ inference
inference = json.load(open(path("inference.json")))

# ------------------------------------------------------------------ boot, client, end to end
boot = jsonl("boot.jsonl")
client = [c["seconds"] for c in jsonl("client.jsonl")]
flags = open(path("karaf-vm-flags.txt")).read()
max_heap_mb = int(re.search(r"MaxHeapSize=(\d+)", flags).group(1)) / 2**20
UNIT = {"K": 1 / 1024, "M": 1, "G": 1024}


def gc_heap(name):
    """Largest heap in use before a collection, largest after one (the live set), largest committed (MB)."""
    before, after, committed = [0.0], [0.0], [0.0]
    for m in re.finditer(r"(\d+)([KMG])->(\d+)([KMG])\((\d+)([KMG])\)", open(path(name)).read()):
        before.append(int(m.group(1)) * UNIT[m.group(2)])
        after.append(int(m.group(3)) * UNIT[m.group(4)])
        committed.append(int(m.group(5)) * UNIT[m.group(6)])
    return max(before), max(after), max(committed)


e2e = collections.defaultdict(list)
for row in jsonl("e2e.jsonl"):
    row["heap_before"], row["heap_after"], row["heap_committed"] = gc_heap(row["gc_log"])
    e2e[row["hours"]].append(row)
events = {}
for h in hours_list:
    # The status and summary lead the JSON; read them as text, so an output cut short still shows them
    # (it happened: see the note under the table).
    raw = open(path(f"analyze-W{h}.json")).read()
    status = re.search(r'"status": "([^"]*)"', raw).group(1)
    summary = re.search(r'"summary": "([^"]*)"', raw).group(1)
    try:
        json.loads(raw)
        events[h] = f"{status}: {summary}"
    except json.JSONDecodeError as e:
        events[h] = f"{status}: {summary}; **the last run's JSON output was cut at {len(raw):,} bytes** ({e.msg})"

# ------------------------------------------------------------------ profile
frames, ictal_frames, threads, samples = collections.Counter(), collections.Counter(), collections.Counter(), 0
text = open(path("w24-samples.txt")).read()
for block in text.split("jdk.ExecutionSample")[1:]:
    stack = re.search(r"stackTrace = \[\n(.*?)\n\s*\]", block, re.S)
    if not stack:
        continue
    samples += 1
    lines = [re.sub(r"\s+line:.*$", "", l.strip()) for l in stack.group(1).splitlines() if l.strip() != "..."]
    frames[lines[0]] += 1
    own = next((l for l in lines if l.startswith("io.ictal.")), "(no io.ictal frame in the top 12)")
    ictal_frames[own] += 1
    thread = re.search(r'sampledThread = "([^"]*)"', block)
    threads[re.sub(r"\d+", "N", thread.group(1)) if thread else "?"] += 1

# ONNX Runtime runs in native code: JFR sees it as native-method samples of threads inside ai.onnxruntime.
ort_native = 0
for block in open(path("w24-native.txt")).read().split("jdk.NativeMethodSample")[1:]:
    stack = re.search(r"stackTrace = \[\n(.*?)\n\s*\]", block, re.S)
    if stack and "ai.onnxruntime" in stack.group(1):
        ort_native += 1
# Periods of JFR's "profile" settings: Java samples every 10 ms, native samples every 20 ms.
ort_share = ort_native * 20 / (ort_native * 20 + samples * 10)

# ------------------------------------------------------------------ plot
fig, (ax_time, ax_heap) = plt.subplots(1, 2, figsize=(11, 4.2))
hs = [h for h in hours_list if e2e[h]]
wall = [median(r["seconds"] for r in e2e[h]) for h in hs]
cpu = [median(r["cpu_seconds"] for r in e2e[h]) for h in hs]
ax_time.plot(hs, wall, "o-", label="wall s (median)")
ax_time.plot(hs, cpu, "s--", label="Karaf CPU s (median)")
ax_time.plot([0, max(hs)], [0, 60 * max(hs) / 24], ":", color="grey", label="60 s per 24 h (goal's rate)")
ax_time.set_xlabel("recording hours")
ax_time.set_ylabel("seconds")
ax_time.set_title("bin/ictal analyze: cost vs recording length")
ax_time.legend()
ax_heap.plot(hs, [max(r["heap_after"] for r in e2e[h]) for h in hs], "o-", label="live heap after GC, max")
ax_heap.plot(hs, [max(r["heap_before"] for r in e2e[h]) for h in hs], "s--", label="heap before GC, max")
ax_heap.axhline(512, color="red", linestyle=":", label="512 MB goal (-Xmx)")
ax_heap.set_ylim(0, 600)
ax_heap.set_xlabel("recording hours")
ax_heap.set_ylabel("MB")
ax_heap.set_title("Karaf heap during the analysis")
ax_heap.legend()
fig.tight_layout()
fig.savefig(plot_png, dpi=110)

# ------------------------------------------------------------------ RESULTS.md
w24 = e2e[24]
w24_wall = median(r["seconds"] for r in w24)
w24_cpu = median(r["cpu_seconds"] for r in w24)
w24_heap = max(r["heap_before"] for r in w24)
client_s = median(client)
md = []
add = md.append
add("# Ictal benchmarks: everything on W24, in one run\n")
add(f"Generated by `benchmarks/run-all.sh {runs} {work} \"{' '.join(map(str, hours_list))}\"` "
    f"(`benchmarks/common/summarize.py` from the run's logs; not edited by hand) on {machine['date_utc']} UTC "
    f"at commit {machine['commit']}."
    + (" Stages 1-3 (EDF decode, spectrogram, inference) come from an earlier invocation of the same command in the "
       "same work folder on the same W24; this one ran with `COMPONENTS=0` (which keeps their output) to repeat "
       "the distribution stages." if os.environ.get("COMPONENTS") == "0" else "") + "\n")
add(f"**Machine**: {machine['cpu']}, {machine['cores']} cores, {machine['memory_gib']} GiB, Linux {machine['kernel']}, "
    f"{machine['java']}. Shared with other engineers' builds: 1/5/15-min load average {machine['load_start']} at the "
    f"start, {machine.get('load_end', '?').replace('load_end=', '')} at the end; the load at the end of each stage "
    "is in its table. Wall times on this machine are upper bounds; CPU seconds are what the work costs whatever else "
    "runs.\n")
add(f"**W24**: `SimulatorMain W24.edf --hours 24 --seed 2412 --seizures-per-hour 0.5` (io.ictal.simulator): 24 h, "
    f"21 EEG electrodes + EKG at 256 Hz, EDF+C with {truth[24]} simulated seizures as annotations, "
    f"{simulate[24]['bytes'] / 1e6:.0f} MB"
    + (f", written in {simulate[24]['seconds']:.1f} s" if simulate[24]["seconds"]
       else " (written by an earlier invocation in the same work folder; its time is not recorded)") + ". "
    "Every component benchmark below reads this same file (inference: a model, no file). The scaling series "
    f"uses the same seed for {', '.join(f'{h} h' for h in hours_list)}.\n")

add("## Goals\n")
add("| goal | measured (median) | ratio | |")
add("|---|---|---|---|")
add(f"| EDF decode ≥ 1.5× EDFlib | Ictal {edf_wall['ictal']:.2f} s, EDFlib {edf_wall['edflib']:.2f} s (whole process) "
    f"| {goal(edf_wall['edflib'] / edf_wall['ictal'], 1.5)} | EDFlib / Ictal time |")
add(f"| EDF decode ≥ 10× MNE | MNE {edf_wall['mne']:.2f} s | {goal(edf_wall['mne'] / edf_wall['ictal'], 10)} | "
    "MNE / Ictal time |")
best_java = min((k for k in spectro if k != "scipy"), key=lambda k: median(spectro[k]))
add(f"| STFT ≥ 1× scipy | scipy {scipy_s:.2f} s, {best_java} {median(spectro[best_java]):.2f} s "
    f"| {goal(scipy_s / median(spectro[best_java]), 1)} | scipy / Ictal time |")
for row in inference["rows"]:
    add(f"| ORT ≥ 1.5× PyTorch, batch {row['batch']} | PyTorch {row['torch_ms']:.2f} ms, ORT Java {row['ort_ms']:.2f} ms "
        f"per call | {goal(row['ratio'], 1.5)} | PyTorch / ORT time |")
add(f"| W24 end to end ≤ 60 s on 2 cores | `bin/ictal analyze` {w24_wall:.1f} s wall ({86400 / w24_wall:.0f}× real "
    f"time); {w24_cpu:.1f} Karaf CPU s = {w24_cpu / int(machine['cores']):.1f} s per core "
    f"| {goal(60 / w24_wall, 1)} | 60 s / wall |")
add(f"| W24 heap ≤ 512 MB | ran under -Xmx{max_heap_mb:.0f}m; heap in use at most {w24_heap:.0f} MB (before a GC), "
    f"live set at most {max(r['heap_after'] for r in w24):.0f} MB (after a GC) | {goal(512 / w24_heap, 1)} "
    "| 512 MB / peak |")
add("")

add(f"## EDF decode (benchmarks/edf-decode on W24, {len(edf['ictal'])} interleaved runs per tool)\n")
add("Each tool reads every physical sample of W24 from the page cache; whole process = the command's wall time "
    "(`/usr/bin/time`), in-process = the tool's own timer after start-up.\n")
add("| tool | whole process s (median) | runs s | samples/s | in-process s | peak RSS MB |")
add("|---|---|---|---|---|---|")
names = {"ictal": f"Ictal io.ictal.edf (Java, -Xmx256m; peak heap {edf_heap:.0f} MB)", "edflib": "EDFlib (C, gcc -O2)",
         "mne": "MNE read_raw_edf().get_data()"}
for tool in ("ictal", "edflib", "mne"):
    add(f"| {names[tool]} | {edf_wall[tool]:.2f} | {fmt_list([float(r['wall']) for r in edf[tool]], 2)} | "
        f"{edf_samples / edf_wall[tool]:.3g} | {edf_inproc[tool]:.2f} | {edf_rss[tool]:.0f} |")
add(f"\n{edf_samples:,} samples. Ictal's RSS counts the memory-mapped file's resident pages (page cache, not heap). "
    f"Stage load at its end: {stages['edf-decode']['load']}. Detail: benchmarks/edf-decode/RESULTS.md.\n")

add(f"## Spectrogram (benchmarks/spectrogram on W24's 21 EEG signals, {len(spectro['scipy'])} alternating runs)\n")
add("`benchmarks/common/edf_to_f32.py` writes W24's EEG signals in µV as float32 (the benchmark's input format); "
    "both sides compute the 2-s Hann, 1-s hop, one-sided PSD STFT of every channel; compute time only.\n")
add("| implementation | median s | runs s | scipy / this |")
add("|---|---|---|---|")
for key in ["scipy"] + sorted(k for k in spectro if k != "scipy"):
    add(f"| {key} | {median(spectro[key]):.2f} | {fmt_list(spectro[key], 2)} | {scipy_s / median(spectro[key]):.2f} |")
add(f"\nStage load at its end: {stages['spectrogram']['load']}. Detail: benchmarks/spectrogram/RESULTS.md.\n")

add(f"## Inference (benchmarks/inference, ORT Java vs PyTorch CPU, 2 threads, {inference['rounds']} rounds)\n")
add(f"The detector-sized CNN ({inference['parameters']:,} parameters, 3×64×64 input) in both; ORT through Ictal's "
    "runtime (lease, run, close). Median per call of each round, then the median of the rounds.\n")
add("| batch | PyTorch ms/call | ORT Java ms/call | PyTorch / ORT | per round |")
add("|---|---|---|---|---|")
for row in inference["rows"]:
    add(f"| {row['batch']} | {row['torch_ms']:.2f} | {row['ort_ms']:.2f} | {row['ratio']:.2f} | {row['per_round_ratio']} |")
add(f"\nStage load at its end: {stages['inference']['load']}. Detail: benchmarks/inference/RESULTS.md.\n")

add("## The distribution: cold boot to ready\n")
add(f"A fresh copy of `karaf-assembly/target/assembly` each time (empty cache), `bin/ictal start` until "
    f"`ictal:status` reports ready, {len(boot)} boots: median **{median(b['seconds'] for b in boot):.1f} s** "
    f"({fmt_list([b['seconds'] for b in boot])}). `bin/ictal status` on the running distribution (the client's "
    f"own cost: a JVM opening an ssh session) takes {client_s:.1f} s (median of {len(client)}); it is part of every "
    "end-to-end time below.\n")

add("## End to end and scaling: `bin/ictal analyze FILE --json`\n")
add(f"One distribution, booted once, `-Xmx{max_heap_mb:.0f}m -Xlog:gc` given through EXTRA_JAVA_OPTS; a warm-up "
    "analysis of the shortest recording first (not counted). Every booted classifier that applies runs "
    "(`ictal-ecg` is not booted on purpose). CPU = user + system seconds of the Karaf process during the command; "
    "heap from the GC log lines of that command.\n")
add("| recording | runs | wall s (median) | runs s | × real time | Karaf CPU s (median) | wall s per hour | "
    "heap before GC, max MB | live heap after GC, max MB | load at end | output of the last run (true seizures) |")
add("|---|---|---|---|---|---|---|---|---|---|---|")
for h in hours_list:
    rows = e2e[h]
    if not rows:
        continue
    w, c = median(r["seconds"] for r in rows), median(r["cpu_seconds"] for r in rows)
    add(f"| W{h} | {len(rows)} | {w:.1f} | {fmt_list([r['seconds'] for r in rows])} | {h * 3600 / w:.0f} | {c:.1f} | "
        f"{w / h:.2f} | {max(r['heap_before'] for r in rows):.0f} | {max(r['heap_after'] for r in rows):.0f} | "
        f"{fmt_list([r['load'] for r in rows], 2)} | {events[h]} ({truth[h]}) |")
if os.path.exists(path("e2e-previous.jsonl")):
    previous = collections.defaultdict(list)
    for row in jsonl("e2e-previous.jsonl"):
        previous[row["hours"]].append(row)
    add("\nThe previous invocation's end-to-end runs in this work folder (same distribution, same files), for "
        "comparison under other load: " + "; ".join(
            f"W{h}: {len(rows)} runs, wall median {median(r['seconds'] for r in rows):.1f} s "
            f"({fmt_list([r['seconds'] for r in rows])}), CPU median {median(r['cpu_seconds'] for r in rows):.1f} s, "
            f"load {fmt_list([r['load'] for r in rows], 2)}" for h, rows in sorted(previous.items())) + ".")
if len(hs) >= 2:
    per_hour = [(median(r["cpu_seconds"] for r in e2e[h])) / h for h in hs]
    add(f"\nCPU seconds per recording hour: {', '.join(f'{h} h: {p:.2f}' for h, p in zip(hs, per_hour))}. "
        f"Wall seconds per recording hour: {', '.join(f'{h} h: {w / h:.2f}' for h, w in zip(hs, wall))} "
        f"(the short recordings carry the fixed ~{client_s:.0f} s of the client). "
        f"Fewer runs where stated: W72 ran {len(e2e.get(72, []))} time(s) to keep the whole run under half an hour.\n")
add("![scaling](scaling.png)\n")

add("## Where the W24 time goes (JFR, one more W24 analysis)\n")
add(f"`jcmd <karaf> JFR.start settings=profile` around one extra `bin/ictal analyze W24`, then `jfr print --events "
    f"jdk.ExecutionSample`: {samples:,} samples of threads running Java code (ONNX Runtime's native time is "
    "counted separately below, from `jdk.NativeMethodSample`).\n")
add("| top frame | share |")
add("|---|---|")
for frame, n in frames.most_common(10):
    add(f"| `{frame}` | {100 * n / samples:.1f} % |")
add("\n| nearest io.ictal frame | share |")
add("|---|---|")
for frame, n in ictal_frames.most_common(10):
    add(f"| `{frame}` | {100 * n / samples:.1f} % |")
add(f"\nONNX Runtime's native inference: {ort_native} native-method samples inside `ai.onnxruntime` (every 20 ms) "
    f"against {samples:,} Java samples (every 10 ms): inference is about **{100 * ort_share:.0f} %** of the sampled "
    "time; the rest is the Java work in the tables above.")
add("\n| thread (digits as N) | share |")
add("|---|---|")
for thread, n in threads.most_common(6):
    add(f"| {thread} | {100 * n / samples:.1f} % |")
add("")

add("## CUDA\n")
add("Not run: this harness runs W24 on the CPU build only; no GPU machine was lent to this work "
    "(the `cuda` profile of io.ictal.inference is described in its README).\n")
add("## Stage wall times of this run\n")
add("| stage | seconds | load at end |")
add("|---|---|---|")
for s in stages.values():
    add(f"| {s['stage']} | {s['seconds']:.0f} | {s['load']} |")
add("")
open(results_md, "w").write("\n".join(md) + "\n")
print("\n".join(md))
