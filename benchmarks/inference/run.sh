#!/bin/sh
# ORT Java (through Ictal's inference runtime) vs PyTorch CPU on the same detector-sized CNN,
# batch 1 and 64, in one run: ROUNDS alternating rounds of each, median per call over all calls
# of a round, then the median of the rounds. Writes target/results.json and prints a table.
#
#   mvn -B -q -f bundles/io.ictal.inference/pom.xml install -DskipTests   # the runtime's classes
#   sh benchmarks/inference/run.sh [threads] [rounds]
# Needs: apt-get install -y python3-torch python3-onnx
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
THREADS=${1:-2}
ROUNDS=${2:-3}
CALLS="1=200 64=20"
OUT="$HERE/target"
mkdir -p "$OUT/classes"

/usr/bin/python3 "$HERE/make_bundle.py" "$OUT" > "$OUT/model.json"

ICTAL_ROOT="$ROOT"
. "$ROOT/training/modelbundle/classpath.sh"
CP="$INFERENCE_CP"
javac -d "$OUT/classes" -cp "$CP" "$HERE/src/io/ictal/inference/internal/InferenceBench.java"

: > "$OUT/rounds.jsonl"
for round in $(seq "$ROUNDS"); do
  torch=$(/usr/bin/python3 "$HERE/bench_torch.py" "$THREADS" $CALLS)
  ort=$(java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$OUT/classes:$CP" \
      io.ictal.inference.internal.InferenceBench "$OUT/benchmark-model.jar" "$THREADS" $CALLS)
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "{\"round\": $round, \"load\": $load, \"torch\": $torch, \"ort\": $ort}" | tee -a "$OUT/rounds.jsonl"
done

/usr/bin/python3 - "$OUT" "$THREADS" <<'PY'
import json, statistics, sys
out, threads = sys.argv[1], int(sys.argv[2])
rounds = [json.loads(l) for l in open(out + "/rounds.jsonl")]
model = json.load(open(out + "/model.json"))
rows = []
for batch in ("1", "64"):
    torch_s = statistics.median(r["torch"][batch] for r in rounds)
    ort_s = statistics.median(r["ort"][batch] for r in rounds)
    rows.append({"batch": int(batch), "torch_ms": torch_s * 1e3, "ort_ms": ort_s * 1e3,
                 "ratio": torch_s / ort_s, "ort_images_per_s": int(batch) / ort_s,
                 "per_round_ratio": [round(r["torch"][batch] / r["ort"][batch], 2) for r in rounds]})
validate_s = statistics.median(r["ort"]["validate_s"] for r in rounds)
result = {"threads": threads, "rounds": len(rounds), "parameters": model["parameters"], "rows": rows,
          "ort_validate_s": validate_s}
json.dump(result, open(out + "/results.json", "w"), indent=1)
print(f"model: {model['parameters']} parameters, 3x64x64 input; {threads} threads; {len(rounds)} rounds;"
      f" 1-min load average after each round: {[r['load'] for r in rounds]}")
print(f"bundle validation (card, hashes, session, golden pair; incl. native library load): {validate_s * 1e3:.0f} ms median")
print("| batch | PyTorch ms/call | ORT Java ms/call | ratio (PyTorch / ORT) | ORT images/s | ratio per round |")
print("|---|---|---|---|---|---|")
for r in rows:
    print(f"| {r['batch']} | {r['torch_ms']:.2f} | {r['ort_ms']:.2f} | {r['ratio']:.2f} | {r['ort_images_per_s']:.0f} | {r['per_round_ratio']} |")
PY
