package io.ictal.review.internal.cluster;

import io.ictal.api.recording.Annotation;
import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.PatientInfo;
import io.ictal.api.recording.ReadWarning;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormat;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.RecordingInfo;
import io.ictal.api.recording.Segment;
import io.ictal.api.recording.SignalInfo;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A simulated 24-hour, 4-channel scalp EEG at 128 Hz (computed on demand, never stored) with many
 * detector-triggering events of known kind: two seizure patterns a reviewer confirms and four look-alikes
 * (artefacts and a normal variant) a reviewer rejects. Every event varies in rate (0.7-1.3x),
 * amplitude (0.3-1.8x, the weakest buried in the background) and duration (10-60 s); a quarter of the
 * seizures come with chewing artefact; the background is noise with a posterior rhythm, and slow
 * waves of sleep during the first eight hours.
 */
final class SyntheticDay implements Recording {

    static final double RATE = 128;
    static final double SECONDS = 24 * 3600;
    static final List<String> CHANNELS = List.of("F7-T7", "T7-P7", "F8-T8", "T8-P8");

    enum Kind {
        EVOLVING_RHYTHM(true, 40), SPIKE_WAVE(true, 30), CHEWING(false, 140), BLINKS(false, 120),
        ELECTRODE_POPS(false, 80), ALPHA_BURSTS(false, 70);

        final boolean seizure;
        final int perDay;

        Kind(boolean seizure, int perDay) {
            this.seizure = seizure;
            this.perDay = perDay;
        }
    }

    /**
     * @param withChewing the patient chews during the event (seizures often come with muscle artefact)
     */
    record Event(Kind kind, double onset, double duration, double rateScale, double amplitudeScale,
            boolean withChewing, List<String> channels) {
    }

    private final List<Event> events;
    private final RecordingHeader header;

    SyntheticDay(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Kind> kinds = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (int i = 0; i < k.perDay; i++) {
                kinds.add(k);
            }
        }
        // Shuffle, then place one event per slot of the day so that none overlap.
        for (int i = kinds.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Kind t = kinds.get(i);
            kinds.set(i, kinds.get(j));
            kinds.set(j, t);
        }
        double slot = SECONDS / kinds.size();
        events = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            double duration = 10 + random.nextDouble() * 50;
            double onset = i * slot + random.nextDouble() * (slot - duration - 1);
            int first = random.nextInt(CHANNELS.size());
            Kind kind = kinds.get(i);
            events.add(new Event(kind, onset, duration, 0.7 + 0.6 * random.nextDouble(),
                    0.3 + 1.5 * random.nextDouble(), kind.seizure && random.nextDouble() < 0.25,
                    List.of(CHANNELS.get(first), CHANNELS.get((first + 1) % CHANNELS.size()))));
        }
        List<SignalInfo> signals = new ArrayList<>();
        for (int i = 0; i < CHANNELS.size(); i++) {
            signals.add(new SignalInfo(i, CHANNELS.get(i), ChannelType.EEG, "", "uV", -3200, 3200, -32768, 32767,
                    "", (int) RATE, RATE));
        }
        header = new RecordingHeader(RecordingFormat.EDF_PLUS_C, "0", new PatientInfo("", "", "", "", ""),
                new RecordingInfo("", "", "", "", ""), LocalDateTime.of(2026, 3, 1, 8, 0), 256 * (signals.size() + 1),
                (long) SECONDS, 1, signals);
    }

    List<Event> events() {
        return events;
    }

    @Override
    public Path file() {
        return Path.of("synthetic-day.edf");
    }

    @Override
    public RecordingHeader header() {
        return header;
    }

    @Override
    public List<Annotation> annotations() {
        return List.of();
    }

    @Override
    public List<ReadWarning> warnings() {
        return List.of();
    }

    @Override
    public List<Segment> segments() {
        return List.of(new Segment(0, SECONDS, 0, (long) SECONDS));
    }

    @Override
    public float[] read(int signalIndex, double startSeconds, double durationSeconds) {
        int n = (int) Math.round(durationSeconds * RATE);
        long first = Math.round(startSeconds * RATE);
        float[] samples = new float[n];
        List<Event> overlapping = events.stream().filter(e -> e.onset() < startSeconds + durationSeconds
                && e.onset() + e.duration() > startSeconds).toList();
        for (int i = 0; i < n; i++) {
            long k = first + i;
            double t = k / RATE;
            if (t < 0 || t >= SECONDS) {
                samples[i] = Float.NaN;
                continue;
            }
            double value = 8 * noise(signalIndex, k) + 12 * Math.sin(2 * Math.PI * 10 * t + signalIndex)
                    + 15 * Math.sin(2 * Math.PI * 0.7 * t + 2 * signalIndex)
                    + (t < 8 * 3600 ? 40 * Math.sin(2 * Math.PI * 1.5 * t + signalIndex) : 0);
            for (Event e : overlapping) {
                double tau = t - e.onset();
                if (tau >= 0 && tau < e.duration()) {
                    value += event(e.kind(), e, tau, signalIndex, k);
                    if (e.withChewing()) {
                        value += event(Kind.CHEWING, e, tau, signalIndex, k);
                    }
                }
            }
            samples[i] = (float) value;
        }
        return samples;
    }

    /** One event's waveform at {@code tau} seconds after its onset. */
    private static double event(Kind kind, Event e, double tau, int signal, long k) {
        double r = e.rateScale();
        double a = e.amplitudeScale();
        double progress = tau / e.duration();
        return switch (kind) {
            // 3 Hz rising to 7 Hz with growing amplitude: the classic evolving ictal rhythm.
            case EVOLVING_RHYTHM -> a * (40 + 80 * progress)
                    * Math.sin(2 * Math.PI * r * (3 * tau + 2 * tau * tau / e.duration()));
            // 3 Hz spike and slow wave.
            case SPIKE_WAVE -> {
                double phase = (r * 3 * tau) % 1;
                yield a * (150 * Math.exp(-Math.pow(phase - 0.1, 2) / 0.002) - 60 * Math.sin(2 * Math.PI * phase));
            }
            // Muscle bursts at ~1.2 Hz: broadband high-frequency noise, gated.
            case CHEWING -> Math.sin(2 * Math.PI * 1.2 * r * tau) > 0.3 ? a * 70 * noise(signal + 17, k) : 0;
            // A blink every ~3 s: a 0.3 s positive deflection.
            case BLINKS -> {
                double period = 3 / r;
                yield a * 180 * Math.exp(-Math.pow(tau % period - 0.3, 2) / 0.01);
            }
            // A pop every ~5 s: a step decaying over half a second.
            case ELECTRODE_POPS -> {
                double period = 5 / r;
                yield a * 300 * Math.exp(-(tau % period) / 0.5);
            }
            // Waxing and waning 10 Hz bursts (a normal variant).
            case ALPHA_BURSTS -> a * 50 * Math.pow(Math.sin(Math.PI * 0.5 * r * tau), 2)
                    * Math.sin(2 * Math.PI * 10 * r * tau);
        };
    }

    /** Reproducible noise in about [-1.7, 1.7], from the sample index alone. */
    private static double noise(int signal, long k) {
        long h = k * 0x9E3779B97F4A7C15L + signal * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 29)) * 0x94D049BB133111EBL;
        h ^= h >>> 32;
        double u1 = (h & 0xFFFFFF) / (double) 0x1000000;
        double u2 = ((h >>> 24) & 0xFFFFFF) / (double) 0x1000000;
        return (u1 + u2 - 1) * 1.7;
    }

    @Override
    public void close() {
    }
}
