#!/bin/bash
# Spectrogram throughput: io.ictal.spectrogram (Java, JTransforms) vs scipy.signal.spectrogram on the
# same generated 24-h, 21-channel, 256 Hz signal set, alternating processes in one run; medians of RUNS.
# Needs: Debian python3-scipy python3-numpy, Java 17, Maven, io.ictal.spectrogram installed
# (mvn -B -f bundles/io.ictal.spectrogram/pom.xml install).
# Usage: benchmarks/spectrogram/run.sh [runs=5] [data file=/tmp/ictal-bench-24h-21ch.f32]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
runs=${1:-5}
data=${2:-/tmp/ictal-bench-24h-21ch.f32}
channels=21
rate=256

[ -f "$data" ] || /usr/bin/python3 "$here/generate.py" "$data" $channels 24 $rate
mvn -B -q -o -f "$here/pom.xml" package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"

results=$(mktemp)
echo "load before: $(uptime | sed 's/.*load/load/')"
for run in $(seq "$runs"); do
  /usr/bin/python3 "$here/bench_scipy.py" "$data" $channels $rate | tee -a "$results"
  java -Xmx3g -cp "$cp" io.ictal.benchmarks.spectrogram.SpectrogramBenchmark "$data" $channels $rate 2 | tee -a "$results"
  java -Xmx3g -cp "$cp" io.ictal.benchmarks.spectrogram.SpectrogramBenchmark "$data" $channels $rate 1 | tee -a "$results"
done

/usr/bin/python3 - "$results" <<'PY'
import re, statistics, sys
times = {}
for line in open(sys.argv[1]):
    key = "scipy" if line.startswith("scipy") else "java threads=" + re.search(r"threads=(\d+)", line).group(1)
    times.setdefault(key, []).append(float(re.search(r"compute_s=([\d.]+)", line).group(1)))
scipy = statistics.median(times["scipy"])
for key, values in sorted(times.items()):
    median = statistics.median(values)
    print("%-15s median %7.2f s over %d runs (%s); scipy/this = %.2f"
          % (key, median, len(values), ", ".join("%.2f" % v for v in values), scipy / median))
PY
echo "load after: $(uptime | sed 's/.*load/load/')"
rm -f "$results"
