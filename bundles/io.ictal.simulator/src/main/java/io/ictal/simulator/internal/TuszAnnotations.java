package io.ictal.simulator.internal;

import io.ictal.simulator.SimulatedSeizure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a simulated recording's seizures as the TUH seizure corpus (TUSZ v2) annotates its EDF files,
 * so that the training pipeline reads exactly what a hospital holding TUSZ (or its own recordings
 * annotated the same way) brings: {@code NAME.csv} with per-channel rows in the corpus's TCP bipolar
 * montage labelled with the lower-case seizure type or {@code bckg}, and {@code NAME.csv_bi} with
 * {@code seiz}/{@code bckg} rows on channel {@code TERM}. Both start with the corpus's {@code #}
 * header lines and the {@code channel,start_time,stop_time,label,confidence} row, and cover the whole
 * recording in time order per channel, four decimals.
 */
public final class TuszAnnotations {

    /** The TCP montage of TUSZ's {@code 01_tcp_ar} recordings (old electrode names, as the corpus writes them). */
    static final List<String[]> TCP = List.of(pair("FP1", "F7"), pair("F7", "T3"), pair("T3", "T5"), pair("T5", "O1"),
            pair("FP2", "F8"), pair("F8", "T4"), pair("T4", "T6"), pair("T6", "O2"), pair("A1", "T3"),
            pair("T3", "C3"), pair("C3", "CZ"), pair("CZ", "C4"), pair("C4", "T4"), pair("T4", "A2"),
            pair("FP1", "F3"), pair("F3", "C3"), pair("C3", "P3"), pair("P3", "O1"), pair("FP2", "F4"),
            pair("F4", "C4"), pair("C4", "P4"), pair("P4", "O2"));

    private TuszAnnotations() {
    }

    private static String[] pair(String a, String b) {
        return new String[] {a, b};
    }

    /**
     * Writes {@code NAME.csv} and {@code NAME.csv_bi} beside {@code edf} ({@code NAME.edf}).
     *
     * @param electrodes the recording's electrodes (canonical or old names)
     * @return the two files written
     */
    public static List<Path> write(Path edf, double durationSeconds, List<String> electrodes,
            List<SimulatedSeizure> seizures) throws IOException {
        String name = edf.getFileName().toString().replaceFirst("\\.(edf|EDF)$", "");
        Path csv = edf.resolveSibling(name + ".csv");
        Path bi = edf.resolveSibling(name + ".csv_bi");
        List<String> canonical = electrodes.stream().map(Electrodes::canonical).toList();
        List<String[]> pairs = TCP.stream().filter(p -> canonical.contains(Electrodes.canonical(p[0]))
                && canonical.contains(Electrodes.canonical(p[1]))).toList();
        StringBuilder rows = new StringBuilder(header(name, durationSeconds));
        for (String[] p : pairs) {
            List<SimulatedSeizure> here = seizures.stream().filter(s -> shows(p, s, pairs)).toList();
            rows.append(cover(p[0] + "-" + p[1], durationSeconds, here, false));
        }
        Files.writeString(csv, rows.toString(), StandardCharsets.UTF_8);
        Files.writeString(bi, header(name, durationSeconds) + cover("TERM", durationSeconds, seizures, true),
                StandardCharsets.UTF_8);
        return List.of(csv, bi);
    }

    /**
     * Whether a TCP channel shows a seizure: one of its electrodes is involved; for a seizure that
     * involves no electrode of the montage (a small focus at Fz, say), the channels nearest its focus.
     */
    private static boolean shows(String[] pair, SimulatedSeizure s, List<String[]> pairs) {
        if (involves(pair, s)) {
            return true;
        }
        if (pairs.stream().anyMatch(p -> involves(p, s))) {
            return false;
        }
        double nearest = pairs.stream().mapToDouble(p -> distance(p, s.focus())).min().orElse(0);
        return distance(pair, s.focus()) <= nearest + 1e-9;
    }

    private static boolean involves(String[] pair, SimulatedSeizure s) {
        return s.channels().contains(Electrodes.canonical(pair[0])) || s.channels().contains(Electrodes.canonical(pair[1]));
    }

    /** Distance from an electrode to the middle of a pair. */
    private static double distance(String[] pair, String electrode) {
        Electrodes.Position a = Electrodes.position(Electrodes.canonical(pair[0]));
        Electrodes.Position b = Electrodes.position(Electrodes.canonical(pair[1]));
        return new Electrodes.Position((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
                .distance(Electrodes.position(Electrodes.canonical(electrode)));
    }

    private static String header(String name, double duration) {
        return "# version = csv_v1.0.0\n# bname = " + name + "\n# duration = "
                + String.format(Locale.ROOT, "%.2f", duration) + " secs\n"
                + "# montage_file = simulated 01_tcp_ar (Ictal EEG simulator)\n#\n"
                + "channel,start_time,stop_time,label,confidence\n";
    }

    /** Rows covering {@code [0, duration]}: the seizures (in onset order, not overlapping) and background between. */
    private static String cover(String channel, double duration, List<SimulatedSeizure> seizures, boolean binary) {
        StringBuilder b = new StringBuilder();
        double covered = 0;
        List<SimulatedSeizure> sorted = new ArrayList<>(seizures);
        sorted.sort((x, y) -> Double.compare(x.onsetSeconds(), y.onsetSeconds()));
        for (SimulatedSeizure s : sorted) {
            if (s.onsetSeconds() > covered) {
                b.append(row(channel, covered, s.onsetSeconds(), "bckg"));
            }
            double stop = Math.min(duration, s.offsetSeconds());
            b.append(row(channel, s.onsetSeconds(), stop,
                    binary ? "seiz" : s.type().code().toLowerCase(Locale.ROOT)));
            covered = stop;
        }
        if (duration > covered) {
            b.append(row(channel, covered, duration, "bckg"));
        }
        return b.toString();
    }

    private static String row(String channel, double start, double stop, String label) {
        return String.format(Locale.ROOT, "%s,%.4f,%.4f,%s,1.0000%n", channel, start, stop, label);
    }
}
