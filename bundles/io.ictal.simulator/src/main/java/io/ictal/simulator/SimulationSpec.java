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
 * @param background how the background varies between recordings: {@link Background#DEFAULT} (one person,
 *     what every recording had before the option), or ranges each recording draws its own from
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
        Background background) {

    /**
     * How each recording's background varies between simulated people. Real EEG differs between people
     * and montages by several-fold in overall amplitude, and posterior alpha ranges from a few to ~100 uV
     * and waxes and wanes; the simulator's default is one person: pink background 14 uV, steady alpha
     * 16 uV at the occiput. A range with {@code min < max} makes each recording draw its own value
     * uniformly from it (alpha then also waxes and wanes: a 4-12 s envelope between 0.4 and 1.6 times
     * its amplitude), so that a model trained on such recordings does not take a loud background or
     * strong alpha for a seizure.
     *
     * @param alphaMinUv lowest posterior alpha amplitude (uV)
     * @param alphaMaxUv highest posterior alpha amplitude (uV)
     * @param pinkMinUv lowest amplitude of the pink (1/f) background (uV)
     * @param pinkMaxUv highest amplitude of the pink (1/f) background (uV)
     */
    public record Background(double alphaMinUv, double alphaMaxUv, double pinkMinUv, double pinkMaxUv) {
        /** One person: recordings sample for sample as before these ranges existed. */
        public static final Background DEFAULT = new Background(16, 16, 14, 14);

        public Background {
            range("alpha", alphaMinUv, alphaMaxUv);
            range("pink background", pinkMinUv, pinkMaxUv);
        }

        /** The same background with another alpha range. */
        public Background withAlpha(double minUv, double maxUv) {
            return new Background(minUv, maxUv, pinkMinUv, pinkMaxUv);
        }

        /** The same background with another pink background range. */
        public Background withPink(double minUv, double maxUv) {
            return new Background(alphaMinUv, alphaMaxUv, minUv, maxUv);
        }

        /** Whether each recording draws its own alpha (waxing and waning). */
        public boolean alphaVaries() {
            return alphaMaxUv > alphaMinUv;
        }

        /** Whether each recording draws its own pink background amplitude. */
        public boolean pinkVaries() {
            return pinkMaxUv > pinkMinUv;
        }

        private static void range(String what, double min, double max) {
            if (!(min >= 0) || !(max >= min) || Double.isInfinite(max)) {
                throw new IllegalArgumentException(what + " amplitude range must satisfy 0 <= min <= max (uV), was "
                        + min + ".." + max);
            }
        }
    }

    /** A spec with the default background (one person). */
    public SimulationSpec(long seed, double durationSeconds, int samplingRateHz, List<String> electrodes, boolean ekg,
            double seizuresPerHour, List<SimulatedSeizure> seizures, boolean artifacts) {
        this(seed, durationSeconds, samplingRateHz, electrodes, ekg, seizuresPerHour, seizures, artifacts, Background.DEFAULT);
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
        Objects.requireNonNull(background, "background");
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
                artifacts, background);
    }

    /** The same spec with other electrodes. */
    public SimulationSpec withElectrodes(List<String> chosen, boolean withEkg) {
        return new SimulationSpec(seed, durationSeconds, samplingRateHz, chosen, withEkg, seizuresPerHour, seizures,
                artifacts, background);
    }

    /** The same spec with another background. */
    public SimulationSpec withBackground(Background chosen) {
        return new SimulationSpec(seed, durationSeconds, samplingRateHz, electrodes, ekg, seizuresPerHour, seizures,
                artifacts, chosen);
    }
}
