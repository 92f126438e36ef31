"""Writes a TUSZ-format folder from the Java simulator (one simulator, no Python copy): PATIENTS
simulated patients, each with its own background (seed), one or two seizure types, and for focal types
its own focus (temporal for complex partial), one recording of SEIZURES_PER_PATIENT seizures each,
as pNNN/pNNN_s001_t000.edf + .csv + .csv_bi (SimulatorMain --tusz)."""
import os
import subprocess
import sys

import numpy as np

import config

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))

# Seconds, as SimulatorMain --types draws them (typical of each type).
DURATIONS = {"FNSZ": (10, 180), "GNSZ": (20, 120), "SPSZ": (10, 90), "CPSZ": (30, 150), "ABSZ": (5, 20),
             "TNSZ": (5, 30), "TCSZ": (40, 120), "MYSZ": (3, 15)}
CORTICAL = ["Fp1", "Fp2", "F7", "F3", "Fz", "F4", "F8", "T7", "C3", "Cz", "C4", "T8", "P7", "P3", "Pz", "P4", "P8",
            "O1", "O2"]
TEMPORAL = ["F7", "T7", "P7", "F8", "T8", "P8"]


def classpath():
    m2 = os.path.expanduser("~/.m2/repository/io/ictal")
    return ":".join([
        os.path.join(REPO, "bundles/io.ictal.simulator/target/io.ictal.simulator-0.1.0-SNAPSHOT.jar"),
        os.path.join(m2, "io.ictal.api/0.1.0-SNAPSHOT/io.ictal.api-0.1.0-SNAPSHOT.jar"),
        os.path.join(m2, "io.ictal.edf/0.1.0-SNAPSHOT/io.ictal.edf-0.1.0-SNAPSHOT.jar")])


def patient_plan(patient, rng):
    """One patient: types (one, or two for a third of them), focus, seizures [(onset, duration, focus, type)]."""
    first = config.TYPES[patient % len(config.TYPES)]
    types = [first]
    if rng.uniform() < 1 / 3:
        types.append(config.TYPES[int(rng.integers(len(config.TYPES)))])
    focus = {"CPSZ": str(rng.choice(TEMPORAL))}
    focus_any = str(rng.choice(CORTICAL))
    return types, focus, focus_any


def write_patient(out, patient, seizures_per_patient, seed):
    rng = np.random.default_rng(seed)
    types, focus, focus_any = patient_plan(patient, rng)
    name = f"p{patient:03d}"
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    t = float(rng.uniform(40, 90))
    args = []
    for k in range(seizures_per_patient):
        label = types[k % len(types)] if k < len(types) else types[int(rng.integers(len(types)))]
        lo, hi = DURATIONS[label]
        duration = float(np.exp(rng.uniform(np.log(lo), np.log(hi))))
        where = focus.get(label, focus_any)
        args += ["--seizure", f"{t:.1f}:{duration:.1f}:{where}:{label.lower()}"]
        t += duration + float(rng.uniform(45, 120))
    path = os.path.join(folder, f"{name}_s001_t000.edf")
    subprocess.run(["java", "-cp", classpath(), "io.ictal.simulator.internal.SimulatorMain", path,
                    "--seconds", str(int(t + 30)), "--seed", str(seed), "--no-ekg", "--tusz"] + args,
                   check=True, stdout=subprocess.DEVNULL)
    return path


def main(out, patients, seizures_per_patient, seed):
    for p in range(patients):
        write_patient(out, p, seizures_per_patient, seed * 1000 + p)
    print(f"wrote {patients} simulated patients to {out}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
