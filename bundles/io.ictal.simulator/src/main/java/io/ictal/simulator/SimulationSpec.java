package io.ictal.simulator;

import java.util.List;
import java.util.Objects;

/**
 * What to simulate. The same spec always gives the same recording, sample for sample.
 *
 * @param seed seeds every random choice (seizure times, background, artifacts)
 * @param durationSeconds length (&gt; 0; rounded up to whole seconds)
 * @param samplingRateHz rate of every signal, a whole number of hertz (&ge; 64)
 * @param electrodes 10-20 electrodes written as referential signals {@code EEG <electrode>-REF}, e.g.
 *     {@link #STANDARD_21}
 * @param ekg whether an {@code ECG} channel is added after the EEG
 * @param seizuresPerHour mean seizure rate when {@code seizures} is empty (&ge; 0); seizures are
 *     placed at random, at least {@link #MIN_SEIZURE_GAP_SECONDS} apart
 * @param seizures explicit seizures (onset, duration, focus; {@code channels} is filled in by the
 *     simulator); when non-empty the rate is ignored
 * @param artifacts whether eye blinks, muscle, electrode pops, movement and line noise are added
 * @param alpha the posterior alpha rhythm's amplitude: {@link Alpha#STEADY} (the default, what every
 *     recording had before this option), or a range each recording draws its own amplitude from
 */
public record SimulationSpec(
        long seed,
        double durationSeconds,
        int samplingRateHz,
        List<String> electrodes,
        boolean ekg,
        double seizuresPerHour,
        List<SimulatedSeizure> seizures,
        boolean artifacts,
        Alpha alpha) {

    /**
     * The posterior alpha rhythm's amplitude in microvolts at the occiput. Real alpha ranges from a few
     * to ~100 uV between people and waxes and wanes; a steady 16 uV is the simulator's default. With
     * {@code minUv < maxUv} a recording draws its amplitude uniformly from the range and the rhythm
     * waxes and wanes (a slow envelope of 4-12 s, between 0.4 and 1.6 times that amplitude), so that a
     * model trained on such recordings sees strong, spindle-like alpha that is not a seizure.
     */
    public record Alpha(double minUv, double maxUv) {
        /** 16 uV, steady: recordings sample for sample as before the option existed. */
        public static final Alpha STEADY = new Alpha(16, 16);

        public Alpha {
            if (!(minUv >= 0) || !(maxUv >= minUv) || Double.isInfinite(maxUv)) {
                throw new IllegalArgumentException("alpha amplitude range must satisfy 0 <= min <= max (uV), was "
                        + minUv + ".." + maxUv);
            }
        }

        /** Whether each recording draws its own waxing and waning amplitude. */
        public boolean varies() {
            return maxUv > minUv;
        }
    }

    /** A spec with the steady default alpha rhythm. */
    public SimulationSpec(long seed, double durationSeconds, int samplingRateHz, List<String> electrodes, boolean ekg,
            double seizuresPerHour, List<SimulatedSeizure> seizures, boolean artifacts) {
        this(seed, durationSeconds, samplingRateHz, electrodes, ekg, seizuresPerHour, seizures, artifacts, Alpha.STEADY);
    }

    /** The 19 electrodes of the 10-20 system plus the ear electrodes A1 and A2. */
    public static final List<String> STANDARD_21 = List.of("Fp1", "Fp2", "F7", "F3", "Fz", "F4", "F8", "T7", "C3",
            "Cz", "C4", "T8", "P7", "P3", "Pz", "P4", "P8", "O1", "O2", "A1", "A2");

    /** Randomly placed seizures are at least this far apart (onset to onset of the next, end to onset). */
    public static final double MIN_SEIZURE_GAP_SECONDS = 600;

    public SimulationSpec {
        if (!Double.isFinite(durationSeconds) || durationSeconds <= 0) {
            throw new IllegalArgumentException("durationSeconds must be finite and > 0, was " + durationSeconds);
        }
        if (samplingRateHz < 64) {
            throw new IllegalArgumentException("samplingRateHz must be >= 64, was " + samplingRateHz);
        }
        electrodes = List.copyOf(Objects.requireNonNull(electrodes, "electrodes"));
        if (electrodes.isEmpty()) {
            throw new IllegalArgumentException("electrodes must not be empty");
        }
        if (!(seizuresPerHour >= 0) || Double.isInfinite(seizuresPerHour)) {
            throw new IllegalArgumentException("seizuresPerHour must be finite and >= 0, was " + seizuresPerHour);
        }
        seizures = List.copyOf(Objects.requireNonNull(seizures, "seizures"));
        Objects.requireNonNull(alpha, "alpha");
        for (SimulatedSeizure s : seizures) {
            if (s.offsetSeconds() > durationSeconds) {
                throw new IllegalArgumentException("seizure at " + s.onsetSeconds() + " s lasting "
                        + s.durationSeconds() + " s ends after the recording (" + durationSeconds + " s)");
            }
        }
    }

    /** 21 electrodes and EKG at 256 Hz, artifacts, random seizures at {@code seizuresPerHour}. */
    public static SimulationSpec of(long seed, double durationSeconds, double seizuresPerHour) {
        return new SimulationSpec(seed, durationSeconds, 256, STANDARD_21, true, seizuresPerHour, List.of(), true);
    }

    /** The same spec with explicit seizures. */
    public SimulationSpec withSeizures(List<SimulatedSeizure> explicit) {
        return new SimulationSpec(seed, durationSeconds, samplingRateHz, electrodes, ekg, seizuresPerHour, explicit,
                artifacts, alpha);
    }

    /** The same spec with other electrodes. */
    public SimulationSpec withElectrodes(List<String> chosen, boolean withEkg) {
        return new SimulationSpec(seed, durationSeconds, samplingRateHz, chosen, withEkg, seizuresPerHour, seizures,
                artifacts, alpha);
    }

    /** The same spec with another alpha rhythm. */
    public SimulationSpec withAlpha(Alpha chosen) {
        return new SimulationSpec(seed, durationSeconds, samplingRateHz, electrodes, ekg, seizuresPerHour, seizures,
                artifacts, chosen);
    }
}
