package io.ictal.simulator.internal;

import java.util.Locale;
import java.util.Map;

/**
 * Positions of the 10-20 electrodes on a flat projection of the scalp (nose up, left to the left,
 * radius about 1), which decide how far a seizure spreads, how strongly each electrode sees the
 * posterior alpha and eye blinks. Old names (T3, T4, T5, T6) are accepted as their new ones.
 */
final class Electrodes {

    record Position(double x, double y) {
        double distance(Position o) {
            return Math.hypot(x - o.x, y - o.y);
        }
    }

    private static final Map<String, Position> POSITIONS = Map.ofEntries(
            Map.entry("Fp1", new Position(-0.31, 0.95)), Map.entry("Fpz", new Position(0, 1)),
            Map.entry("Fp2", new Position(0.31, 0.95)), Map.entry("F7", new Position(-0.81, 0.59)),
            Map.entry("F3", new Position(-0.41, 0.53)), Map.entry("Fz", new Position(0, 0.5)),
            Map.entry("F4", new Position(0.41, 0.53)), Map.entry("F8", new Position(0.81, 0.59)),
            Map.entry("T7", new Position(-1, 0)), Map.entry("C3", new Position(-0.5, 0)),
            Map.entry("Cz", new Position(0, 0)), Map.entry("C4", new Position(0.5, 0)),
            Map.entry("T8", new Position(1, 0)), Map.entry("P7", new Position(-0.81, -0.59)),
            Map.entry("P3", new Position(-0.41, -0.53)), Map.entry("Pz", new Position(0, -0.5)),
            Map.entry("P4", new Position(0.41, -0.53)), Map.entry("P8", new Position(0.81, -0.59)),
            Map.entry("O1", new Position(-0.31, -0.95)), Map.entry("Oz", new Position(0, -1)),
            Map.entry("O2", new Position(0.31, -0.95)), Map.entry("A1", new Position(-1.2, -0.1)),
            Map.entry("A2", new Position(1.2, -0.1)));

    private static final Map<String, String> OLD_NAMES = Map.of("T3", "T7", "T4", "T8", "T5", "P7", "T6", "P8");

    private Electrodes() {
    }

    /** The canonical name of a 10-20 electrode (case-insensitive, old names mapped). */
    static String canonical(String name) {
        String trimmed = name.trim();
        for (String known : POSITIONS.keySet()) {
            if (known.equalsIgnoreCase(trimmed)) {
                return known;
            }
        }
        String renamed = OLD_NAMES.get(trimmed.toUpperCase(Locale.ROOT));
        if (renamed != null) {
            return renamed;
        }
        throw new IllegalArgumentException("'" + name + "' is not a 10-20 electrode; expected one of "
                + POSITIONS.keySet().stream().sorted().toList() + " (or T3, T4, T5, T6)");
    }

    static Position position(String canonicalName) {
        return POSITIONS.get(canonicalName);
    }

    /** Whether the electrode is an ear/mastoid reference site (no cortex beneath: no seizure focus there). */
    static boolean isEar(String canonicalName) {
        return canonicalName.equals("A1") || canonicalName.equals("A2");
    }

    /** How strongly the posterior alpha rhythm shows: 1 at the occiput, fading towards the front. */
    static double alphaWeight(Position p) {
        return 0.1 + 0.9 * Math.max(0, Math.min(1, (-p.y() + 0.1) / 1.05));
    }

    /** How strongly eye blinks show: large at Fp1/Fp2, fading within the frontal row. */
    static double blinkWeight(Position p) {
        return Math.exp(-Math.pow((1.05 - p.y()) / 0.35, 2));
    }
}
