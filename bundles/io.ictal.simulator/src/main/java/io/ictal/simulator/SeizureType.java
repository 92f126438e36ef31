package io.ictal.simulator;

import java.util.Locale;

/**
 * The seizure patterns the simulator can generate, one per seizure type of the TUH seizure corpus
 * (TUSZ). Each type has its own generator; {@link #FOCAL_EVOLVING}, the first, keeps generating what
 * it always did, so existing seeds give the same recordings.
 */
public enum SeizureType {
    /**
     * Focal onset, non-specific (TUSZ {@code FNSZ}): a low-amplitude fast rhythm at the focus that
     * slows and grows (about 8 Hz down to 2-3 Hz) and spreads to neighbouring electrodes over seconds.
     */
    FOCAL_EVOLVING("FNSZ", false),
    /** Generalised non-specific ({@code GNSZ}): generalised rhythmic theta slowing to delta, no spike-wave. */
    GENERALISED_NONSPECIFIC("GNSZ", true),
    /** Simple partial ({@code SPSZ}): an evolving rhythm confined to a small region around the focus. */
    SIMPLE_PARTIAL("SPSZ", false),
    /**
     * Complex partial ({@code CPSZ}): rhythmic theta slowing to delta from a (usually temporal) focus,
     * spreading slowly and widely, with rhythmic chewing-like muscle artifacts (automatisms).
     */
    COMPLEX_PARTIAL("CPSZ", false),
    /** Absence ({@code ABSZ}): generalised ~3 Hz spike-and-wave, frontal maximum, abrupt start and end. */
    ABSENCE("ABSZ", true),
    /** Tonic ({@code TNSZ}): generalised low-voltage fast activity (15-25 Hz) growing, background attenuated. */
    TONIC("TNSZ", true),
    /**
     * Tonic-clonic ({@code TCSZ}): a tonic phase of fast activity under heavy muscle artifact, then
     * rhythmic clonic polyspike-wave discharges, slowing, each with a muscle burst.
     */
    TONIC_CLONIC("TCSZ", true),
    /** Myoclonic ({@code MYSZ}): brief generalised polyspike-wave discharges with muscle jerks, repeated irregularly. */
    MYOCLONIC("MYSZ", true);

    private final String code;
    private final boolean generalised;

    SeizureType(String code, boolean generalised) {
        this.code = code;
        this.generalised = generalised;
    }

    /** The TUSZ label, upper case, e.g. {@code ABSZ}; the corpus's files write it in lower case. */
    public String code() {
        return code;
    }

    /** Whether the type starts on both hemispheres at once (no focus). */
    public boolean generalised() {
        return generalised;
    }

    /**
     * The type of a TUSZ label (any case).
     *
     * @throws IllegalArgumentException not one of the eight labels
     */
    public static SeizureType ofCode(String code) {
        for (SeizureType t : values()) {
            if (t.code.equalsIgnoreCase(code.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not a seizure type; expected one of "
                + java.util.Arrays.stream(values()).map(t -> t.code.toLowerCase(Locale.ROOT)).toList());
    }
}
