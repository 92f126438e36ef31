package io.ictal.simulator;

/**
 * The seizure patterns the simulator can generate. New patterns (absence 3 Hz spike-wave, tonic,
 * tonic-clonic, myoclonic) are added as constants with their own generator, so existing seeds keep
 * producing the same recordings.
 */
public enum SeizureType {
    /**
     * Focal onset: a low-amplitude fast rhythm at the focus that slows and grows (about 8 Hz down to
     * 2-3 Hz) and spreads to neighbouring electrodes over seconds.
     */
    FOCAL_EVOLVING
}
