package io.ictal.simulator.internal;

import io.ictal.simulator.SeizureType;
import io.ictal.simulator.SimulatedSeizure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The seizure types other than {@link SeizureType#FOCAL_EVOLVING}: how each is planned (which
 * electrodes, how strongly, its rhythm) and generated. Kept apart from the focal generator so that
 * recordings without these types are generated exactly as before (their random streams untouched).
 *
 * <p>The patterns follow the textbook EEG of each type: absence ~3 Hz spike-and-wave with a frontal
 * maximum, starting and ending abruptly; tonic, low-voltage fast activity (15-25 Hz) growing in
 * amplitude while the background is attenuated, with muscle artifact; tonic-clonic, a tonic phase
 * under heavy muscle artifact then clonic polyspike-wave discharges slowing from ~3 Hz to ~1 Hz, each
 * with a muscle burst; myoclonic, brief polyspike-wave discharges with a muscle jerk, repeated
 * irregularly; generalised non-specific, generalised rhythmic theta slowing to delta; simple partial,
 * an evolving rhythm confined to a small region; complex partial, theta slowing to delta from the
 * focus, spreading slowly and widely, with rhythmic chewing-like muscle artifact at the temporal
 * electrodes (automatisms).
 */
final class TypedSeizures {

    private TypedSeizures() {
    }

    /** Plans one seizure of a type other than FOCAL_EVOLVING, drawing from the plan's random stream. */
    static Plan.Seizure plan(Noise random, List<String> names, Electrodes.Position[] positions, SimulatedSeizure s) {
        SeizureType type = s.type();
        if (type.generalised()) {
            return generalised(random, names, positions, s);
        }
        String focus = Electrodes.canonical(s.focus());
        if (!names.contains(focus)) {
            throw new IllegalArgumentException("seizure focus '" + s.focus() + "' is not one of the electrodes " + names);
        }
        boolean simple = type == SeizureType.SIMPLE_PARTIAL;
        double radius = simple ? random.uniform(0.25, 0.4) : random.uniform(0.7, 1.1);
        double speed = simple ? random.uniform(0.3, 0.6) : random.uniform(0.04, 0.1);
        Plan.Reach reach = Plan.reach(random, names, positions, focus, radius, speed, s.durationSeconds());
        SimulatedSeizure truth = new SimulatedSeizure(s.onsetSeconds(), s.durationSeconds(), type, focus, reach.channels());
        if (simple) {
            return new Plan.Seizure(truth, reach.gain(), reach.delay(), reach.phase(), random.uniform(6, 12), random.uniform(4, 6.5),
                    random.uniform(50, 120), 0, new double[0]);
        }
        return new Plan.Seizure(truth, reach.gain(), reach.delay(), reach.phase(), random.uniform(4.5, 7), random.uniform(1.5, 3),
                random.uniform(80, 200), random.uniform(20, 50), new double[] {random.uniform(0.2, 0.5)});
    }

    private static Plan.Seizure generalised(Noise random, List<String> names, Electrodes.Position[] positions,
            SimulatedSeizure s) {
        SeizureType type = s.type();
        int n = names.size();
        double[] gain = new double[n];
        double[] delay = new double[n];
        double[] phase = new double[n];
        double maxDelay = type == SeizureType.ABSENCE ? 0.05 : 0.2;
        for (int c = 0; c < n; c++) {
            Electrodes.Position p = positions[c];
            double frontal = Math.max(0, Math.min(1, (p.y() + 1) / 2));
            double spatial = switch (type) {
                case ABSENCE -> 0.55 + 0.45 * frontal;
                case MYOCLONIC -> 0.6 + 0.4 * frontal;
                default -> 1;
            };
            gain[c] = (Electrodes.isEar(names.get(c)) ? 0.25 : random.uniform(0.75, 1)) * spatial;
            delay[c] = random.uniform(0, maxDelay);
            phase[c] = random.uniform(-0.2, 0.2);
        }
        int focus = 0;
        for (int c = 1; c < n; c++) {
            if (gain[c] > gain[focus]) {
                focus = c;
            }
        }
        int first = focus;
        List<Integer> involved = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (gain[c] >= Plan.INVOLVED) {
                involved.add(c);
            }
        }
        involved.sort(Comparator.<Integer>comparingInt(c -> c == first ? 0 : 1).thenComparingDouble(c -> delay[c]));
        SimulatedSeizure truth = new SimulatedSeizure(s.onsetSeconds(), s.durationSeconds(), type, names.get(focus),
                involved.stream().map(names::get).toList());
        double duration = s.durationSeconds();
        return switch (type) {
            case ABSENCE -> new Plan.Seizure(truth, gain, delay, phase, random.uniform(3, 3.8), random.uniform(2.5, 3),
                    random.uniform(150, 300), 0, new double[0]);
            case TONIC -> new Plan.Seizure(truth, gain, delay, phase, random.uniform(18, 25), random.uniform(12, 16),
                    random.uniform(40, 90), random.uniform(10, 30), new double[0]);
            case TONIC_CLONIC -> new Plan.Seizure(truth, gain, delay, phase, random.uniform(16, 24),
                    random.uniform(2.5, 3.5), random.uniform(80, 180), random.uniform(60, 150),
                    new double[] {random.uniform(0.2, 0.35)});
            case MYOCLONIC -> {
                List<Double> jerks = new ArrayList<>();
                for (double t = random.uniform(0, 0.3); t < duration - 0.3; t += random.uniform(0.6, 2.5)) {
                    jerks.add(t);
                }
                yield new Plan.Seizure(truth, gain, delay, phase, random.uniform(15, 20), 0, random.uniform(100, 250),
                        random.uniform(40, 120), jerks.stream().mapToDouble(Double::doubleValue).toArray());
            }
            default -> new Plan.Seizure(truth, gain, delay, phase, random.uniform(4.5, 7), random.uniform(2, 3.5),
                    random.uniform(70, 160), 0, new double[0]);
        };
    }

    /** Generates one typed seizure, block after block (keeps its rhythm's phase between blocks). */
    static final class Signal {
        private final Plan.Seizure s;
        private final SeizureType type;
        private final Noise noise;
        private final double[] muscleWeight;
        private double phase;
        private double clonicPhase;

        Signal(Plan.Seizure s, Electrodes.Position[] positions, Noise noise) {
            this.s = s;
            this.type = s.truth().type();
            this.noise = noise;
            muscleWeight = new double[positions.length];
            for (int c = 0; c < positions.length; c++) {
                Electrodes.Position p = positions[c];
                boolean temporal = Math.abs(p.x()) > 0.7 && p.y() > -0.7;
                muscleWeight[c] = switch (type) {
                    // chewing: temporal muscles only
                    case COMPLEX_PARTIAL -> temporal ? 1 : 0;
                    // generalised contraction: every electrode, strongest over the temporal and frontal muscles
                    default -> 0.4 + 0.6 * Math.min(1, Math.abs(p.x())) * (p.y() > -0.7 ? 1 : 0.5);
                };
            }
        }

        void add(double t0, int rate, float[][] out, int length) {
            double start = s.start();
            double duration = s.truth().durationSeconds();
            double ramp = type == SeizureType.ABSENCE ? 0.3 : 2;
            double fade = type == SeizureType.ABSENCE ? 0.3 : 1;
            double tonicEnd = type == SeizureType.TONIC_CLONIC ? s.events()[0] : 1;
            for (int i = 0; i < length; i++) {
                double t = t0 + (double) i / rate;
                double u = (t - start) / duration;
                if (u < 0 || t >= s.end()) {
                    continue;
                }
                double v = Math.min(1, u);
                double hz = s.startHz() - (s.startHz() - s.endHz()) * Math.pow(v, 0.8);
                if (type == SeizureType.TONIC_CLONIC) {
                    hz = s.startHz() - 0.3 * s.startHz() * Math.min(1, u / tonicEnd);
                    if (u >= tonicEnd) {
                        double w = Math.min(1, (u - tonicEnd) / (1 - tonicEnd));
                        clonicPhase += 2 * Math.PI * (s.endHz() - (s.endHz() - 0.9) * w) / rate;
                    }
                }
                phase += 2 * Math.PI * hz / rate;
                for (int c = 0; c < out.length && c < s.gain().length; c++) {
                    double g = s.gain()[c];
                    if (g == 0) {
                        continue;
                    }
                    double joined = t - start - s.delaySeconds()[c];
                    double left = s.truth().offsetSeconds() + 0.3 * s.delaySeconds()[c] - t;
                    if (joined < 0 || left <= 0) {
                        continue;
                    }
                    double envelope = Math.min(1, joined / ramp) * Math.min(1, left / fade);
                    double p = phase - s.phaseOffset()[c];
                    double value;
                    double muscle = 0;
                    switch (type) {
                        case ABSENCE -> value = spikeAndWave(p);
                        case TONIC -> {
                            out[c][i] *= (float) (1 - 0.6 * envelope * Math.min(1, g));
                            value = (0.3 + 0.7 * Math.min(1, u * 1.5)) * Math.sin(p);
                            muscle = envelope;
                        }
                        case TONIC_CLONIC -> {
                            if (u < tonicEnd) {
                                out[c][i] *= (float) (1 - 0.6 * envelope * Math.min(1, g));
                                value = 0.4 * (0.3 + 0.7 * Math.min(1, u / tonicEnd)) * Math.sin(p);
                                muscle = envelope;
                            } else {
                                double cycle = frac((clonicPhase - s.phaseOffset()[c]) / (2 * Math.PI));
                                double hzNow = s.endHz();
                                double burst = cycle / hzNow; // seconds since the discharge started (about)
                                double poly = burst < 0.3 ? Math.exp(-burst / 0.07) * Math.sin(2 * Math.PI * 14 * burst) : 0;
                                value = 1.4 * poly - 0.7 * Math.exp(-0.5 * Math.pow((cycle - 0.55) / 0.15, 2));
                                muscle = envelope * Math.exp(-burst / 0.12);
                            }
                        }
                        case MYOCLONIC -> {
                            value = 0;
                            for (double jerk : s.events()) {
                                double b = joined - jerk;
                                if (b >= 0 && b < 0.6) {
                                    value += Math.sin(2 * Math.PI * s.startHz() * b)
                                            * Math.exp(-0.5 * Math.pow((b - 0.1) / 0.06, 2))
                                            - 0.6 * Math.exp(-0.5 * Math.pow((b - 0.35) / 0.08, 2));
                                    muscle += Math.exp(-0.5 * Math.pow((b - 0.1) / 0.05, 2));
                                }
                            }
                        }
                        case COMPLEX_PARTIAL -> {
                            value = (0.35 + 0.65 * Math.min(1, u * 2.5))
                                    * (Math.sin(p) + 0.5 * Math.sin(2 * p) + 0.25 * Math.sin(3 * p));
                            if (u > s.events()[0]) {
                                double chew = Math.max(0, Math.sin(2 * Math.PI * 1.2 * (t - start)));
                                muscle = envelope * chew * chew;
                            }
                        }
                        case SIMPLE_PARTIAL -> value = (0.35 + 0.65 * Math.min(1, u * 2.5))
                                * (Math.sin(p) + 0.5 * Math.sin(2 * p) + 0.25 * Math.sin(3 * p));
                        default -> value = (0.5 + 0.5 * Math.min(1, u * 3)) * (Math.sin(p) + 0.35 * Math.sin(2 * p + 0.5));
                    }
                    double x = s.amplitude() * g * envelope * value;
                    if (muscle > 0 && muscleWeight[c] > 0) {
                        x += s.muscleUv() * muscleWeight[c] * muscle * noise.gaussian();
                    }
                    out[c][i] += (float) x;
                }
            }
        }

        /** One cycle of spike-and-wave: a sharp negative spike, then a broad positive slow wave. */
        private static double spikeAndWave(double phase) {
            double p = frac(phase / (2 * Math.PI));
            return -1.8 * Math.exp(-0.5 * Math.pow((p - 0.1) / 0.035, 2))
                    + Math.exp(-0.5 * Math.pow((p - 0.55) / 0.14, 2)) - 0.2;
        }

        private static double frac(double x) {
            return x - Math.floor(x);
        }
    }
}
