#!/usr/bin/python3
"""Writes src/test/resources/corpus-facts.tsv: header facts of every file in the shared EDF corpus,
read with plain byte slicing (independent of the Java reader), and the annotations as MNE reads them
(Debian python3-mne), for CorpusConformanceTest.

Run from bundles/io.ictal.edf:  /usr/bin/python3 src/test/python/corpus_facts.py ../../../shared/data/edf-corpus
"""
import os
import sys

import mne

mne.set_log_level('ERROR')



def annotations(path):
    """count|first onset|first text|last onset|last text, as MNE reads them."""
    a = mne.read_annotations(path)
    if len(a) == 0:
        return '0'
    return '|'.join([str(len(a)), repr(float(a.onset[0])), a.description[0], repr(float(a.onset[-1])),
                     a.description[-1]])


root = sys.argv[1]
rows = []
for folder, _, names in sorted(os.walk(root)):
    for name in sorted(names):
        if not name.lower().endswith(('.edf', '.bdf')):
            continue
        path = os.path.join(folder, name)
        with open(path, 'rb') as f:
            fixed = f.read(256)
            ns = int(fixed[252:256])
            sig = f.read(256 * ns)

        def column(offset, width):
            base = offset * ns
            return [sig[base + i * width: base + (i + 1) * width].decode('latin-1').strip() for i in range(ns)]

        bdf = fixed[0] == 0xFF
        reserved = fixed[192:236].decode().strip()
        plus = reserved[:4] in ('EDF+', 'BDF+')
        kind = ('BDF' if bdf else 'EDF') + (('_PLUS_' + reserved[4]) if plus else '')
        rows.append('\t'.join([
            os.path.relpath(path, root), kind, str(ns), fixed[236:244].decode().strip(),
            str(float(fixed[244:252])), fixed[168:176].decode() + ' ' + fixed[176:184].decode(),
            '|'.join(column(0, 16)), '|'.join(column(216, 8)), '|'.join(column(104, 8)), '|'.join(column(128, 8)),
            annotations(path),
        ]))
out = os.path.join(os.path.dirname(__file__), '..', 'resources', 'corpus-facts.tsv')
with open(out, 'w') as f:
    f.write('# path\tformat\tsignals\trecords\trecordDuration\tstart\tlabels\tsamplesPerRecord\tphysicalMin\tdigitalMax\tannotations (MNE)\n')
    f.write('\n'.join(rows) + '\n')
print(len(rows), 'files ->', out)
