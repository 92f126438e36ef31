#!/usr/bin/env bash
#
# Ictal's main job, on a fresh machine: builds the distribution if needed, starts it in the
# background and runs Ictal on a recording.
#
#   ./run.sh            Ictal's status (bundles, services, readiness)
#   ./run.sh FILE.edf   the same, then the recording's header, signals and annotations
#
# Ictal keeps running afterwards; stop it with: karaf-assembly/target/assembly/bin/ictal stop
set -euo pipefail
cd "$(dirname "$0")"

distribution=karaf-assembly/target/assembly
tarball="$(ls karaf-assembly/target/ictal-karaf-assembly-*.tar.gz 2>/dev/null | head -1 || true)"

# Build when there is no distribution or a source is newer than it.
if [[ -z "$tarball" || ! -x "$distribution/bin/ictal" ]] \
   || [[ -n "$(find pom.xml bundles features karaf-assembly/pom.xml karaf-assembly/src -newer "$tarball" \
                 -not -path '*/target/*' -print -quit 2>/dev/null)" ]]; then
  echo "run.sh: building Ictal (mvn install -DskipTests) ..." >&2
  if [[ -x "$distribution/bin/ictal" ]]; then "$distribution/bin/ictal" stop || true; fi
  mvn -B -q install -DskipTests
fi

"$distribution/bin/ictal" status
if [[ $# -gt 0 ]]; then
  "$distribution/bin/ictal" info "$@"
fi
echo "Ictal is running ($distribution); stop it with: $distribution/bin/ictal stop" >&2
