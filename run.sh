#!/usr/bin/env bash
#
# Ictal's main job, on a fresh machine: builds the distribution if needed, starts it in the
# background, analyses a recording and prints the viewer's URL.
#
#   ./run.sh            simulates a 15-minute demo EEG with a seizure and its bed video, analyses them
#   ./run.sh FILE.edf   analyses FILE.edf instead (with FILE.mp4 when there is one, aligned by the
#                       recording's 'Video start' annotation)
#
# The recording is analysed with every installed classifier (events printed, detections queued for
# review) and offered in the reference viewer, whose URL comes last. Ictal keeps running afterwards;
# stop it with: karaf-assembly/target/assembly/bin/ictal stop
set -euo pipefail
cd "$(dirname "$0")"

distribution=karaf-assembly/target/assembly
ictal="$distribution/bin/ictal"
tarball="$(ls karaf-assembly/target/ictal-karaf-assembly-*.tar.gz 2>/dev/null | head -1 || true)"

# Build when there is no distribution or a source is newer than it.
if [[ -z "$tarball" || ! -x "$ictal" ]] \
   || [[ -n "$(find pom.xml bundles features karaf-assembly/pom.xml karaf-assembly/src -newer "$tarball" \
                 -not -path '*/target/*' -print -quit 2>/dev/null)" ]]; then
  echo "run.sh: building Ictal (mvn install -DskipTests) ..." >&2
  if [[ -x "$ictal" ]]; then "$ictal" stop || true; fi
  mvn -B -q -Dstyle.color=never install -DskipTests
fi

"$ictal" start

# The viewer offers the recordings of its folder (etc/io.ictal.viewer.web.cfg: folder = recordings).
recordings="$distribution/recordings"
mkdir -p "$recordings"
jar() { ls bundles/"$1"/target/"$1"-*.jar | grep -v -- '-tests.jar' | head -1; }
if [[ $# -gt 0 ]]; then
  [[ -f "$1" ]] || { echo "run.sh: $1: no such file" >&2; exit 1; }
  file="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
  # A link, so that the viewer can open the file where it is (and its video, NAME.mp4, if any).
  if [[ ! "$(dirname "$file")" -ef "$recordings" ]]; then
    ln -sf "$file" "$recordings/$(basename "$file")"
    [[ -f "${file%.*}.mp4" ]] && ln -sf "${file%.*}.mp4" "$recordings/$(basename "${file%.*}").mp4"
  fi
else
  # A complex partial seizure from the left temporal lobe at 250-320 s, and a bed video of the
  # patient from 200 s to 380 s (its 'Video start' annotation aligns it) showing focal clonic jerks
  # of the right side at the same time.
  file="$(cd "$recordings" && pwd)/demo.edf"
  if [[ ! -f "$file" ]]; then
    echo "run.sh: simulating a 15-minute demo EEG with a seizure ($file) ..." >&2
    eeg=("$file" --seconds 900 --seed 7 --seizure 250:70:T7:cpsz --video-start 200)
    if ! "$ictal" simulate "${eeg[@]}" 2>/dev/null; then
      # No (working) ictal:simulate in this distribution: run the simulator bundle's main class.
      java -cp "$(jar io.ictal.simulator):$(jar io.ictal.api):$(jar io.ictal.edf)" \
        io.ictal.simulator.internal.SimulatorMain "${eeg[@]}"
    fi
  fi
  if [[ ! -f "${file%.edf}.mp4" ]]; then
    echo "run.sh: simulating its 3-minute bed video (${file%.edf}.mp4) ..." >&2
    java -cp "$(jar io.ictal.video)" io.ictal.video.internal.VideoSimulatorMain --out "${file%.edf}.mp4" \
      --seconds 180 --seed 7 --patient 903 --seizure 50:70:FOS:right >/dev/null
  fi
fi

video=()
[[ -f "${file%.*}.mp4" ]] && video=(--video "${file%.*}.mp4")   # aligned by the recording's 'Video start'
"$ictal" analyze "$file" "${video[@]}"

viewer="$("$ictal" status --json | sed -n 's/^ *"viewerUrl": "\(.*\)",*$/\1/p')"
if [[ -n "$viewer" ]]; then
  echo "Viewer: ${viewer}?open=$(basename "$file")"
else
  echo "run.sh: the viewer is not running (feature ictal-viewer); see $ictal status" >&2
fi
echo "Ictal is running ($distribution); stop it with: $ictal stop" >&2
