package io.ictal.api.recording;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a signal label says about its electrodes: a 10-20 / 10-10 electrode against a reference
 * ({@code EEG Fp1-REF}, {@code C3-A2}) or a bipolar pair of electrodes ({@code FP1-F7}).
 * Montage-aware consumers (spectrogram montages, channel-level detections) need this without each
 * re-parsing labels their own way, so the parse lives here, next to the contract.
 *
 * @param electrode the active electrode in its canonical spelling ({@code Fp1}, {@code T8}), or empty
 *     when the label names none
 * @param reference the second electrode (canonical spelling) for a bipolar pair, the reference as
 *     written ({@code REF}, {@code LE}, {@code AVG}) otherwise, or empty when the label gives none
 * @param bipolar whether both sides are electrodes
 */
public record Derivation(String electrode, String reference, boolean bipolar) {

    /** A label that names no electrode. */
    public static final Derivation NONE = new Derivation("", "", false);

    private static final Set<String> ELECTRODES = electrodeNames();

    private static final Set<String> TYPE_PREFIXES = Set.of("EEG", "ECG", "EKG", "EMG", "EOG", "POL", "SEEG");

    public Derivation {
        Objects.requireNonNull(electrode, "electrode");
        Objects.requireNonNull(reference, "reference");
        if (bipolar && (electrode.isEmpty() || reference.isEmpty())) {
            throw new IllegalArgumentException("a bipolar derivation needs two electrodes");
        }
    }

    /** Whether the label named an electrode. */
    public boolean hasElectrode() {
        return !electrode.isEmpty();
    }

    /**
     * Parses a label: an optional type prefix ({@code EEG }), the active electrode, an optional
     * {@code -reference}, and an optional numeric suffix that some writers append to make duplicate
     * labels unique ({@code T8-P8-0}).
     */
    public static Derivation parse(String label) {
        String rest = label.trim();
        int space = rest.indexOf(' ');
        if (space > 0 && TYPE_PREFIXES.contains(rest.substring(0, space).toUpperCase(Locale.ROOT))) {
            rest = rest.substring(space + 1).trim();
        }
        String[] parts = rest.split("-", -1);
        int n = parts.length;
        if (n >= 3 && parts[n - 1].trim().matches("\\d+")) {
            n--;
        }
        if (n < 1 || n > 2) {
            return NONE;
        }
        String active = canonical(parts[0]);
        if (active == null) {
            return NONE;
        }
        if (n == 1) {
            return new Derivation(active, "", false);
        }
        String second = parts[1].trim();
        String secondElectrode = canonical(second);
        return secondElectrode != null
                ? new Derivation(active, secondElectrode, true)
                : new Derivation(active, second, false);
    }

    /** The canonical spelling of an electrode name (case-insensitive), or null when it is none. */
    private static String canonical(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        for (String e : ELECTRODES) {
            if (e.toUpperCase(Locale.ROOT).equals(upper)) {
                return e;
            }
        }
        return null;
    }

    /** The 10-20 system, its 10-10 extension, the old T3/T4/T5/T6 names and the ear/mastoid sites. */
    private static Set<String> electrodeNames() {
        Set<String> names = new java.util.LinkedHashSet<>();
        String[] rows = {"Fp", "AF", "F", "FC", "FT", "C", "T", "CP", "TP", "P", "PO", "O", "I"};
        for (String row : rows) {
            names.add(row + "z");
            for (int i = 1; i <= 10; i++) {
                names.add(row + i);
            }
        }
        names.addAll(Set.of("A1", "A2", "M1", "M2", "Nz", "Iz", "LPA", "RPA"));
        return Set.copyOf(names);
    }
}
