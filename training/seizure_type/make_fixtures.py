"""Writes the Java/Python agreement fixture of io.ictal.seizuretype's tests: a small simulated recording
(SimulatorMain, the arguments below; the Java test simulates the same one) and the model inputs this
pipeline computes for two events from it (features.py: tusz.read_eeg + window_start + the multi-spectral
stack), which the Java classifier must reproduce through SpectrogramService.

    /usr/bin/python3 training/seizure_type/make_fixtures.py   (needs the simulator jar: mvn install it)"""
import json
import os
import subprocess
import tempfile

import config
import features
import simulate_tusz
import tusz

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "bundles", "io.ictal.seizuretype", "src", "test", "resources", "fixtures",
                   "features-agreement.json")
ARGS = ["--seconds", "120", "--seed", "77", "--channels", "C3,Cz,C4,T7", "--no-ekg", "--seizure", "50:30:Cz:absz"]
# onsets: one inside the recording, one whose window must be moved back to end at 120 s
ONSETS = [50.4, 110.0]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "agreement.edf")
        subprocess.run(["java", "-cp", simulate_tusz.classpath(), "io.ictal.simulator.internal.SimulatorMain", path]
                       + ARGS, check=True, stdout=subprocess.DEVNULL)
        names, rates, data = tusz.read_eeg(path)
        seconds = len(data[0]) / rates[0]
        events = []
        for onset in ONSETS:
            start = features.window_start(onset, seconds)
            x = features.stack(rates, data, start)
            events.append({"onset": onset, "start": start, "shape": list(x.shape),
                           "data": [round(float(v), 6) for v in x.reshape(-1)]})
    with open(OUT, "w") as f:
        json.dump({"simulatorArgs": ARGS, "channels": names, "multiSpectral": config.MULTI_SPECTRAL,
                   "windowSeconds": config.WINDOW_SECONDS, "events": events}, f)
    print("wrote", os.path.abspath(OUT))


if __name__ == "__main__":
    main()
