#!/usr/bin/python3
"""Reads every sample with MNE (Debian python3-mne): read_raw_edf(...).get_data(), the Python peer of
EdfDecode.decode. Prints samples, seconds, a checksum in microvolts (MNE returns volts) over every 16th sample of
each signal, the same samples the other two sum."""
import sys
import time

begin = time.monotonic()
import mne  # noqa: E402  (import time counts: it is part of what a user waits for)

raw = mne.io.read_raw_edf(sys.argv[1], preload=False, verbose='error')
data = raw.get_data()
seconds = time.monotonic() - begin
print('samples=%d seconds=%.4f checksum=%.12e' % (data.size, seconds, data[:, ::16].sum() * 1e6))
