#!/bin/bash
# Decode throughput of the Ictal EDF reader vs EDFlib (C) vs MNE on a generated 24-h, 21-channel,
# 256 Hz EDF+ (~0.9 GB), whole-process, runs interleaved, medians; writes RESULTS.md next to this script.
# Needs: JDK 17, Maven (io.ictal.api and io.ictal.edf installed in ~/.m2), gcc, Debian libedf-dev and python3-mne.
# Usage: benchmarks/edf-decode/run.sh [runs, default 5] [EDF file, default: generated once]
# (EDF_RESULTS: where RESULTS.md goes; EDF_DESCRIPTION: how it names the file; set by benchmarks/run-all.sh)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RUNS=${1:-5}
OUT=$HERE/target
mkdir -p "$OUT/classes"
M2=${M2_REPO:-$HOME/.m2/repository}/io/ictal

mvn -B -q -o -f "$ROOT/bundles/io.ictal.edf/pom.xml" install -DskipTests
CP=$OUT/classes:$M2/io.ictal.edf/0.1.0-SNAPSHOT/io.ictal.edf-0.1.0-SNAPSHOT.jar:$M2/io.ictal.api/0.1.0-SNAPSHOT/io.ictal.api-0.1.0-SNAPSHOT.jar
javac -d "$OUT/classes" -cp "$CP" "$HERE/java/io/ictal/bench/edf/EdfDecode.java"
gcc -O2 -o "$OUT/edflib_decode" "$HERE/edflib_decode.c" -ledf

FILE=${2:-$OUT/bench-24h-21ch-256hz.edf}
if [ ! -f "$FILE" ]; then
  java -cp "$CP" io.ictal.bench.edf.EdfDecode generate "$FILE"
fi
# Every tool reads from the page cache, so the comparison is of decoding, not of the disk.
cat "$FILE" > /dev/null

: > "$OUT/results.txt"
for run in $(seq 1 "$RUNS"); do
  for tool in ictal edflib mne; do
    case $tool in
      ictal)  cmd=(java -Xmx256m -cp "$CP" io.ictal.bench.edf.EdfDecode decode "$FILE") ;;
      edflib) cmd=("$OUT/edflib_decode" "$FILE") ;;
      mne)    cmd=(/usr/bin/python3 "$HERE/mne_decode.py" "$FILE") ;;
    esac
    /usr/bin/time -f "wall=%e rss_kb=%M" -o "$OUT/time.txt" "${cmd[@]}" > "$OUT/out.txt"
    echo "$tool $run $(cat "$OUT/out.txt") $(cat "$OUT/time.txt")" | tee -a "$OUT/results.txt"
  done
done
cut -d' ' -f1-3 /proc/loadavg > "$OUT/loadavg.txt"
RESULTS=${EDF_RESULTS:-$HERE/RESULTS.md}
/usr/bin/python3 "$HERE/summarize.py" "$OUT/results.txt" "$FILE" > "$RESULTS"
cat "$RESULTS"
