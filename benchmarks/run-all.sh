#!/bin/bash
# Issue 12: the one benchmark command. Generates W24 (24 h, 21 EEG electrodes + EKG, 256 Hz, EDF+C
# with simulated seizures) once with io.ictal.simulator, then, on that same file and in this one run:
#   1. EDF decode: Ictal vs EDFlib vs MNE            (benchmarks/edf-decode/run.sh, on W24)
#   2. spectrogram: Ictal vs scipy                   (benchmarks/spectrogram/run.sh, on W24's EEG as float32)
#   3. inference: ORT Java vs PyTorch, batch 1 and 64 (benchmarks/inference/run.sh; a model, not a file)
#   4. the distribution's cold boot to ready          (a fresh copy of karaf-assembly/target/assembly)
#   5. end to end: `bin/ictal analyze` of W1, W6, W24 (and W72): wall, x real time, CPU, heap (GC log)
#   6. one JFR profile of the W24 analysis: where the time goes
# then writes benchmarks/RESULTS.md and benchmarks/scaling.png (benchmarks/common/summarize.py).
#
#   mvn -B -q install -DskipTests            # at the root: bundles, ~/.m2 and karaf-assembly/target/assembly
#   benchmarks/run-all.sh [runs=5] [work folder=/tmp/ictal-bench] [hours list="1 6 24 72"]
#
# Needs (Debian): libedf-dev gcc python3-mne python3-scipy python3-numpy python3-torch python3-onnx
# python3-matplotlib, and JDK 17 (jcmd, jfr). The work folder holds the recordings (~5 GB with W72)
# and every raw log; it is outside the repository on purpose. The 72-h recording is analysed once
# (RUNS72, default 1) to keep the run under 30 minutes on 2 cores. Never part of `mvn install`.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
RUNS=${1:-5}
WORK=${2:-/tmp/ictal-bench}
HOURS_LIST=${3:-1 6 24 72}
RUNS72=${RUNS72:-1}
SEED=2412
HEAP=512m
# Ports of the benchmark's own Karaf, so it never meets a developer's distribution on the defaults.
SSH_PORT=18101 HTTP_PORT=18181 RMI_REGISTRY_PORT=11099 RMI_SERVER_PORT=44445
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
KARAF=$WORK/karaf
# COMPONENTS=0 skips stages 1-3 and keeps their output from an earlier run in the same work folder.
COMPONENTS=${COMPONENTS:-1}
[ "$COMPONENTS" = 0 ] || : > "$WORK/stages.jsonl"

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
now() { date +%s.%N; }
load1() { cut -d' ' -f1 /proc/loadavg; }
# Records one stage's wall time and the 1-minute load average at its end.
stage_done() { echo "{\"stage\": \"$1\", \"seconds\": $(echo "$(now) - $2" | bc), \"load\": $(load1)}" >> "$WORK/stages.jsonl"; }

# ---------------------------------------------------------------- machine
{
  echo "date_utc=$(date -u '+%Y-%m-%d %H:%M')"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "cores=$(nproc)"
  echo "memory_gib=$(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)"
  echo "kernel=$(uname -r)"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit=$(git -C "$ROOT" rev-parse --short HEAD)"
} > "$WORK/machine.txt"

# ---------------------------------------------------------------- recordings
ICTAL_ROOT=$ROOT
. "$HERE/detector/classpath.sh"   # SIMULATOR_CP
: > "$WORK/simulate.jsonl"
for hours in $HOURS_LIST; do
  file=$WORK/W$hours.edf
  if [ ! -f "$file" ] || [ ! -f "$WORK/W$hours.json" ]; then
    log "simulating W$hours"
    start=$(now)
    java -Xmx$HEAP -cp "$SIMULATOR_CP" io.ictal.simulator.internal.SimulatorMain "$file" --hours "$hours" \
        --seed $SEED --seizures-per-hour 0.5 --truth "$WORK/W$hours.json" >&2
    echo "{\"hours\": $hours, \"seconds\": $(echo "$(now) - $start" | bc), \"bytes\": $(stat -c %s "$file")}" >> "$WORK/simulate.jsonl"
  else
    echo "{\"hours\": $hours, \"seconds\": null, \"bytes\": $(stat -c %s "$file")}" >> "$WORK/simulate.jsonl"
  fi
done
W24=$WORK/W24.edf
[ -f "$W24" ] || { echo "W24 is needed: include 24 in the hours list" >&2; exit 1; }

if [ "$COMPONENTS" != 0 ]; then
# ---------------------------------------------------------------- 1. EDF decode on W24
log "EDF decode: Ictal vs EDFlib vs MNE, $RUNS runs"
start=$(now)
EDF_RESULTS=$WORK/edf-decode.md EDF_DESCRIPTION="W24 (simulated 24-h EDF+C, 21 EEG + EKG at 256 Hz, seed $SEED)" \
  "$HERE/edf-decode/run.sh" "$RUNS" "$W24" > "$WORK/edf-decode.log" 2>&1
cp "$HERE/edf-decode/target/results.txt" "$WORK/edf-decode-results.txt"
stage_done edf-decode "$start"

# ---------------------------------------------------------------- 2. spectrogram on W24's EEG
log "spectrogram: Ictal vs scipy, $RUNS runs"
start=$(now)
[ -f "$WORK/W24-eeg.f32" ] || /usr/bin/python3 "$HERE/common/edf_to_f32.py" "$W24" "$WORK/W24-eeg.f32" > /dev/null
"$HERE/spectrogram/run.sh" "$RUNS" "$WORK/W24-eeg.f32" > "$WORK/spectrogram.log" 2>&1
stage_done spectrogram "$start"

# ---------------------------------------------------------------- 3. inference
log "inference: ORT Java vs PyTorch, $RUNS rounds"
start=$(now)
"$HERE/inference/run.sh" 2 "$RUNS" > "$WORK/inference.log" 2>&1
cp "$HERE/inference/target/results.json" "$WORK/inference.json"
stage_done inference "$start"
fi

# ---------------------------------------------------------------- the benchmark's distribution
fresh_karaf() {
  rm -rf "$KARAF"
  cp -a "$ROOT/karaf-assembly/target/assembly" "$KARAF"
  sed -i "s/^sshPort = .*/sshPort = $SSH_PORT/" "$KARAF/etc/org.apache.karaf.shell.cfg"
  sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = $HTTP_PORT/" "$KARAF/etc/org.ops4j.pax.web.cfg"
  sed -i "s#:8181/#:$HTTP_PORT/#" "$KARAF/etc/io.ictal.viewer.web.cfg"
  sed -i "s/^rmiRegistryPort = .*/rmiRegistryPort = $RMI_REGISTRY_PORT/; s/^rmiServerPort = .*/rmiServerPort = $RMI_SERVER_PORT/" \
      "$KARAF/etc/org.apache.karaf.management.cfg"
}
karaf_pid() { cat "$KARAF/karaf.pid"; }
karaf_gc_log() { echo "$WORK/gc/gc-$(karaf_pid).log"; }
stop_karaf() {
  "$KARAF/bin/ictal" stop > /dev/null 2>&1 || true
  for _ in $(seq 60); do "$KARAF/bin/status" > /dev/null 2>&1 || return 0; sleep 1; done
  echo "the benchmark's Karaf did not stop" >&2; exit 1
}
# The heap cap of the goal, set explicitly: Karaf 4.4's unix scripts do not read JAVA_MAX_MEM. Every
# JVM of the scripts (client, status) gets these options too, hence a GC log per process id: one
# shared file would be rotated away under the running Karaf by the next client.
rm -rf "$WORK/gc" && mkdir -p "$WORK/gc"
export EXTRA_JAVA_OPTS="-Xmx$HEAP -Xlog:gc:file=$WORK/gc/gc-%p.log"

# ---------------------------------------------------------------- 4. cold boot to ready
log "cold boot to ready, $RUNS boots"
start=$(now)
: > "$WORK/boot.jsonl"
for round in $(seq "$RUNS"); do
  fresh_karaf
  begin=$(now)
  "$KARAF/bin/ictal" start 2> /dev/null
  echo "{\"round\": $round, \"seconds\": $(echo "$(now) - $begin" | bc), \"load\": $(load1)}" >> "$WORK/boot.jsonl"
  [ "$round" = "$RUNS" ] || stop_karaf
done
stage_done boot "$start"
jcmd "$(karaf_pid)" VM.flags > "$WORK/karaf-vm-flags.txt"

# ---------------------------------------------------------------- 5. end to end and scaling
# An earlier invocation's runs stay beside the new ones (RESULTS.md shows both), not overwritten.
[ ! -s "$WORK/e2e.jsonl" ] || mv "$WORK/e2e.jsonl" "$WORK/e2e-previous.jsonl"
# The client's own cost (a JVM that opens an ssh session): `bin/ictal status` on the running distribution.
: > "$WORK/client.jsonl"
for round in $(seq "$RUNS"); do
  begin=$(now)
  "$KARAF/bin/ictal" status > /dev/null
  echo "{\"round\": $round, \"seconds\": $(echo "$(now) - $begin" | bc)}" >> "$WORK/client.jsonl"
done
cpu_ticks() { awk '{print $14 + $15}' "/proc/$(karaf_pid)/stat"; }
gc_lines() { wc -l < "$(karaf_gc_log)"; }
log "end to end: a warm-up analysis of the shortest recording (not counted)"
set -- $HOURS_LIST
"$KARAF/bin/ictal" analyze "$WORK/W$1.edf" > /dev/null
: > "$WORK/e2e.jsonl"
start=$(now)
for hours in $HOURS_LIST; do
  rounds=$RUNS
  [ "$hours" != 72 ] || rounds=$RUNS72
  for round in $(seq "$rounds"); do
    log "analyze W$hours, round $round of $rounds"
    gc_from=$(gc_lines); cpu_from=$(cpu_ticks); begin=$(now)
    "$KARAF/bin/ictal" analyze "$WORK/W$hours.edf" --json > "$WORK/analyze-W$hours.json"
    wall=$(echo "$(now) - $begin" | bc)
    cpu=$(echo "($(cpu_ticks) - $cpu_from) / $(getconf CLK_TCK)" | bc -l)
    tail -n +"$((gc_from + 1))" "$(karaf_gc_log)" > "$WORK/gc-W$hours-$round.log"
    echo "{\"hours\": $hours, \"round\": $round, \"seconds\": $wall, \"cpu_seconds\": $cpu, \"load\": $(load1)," \
         "\"gc_log\": \"gc-W$hours-$round.log\", \"output\": \"analyze-W$hours.json\"}" >> "$WORK/e2e.jsonl"
  done
done
stage_done end-to-end "$start"

# ---------------------------------------------------------------- 6. where the W24 time goes
log "JFR profile of one more W24 analysis"
start=$(now)
jcmd "$(karaf_pid)" JFR.start name=w24 settings=profile filename="$WORK/w24.jfr" > /dev/null
"$KARAF/bin/ictal" analyze "$W24" > /dev/null
jcmd "$(karaf_pid)" JFR.stop name=w24 > /dev/null
jfr print --events jdk.ExecutionSample --stack-depth 12 "$WORK/w24.jfr" > "$WORK/w24-samples.txt"
jfr print --events jdk.NativeMethodSample --stack-depth 12 "$WORK/w24.jfr" > "$WORK/w24-native.txt"
stage_done profile "$start"
stop_karaf
echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$WORK/machine.txt"

/usr/bin/python3 "$HERE/common/summarize.py" "$WORK" "$RUNS" "$HOURS_LIST" "$HERE/RESULTS.md" "$HERE/scaling.png"
log "wrote $HERE/RESULTS.md and $HERE/scaling.png"
