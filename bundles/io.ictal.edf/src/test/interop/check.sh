#!/bin/bash
# Reads the writer's files (made by InteropFixturesTest in target/interop/) with EDFlib and MNE.
# Needs Debian libedf-dev and python3-mne. Run from bundles/io.ictal.edf after `mvn install`.
set -euo pipefail
cd "$(dirname "$0")/../../.."
gcc -O2 -o target/interop/edflib_check src/test/interop/edflib_check.c -ledf
status=0
for f in target/interop/*.edf target/interop/*.bdf; do
  target/interop/edflib_check "$f" || status=1
done
/usr/bin/python3 - <<'PY' || status=1
import glob
import mne
mne.set_log_level('ERROR')
for f in sorted(glob.glob('target/interop/*.[eb]df')):
    a = mne.read_annotations(f)
    line = '%s: MNE annotations %s' % (f, [(round(float(o), 4), d) for o, d in zip(a.onset, a.description)])
    if 'annotations_only' not in f:
        raw = mne.io.read_raw_edf(f, preload=True) if f.endswith('.edf') else mne.io.read_raw_bdf(f, preload=True)
        line += ' channels=%d samples=%d meas_date=%s' % (len(raw.ch_names), raw.n_times, raw.info['meas_date'])
    print(line)
PY
exit $status
