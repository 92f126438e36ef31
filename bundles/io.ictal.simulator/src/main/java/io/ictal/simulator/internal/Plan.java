package io.ictal.simulator.internal;

import io.ictal.simulator.SeizureType;
import io.ictal.simulator.SimulatedSeizure;
import io.ictal.simulator.SimulationSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything that happens in a simulated recording, decided before a sample is generated: seizures
 * with how they spread, sleep-like slowing, artifacts. Drawn from its own random stream, so the
 * ground truth is known without generating the signal and does not depend on the sample rate.
 */
final class Plan {

    /**
     * A seizure with what the generator needs per electrode. {@code muscleUv} and {@code events} are
     * for the typed generators ({@link TypedSeizures}): the size of the muscle artifact that comes with
     * the seizure, and type-specific times (myoclonic jerks, the tonic phase's end).
     */
    record Seizure(SimulatedSeizure truth, double[] gain, double[] delaySeconds, double[] phaseOffset,
            double startHz, double endHz, double amplitude, double muscleUv, double[] events) {

        double start() {
            return truth.onsetSeconds();
        }

        /** Later-joining electrodes stop a little after the focus; nothing lasts beyond this. */
        double end() {
            double maxDelay = 0;
            for (int c = 0; c < gain.length; c++) {
                if (gain[c] > 0) {
                    maxDelay = Math.max(maxDelay, delaySeconds[c]);
                }
            }
            return truth.offsetSeconds() + 0.3 * maxDelay;
        }
    }

    record Span(double start, double end) {
    }

    enum ArtifactKind { BLINK, MUSCLE, POP, MOVEMENT }

    /** One artifact: {@code gain[c]} per electrode, {@code size} in microvolts, {@code shape} kind-specific. */
    record Artifact(ArtifactKind kind, double start, double duration, double[] gain, double size, double shape) {
        double end() {
            return start + duration;
        }
    }

    /** Gain below which an electrode does not count as involved in a seizure. */
    static final double INVOLVED = 0.3;

    private static final double BLINKS_PER_HOUR = 90;
    private static final double MUSCLE_PER_HOUR = 12;
    private static final double POPS_PER_HOUR = 6;
    private static final double MOVEMENTS_PER_HOUR = 4;
    private static final double SLOWING_ONSETS_PER_HOUR = 1.2;

    final List<String> electrodes;
    final Electrodes.Position[] positions;
    final List<Seizure> seizures;
    final List<Span> sleep;
    final List<Artifact> artifacts;

    private Plan(List<String> electrodes, Electrodes.Position[] positions, List<Seizure> seizures, List<Span> sleep,
            List<Artifact> artifacts) {
        this.electrodes = electrodes;
        this.positions = positions;
        this.seizures = seizures;
        this.sleep = sleep;
        this.artifacts = artifacts;
    }

    static Plan of(SimulationSpec spec) {
        List<String> names = spec.electrodes().stream().map(Electrodes::canonical).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("electrodes must be distinct, were " + spec.electrodes());
        }
        Electrodes.Position[] positions = names.stream().map(Electrodes::position).toArray(Electrodes.Position[]::new);
        Noise random = new Noise(spec.seed() * 31 + 7);
        double duration = Math.ceil(spec.durationSeconds());
        List<Seizure> seizures = new ArrayList<>();
        if (spec.seizures().isEmpty()) {
            for (double[] placed : placeSeizures(random, duration, spec.seizuresPerHour())) {
                String focus = randomFocus(random, names);
                seizures.add(spread(random, names, positions, placed[0], placed[1], focus));
            }
        } else {
            for (SimulatedSeizure s : spec.seizures()) {
                if (s.type() != SeizureType.FOCAL_EVOLVING) {
                    seizures.add(TypedSeizures.plan(random, names, positions, s));
                    continue;
                }
                String focus = Electrodes.canonical(s.focus());
                if (!names.contains(focus)) {
                    throw new IllegalArgumentException("seizure focus '" + s.focus() + "' is not one of the electrodes "
                            + names);
                }
                seizures.add(spread(random, names, positions, s.onsetSeconds(), s.durationSeconds(), focus));
            }
            seizures.sort(Comparator.comparingDouble(Seizure::start));
        }
        List<Span> sleep = new ArrayList<>();
        for (double t = random.exponential(3600 / SLOWING_ONSETS_PER_HOUR); t < duration; ) {
            double length = random.uniform(180, 1800);
            sleep.add(new Span(t, Math.min(duration, t + length)));
            t += length + random.exponential(3600 / SLOWING_ONSETS_PER_HOUR);
        }
        List<Artifact> artifacts = spec.artifacts() ? artifacts(random, duration, positions, sleep) : List.of();
        return new Plan(names, positions, List.copyOf(seizures), List.copyOf(sleep), artifacts);
    }

    List<SimulatedSeizure> truth() {
        return seizures.stream().map(Seizure::truth).toList();
    }

    /** Onsets and durations: exponential gaps, durations log-uniform in 10 s - 3 min, never closer than the minimum gap. */
    private static List<double[]> placeSeizures(Noise random, double duration, double perHour) {
        List<double[]> placed = new ArrayList<>();
        if (perHour == 0) {
            return placed;
        }
        double mean = 3600 / perHour;
        double t = Math.min(60 + random.exponential(mean), 60 + random.uniform() * Math.max(0, duration - 300));
        while (true) {
            double length = Math.exp(random.uniform(Math.log(10), Math.log(180)));
            if (t + length > duration - 30) {
                return placed;
            }
            placed.add(new double[] {t, length});
            t += length + SimulationSpec.MIN_SEIZURE_GAP_SECONDS + random.exponential(Math.max(1, mean - 600));
        }
    }

    private static String randomFocus(Noise random, List<String> names) {
        List<String> cortical = names.stream().filter(n -> !Electrodes.isEar(n)).toList();
        List<String> from = cortical.isEmpty() ? names : cortical;
        return from.get((int) (random.uniform() * from.size()));
    }

    /** Where a focal discharge reaches: per-electrode gain, delay and phase, and the involved electrodes in order of joining. */
    record Reach(double[] gain, double[] delay, double[] phase, List<String> channels) {
    }

    /**
     * Spread: each electrode joins after a delay growing with its distance from the focus and sees the
     * discharge with a gain falling off over a per-seizure radius; a phase lag that grows with distance
     * keeps bipolar derivations from cancelling the rhythm.
     *
     * @param radius scalp units over which the gain falls to 1/e
     * @param speed scalp units per second
     */
    static Reach reach(Noise random, List<String> names, Electrodes.Position[] positions, String focus, double radius,
            double speed, double duration) {
        Electrodes.Position centre = Electrodes.position(focus);
        int n = names.size();
        double[] gain = new double[n];
        double[] delay = new double[n];
        double[] phase = new double[n];
        List<Integer> involved = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            double d = positions[c].distance(centre);
            double g = Math.exp(-Math.pow(d / radius, 2));
            gain[c] = g < 0.08 ? 0 : g;
            delay[c] = d / speed;
            phase[c] = d * 2.2 + random.uniform(-0.3, 0.3);
            if (g >= INVOLVED && delay[c] < duration) {
                involved.add(c);
            }
        }
        involved.sort(Comparator.comparingDouble(c -> delay[c]));
        return new Reach(gain, delay, phase, involved.stream().map(names::get).toList());
    }

    private static Seizure spread(Noise random, List<String> names, Electrodes.Position[] positions, double onset,
            double duration, String focus) {
        double radius = random.uniform(0.45, 0.95);
        double speed = random.uniform(0.08, 0.25);
        Reach reach = reach(random, names, positions, focus, radius, speed, duration);
        SimulatedSeizure truth = new SimulatedSeizure(onset, duration, SeizureType.FOCAL_EVOLVING, focus, reach.channels());
        return new Seizure(truth, reach.gain(), reach.delay(), reach.phase(), random.uniform(6, 11), random.uniform(2, 3.5),
                random.uniform(70, 200), 0, new double[0]);
    }

    private static List<Artifact> artifacts(Noise random, double duration, Electrodes.Position[] positions,
            List<Span> sleep) {
        List<Artifact> out = new ArrayList<>();
        int n = positions.length;
        for (double t = random.exponential(3600 / BLINKS_PER_HOUR); t < duration;
                t += random.exponential(3600 / BLINKS_PER_HOUR)) {
            if (asleep(sleep, t)) {
                continue;
            }
            double[] gain = new double[n];
            for (int c = 0; c < n; c++) {
                gain[c] = Electrodes.blinkWeight(positions[c]);
            }
            out.add(new Artifact(ArtifactKind.BLINK, t, 0.8, gain, random.uniform(80, 220), random.uniform(0.07, 0.14)));
        }
        for (double t = random.exponential(3600 / MUSCLE_PER_HOUR); t < duration;
                t += random.exponential(3600 / MUSCLE_PER_HOUR)) {
            double side = random.uniform() < 0.5 ? -1 : 1;
            double[] gain = new double[n];
            for (int c = 0; c < n; c++) {
                // temporal and frontal muscles of one side
                gain[c] = Math.max(0, side * positions[c].x() - 0.3) * (positions[c].y() > -0.7 ? 1 : 0.3);
            }
            out.add(new Artifact(ArtifactKind.MUSCLE, t, random.uniform(1, 8), gain, random.uniform(15, 60), 0));
        }
        for (double t = random.exponential(3600 / POPS_PER_HOUR); t < duration;
                t += random.exponential(3600 / POPS_PER_HOUR)) {
            double[] gain = new double[n];
            gain[(int) (random.uniform() * n)] = 1;
            double size = random.uniform(100, 400) * (random.uniform() < 0.5 ? -1 : 1);
            double tau = random.uniform(0.1, 0.5);
            out.add(new Artifact(ArtifactKind.POP, t, 6 * tau, gain, size, tau));
        }
        for (double t = random.exponential(3600 / MOVEMENTS_PER_HOUR); t < duration;
                t += random.exponential(3600 / MOVEMENTS_PER_HOUR)) {
            double[] gain = new double[n];
            for (int c = 0; c < n; c++) {
                gain[c] = random.uniform(-1, 1);
            }
            out.add(new Artifact(ArtifactKind.MOVEMENT, t, random.uniform(1, 5), gain, random.uniform(80, 250),
                    random.uniform(0.5, 2)));
        }
        out.sort(Comparator.comparingDouble(Artifact::start));
        return List.copyOf(out);
    }

    static boolean asleep(List<Span> sleep, double t) {
        for (Span s : sleep) {
            if (t >= s.start && t < s.end) {
                return true;
            }
        }
        return false;
    }
}
