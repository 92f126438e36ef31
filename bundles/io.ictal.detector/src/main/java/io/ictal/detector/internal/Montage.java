package io.ictal.detector.internal;

import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.Derivation;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.SignalInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The channels the detector classifies, as the model was trained: the bipolar double banana. A
 * referential recording ({@code EEG Fp1-REF}) gets the pairs whose two electrodes it has; a recording
 * already in bipolar pairs ({@code FP1-F7}, as CHB-MIT) is used as it is.
 *
 * @param channels the derivations in order
 * @param rateHz the common sampling rate of the signals used
 */
record Montage(List<Channel> channels, double rateHz) {

    /**
     * One derivation: {@code plus - minus} ({@code minus} is -1 for a signal that is already bipolar).
     *
     * @param label e.g. {@code Fp1-F7}
     */
    record Channel(String label, int plus, int minus) {
    }

    /** The longitudinal bipolar ("double banana") pairs, left temporal, right temporal, left and right parasagittal, midline. */
    static final List<String[]> DOUBLE_BANANA = List.of(
            pair("Fp1", "F7"), pair("F7", "T7"), pair("T7", "P7"), pair("P7", "O1"),
            pair("Fp2", "F8"), pair("F8", "T8"), pair("T8", "P8"), pair("P8", "O2"),
            pair("Fp1", "F3"), pair("F3", "C3"), pair("C3", "P3"), pair("P3", "O1"),
            pair("Fp2", "F4"), pair("F4", "C4"), pair("C4", "P4"), pair("P4", "O2"),
            pair("Fz", "Cz"), pair("Cz", "Pz"));

    private static final Map<String, String> OLD_NAMES = Map.of("T3", "T7", "T4", "T8", "T5", "P7", "T6", "P8");

    Montage {
        channels = List.copyOf(channels);
    }

    /** The signal indices to read, each once, in the order {@link #derive} expects them. */
    int[] signals() {
        return channels.stream().flatMapToInt(c -> c.minus() < 0 ? java.util.stream.IntStream.of(c.plus())
                : java.util.stream.IntStream.of(c.plus(), c.minus())).distinct().toArray();
    }

    /**
     * Derives the channels from blocks read for {@link #signals()}.
     *
     * @param blocks one block per entry of {@link #signals()}
     * @return one array per channel
     */
    float[][] derive(int[] signals, float[][] blocks) {
        Map<Integer, float[]> bySignal = new LinkedHashMap<>();
        for (int i = 0; i < signals.length; i++) {
            bySignal.put(signals[i], blocks[i]);
        }
        float[][] out = new float[channels.size()][];
        for (int c = 0; c < out.length; c++) {
            Channel ch = channels.get(c);
            float[] plus = bySignal.get(ch.plus());
            if (ch.minus() < 0) {
                out[c] = plus;
            } else {
                float[] minus = bySignal.get(ch.minus());
                float[] d = new float[plus.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = plus[i] - minus[i];
                }
                out[c] = d;
            }
        }
        return out;
    }

    /**
     * Picks the channels of a recording.
     *
     * @return the montage, with no channels when the recording has neither the referential electrodes
     *     of any double-banana pair nor a bipolar EEG signal
     */
    static Montage of(RecordingHeader header) {
        Map<String, SignalInfo> referential = new LinkedHashMap<>();
        List<SignalInfo> bipolar = new ArrayList<>();
        for (SignalInfo s : header.signals()) {
            if (s.isAnnotation() || s.type() != ChannelType.EEG) {
                continue;
            }
            Derivation d = s.derivation();
            if (!d.hasElectrode()) {
                continue;
            }
            if (d.bipolar()) {
                bipolar.add(s);
            } else {
                referential.putIfAbsent(modern(d.electrode()), s);
            }
        }
        List<Channel> channels = new ArrayList<>();
        List<SignalInfo> used = new ArrayList<>();
        for (String[] p : DOUBLE_BANANA) {
            SignalInfo a = referential.get(p[0]);
            SignalInfo b = referential.get(p[1]);
            if (a != null && b != null) {
                channels.add(new Channel(p[0] + "-" + p[1], a.index(), b.index()));
                used.add(a);
                used.add(b);
            }
        }
        if (channels.isEmpty()) {
            Map<String, SignalInfo> byPair = new LinkedHashMap<>(); // CHB-MIT repeats T8-P8 as T8-P8-0, T8-P8-1
            for (SignalInfo s : bipolar) {
                Derivation d = s.derivation();
                byPair.putIfAbsent(modern(d.electrode()) + "-" + modern(d.reference()), s);
            }
            byPair.forEach((label, s) -> {
                channels.add(new Channel(label, s.index(), -1));
                used.add(s);
            });
        }
        double rate = used.isEmpty() ? 0 : used.get(0).samplingRateHz();
        return new Montage(channels, rate);
    }

    /** Whether all signals used share one rate (the detector reads one block length for all). */
    static String mixedRates(RecordingHeader header, Montage montage) {
        for (int s : montage.signals()) {
            SignalInfo info = header.signals().get(s);
            if (info.samplingRateHz() != montage.rateHz()) {
                return info.label() + " is sampled at " + info.samplingRateHz() + " Hz, the other EEG signals at "
                        + montage.rateHz() + " Hz";
            }
        }
        return null;
    }

    private static String modern(String electrode) {
        return OLD_NAMES.getOrDefault(electrode.toUpperCase(java.util.Locale.ROOT), electrode);
    }

    private static String[] pair(String a, String b) {
        return new String[] {a, b};
    }
}
