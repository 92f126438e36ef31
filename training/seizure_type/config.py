"""What the seizure-type model takes and gives: one place for training, export and the card (the Java
classifier reads the same values from the card)."""

# The 8 TUSZ seizure types, in the model's output order (the card's labels).
TYPES = ["FNSZ", "GNSZ", "SPSZ", "CPSZ", "ABSZ", "TNSZ", "TCSZ", "MYSZ"]

RATE_HZ = 256  # every signal is resampled to this rate first (resampleToHz)
# The part of an event the model sees: WINDOW_SECONDS from the event's onset. 24 s holds one 16-s FFT
# window plus four 2-s hops (5 frames); most of an absence (5-20 s) and the onset of longer seizures,
# whose type is defined by how they start (ILAE). Events near the recording's end are shifted back.
WINDOW_SECONDS = 24.0
HOP_SECONDS = 2.0
BINS = 32
# SeizureNet's multi-spectral stack (Asif et al. 2019; the public TUH preparation code): FFT windows of
# 1, 2, 4, 8, 16 s, bands from 1 Hz up to 12, 24, 48, 64, 96 Hz, log10 magnitude. As
# io.ictal.api.spectrogram.MultiSpectralParameters.seizureNet(HOP_SECONDS, BINS) with resampleToHz.
MULTI_SPECTRAL = {
    "layers": [{"windowSeconds": 1.0, "maxHz": 12.0}, {"windowSeconds": 2.0, "maxHz": 24.0},
               {"windowSeconds": 4.0, "maxHz": 48.0}, {"windowSeconds": 8.0, "maxHz": 64.0},
               {"windowSeconds": 16.0, "maxHz": 96.0}],
    "minHz": 1.0, "hopSeconds": HOP_SECONDS, "bins": BINS, "taper": "HANN", "detrend": "CONSTANT",
    "resampleToHz": float(RATE_HZ),
}
LAYERS = len(MULTI_SPECTRAL["layers"])
FRAMES = int((WINDOW_SECONDS - 16) / HOP_SECONDS) + 1

# Training crops: the event's onset shifted by these seconds (the detector's onsets are not exact).
TRAIN_ONSET_SHIFTS = [-2.0, 0.0, 3.0]

# 10-20 electrodes (and old names, ear sites) that make a signal an EEG channel the model reads, as
# io.ictal.api.recording.Derivation.hasElectrode does for the 10-20 system.
ELECTRODES = {e.upper() for e in [
    "Fp1", "Fpz", "Fp2", "F7", "F3", "Fz", "F4", "F8", "T7", "C3", "Cz", "C4", "T8", "P7", "P3", "Pz", "P4", "P8",
    "O1", "Oz", "O2", "A1", "A2", "T3", "T4", "T5", "T6", "M1", "M2"]}
