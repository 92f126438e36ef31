#!/usr/bin/env bash
#
# Ictal's main job, on a fresh machine: builds the distribution if needed, starts it in the
# background, analyses a recording and prints the viewer's URL.
#
#   ./run.sh            simulates a 15-minute demo EEG with a seizure, analyses it
#   ./run.sh FILE.edf   analyses FILE.edf instead
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
if [[ $# -gt 0 ]]; then
  [[ -f "$1" ]] || { echo "run.sh: $1: no such file" >&2; exit 1; }
  file="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
  # A link, so that the viewer can open the file where it is.
  [[ "$(dirname "$file")" -ef "$recordings" ]] || ln -sf "$file" "$recordings/$(basename "$file")"
else
  file="$(cd "$recordings" && pwd)/demo.edf"
  if [[ ! -f "$file" ]]; then
    echo "run.sh: simulating a 15-minute demo EEG with a seizure ($file) ..." >&2
    if ! "$ictal" simulate "$file" --hours 0.25 --seed 7 2>/dev/null; then
      # No (working) ictal:simulate in this distribution: run the simulator bundle's main class.
      jar() { ls bundles/"$1"/target/"$1"-*.jar | grep -v -- '-tests.jar' | head -1; }
      java -cp "$(jar io.ictal.simulator):$(jar io.ictal.api):$(jar io.ictal.edf)" \
        io.ictal.simulator.internal.SimulatorMain "$file" --seconds 900 --seed 7
    fi
  fi
fi

"$ictal" analyze "$file"

viewer="$("$ictal" status --json | sed -n 's/^ *"viewerUrl": "\(.*\)",*$/\1/p')"
if [[ -n "$viewer" ]]; then
  echo "Viewer: ${viewer}?open=$(basename "$file")"
else
  echo "run.sh: the viewer is not running (feature ictal-viewer); see $ictal status" >&2
fi
echo "Ictal is running ($distribution); stop it with: $ictal stop" >&2
