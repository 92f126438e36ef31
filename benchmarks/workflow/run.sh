#!/bin/bash
# The workflow on a 24-h recording, as a viewer starts it: how long start() holds the host's thread,
# when the first marker and the first progress arrive, the whole analysis (a classifier reading every
# 10-s window of every EEG channel, plus the CSA over every EEG channel), and the peak heap after GC
# under a small heap (-Xmx256m, a quarter of the file's size). Medians of RUNS, with ratios.
# Needs: Java 17, Maven, the Ictal bundles installed (mvn -B install -DskipTests at the root).
# Usage: benchmarks/workflow/run.sh [runs=3] [file=/tmp/ictal-bench-24h-sim.edf]
# The file is simulated once (io.ictal.simulator, 24 h, 21 EEG electrodes + EKG at 256 Hz, seed 11).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
runs=${1:-3}
file=${2:-/tmp/ictal-bench-24h-sim.edf}

mvn -B -q -o -f "$here/pom.xml" package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
[ -f "$file" ] || java -cp "$cp" io.ictal.simulator.internal.SimulatorMain "$file" --hours 24 --seed 11

results=$(mktemp)
echo "load before: $(uptime | sed 's/.*load/load/')"
for run in $(seq "$runs"); do
  java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$cp" \
    io.ictal.benchmarks.workflow.WorkflowBenchmark "$file" | tee -a "$results"
done

/usr/bin/python3 - "$results" <<'PY'
import re, statistics, sys
rows = [dict(kv.split("=", 1) for kv in line.split()[1:]) for line in open(sys.argv[1])]
med = lambda k: statistics.median(float(r[k]) for r in rows)
total, first, start = med("total_s"), med("first_marker_s"), med("start_return_ms")
print("median over %d runs: the JVM's first start() returns in %.2f ms, a later one in %.3f ms; first progress %.3f s; first marker (onset %.0f s into the"
      " recording) %.3f s; whole 24-h analysis %.1f s, %d markers"
      % (len(rows), med("first_start_return_ms"), start, med("first_progress_s"), med("first_marker_onset_s"), first, total, med("markers")))
print("first marker / whole analysis = %.4f; peak heap after GC %.0f MB of -Xmx %.0f MB = %.2f of the %.0f MB file"
      % (first / total, med("peak_heap_after_gc_mb"), med("max_heap_mb"), med("peak_heap_after_gc_mb") / med("file_mb"),
         med("file_mb")))
PY
echo "load after: $(uptime | sed 's/.*load/load/')"
rm -f "$results"
