package io.ictal.simulator.internal;

import io.ictal.simulator.SeizureType;
import io.ictal.simulator.SimulationSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the samples of a {@link Plan} one block at a time, keeping only filter states between
 * blocks: memory does not grow with the recording's length. Blocks must be asked for in order.
 *
 * <p>Background per electrode: pink (1/f) noise between 0.1 and ~25 Hz plus a common reference
 * component, a posterior alpha rhythm (a narrow-band resonance near 10 Hz) in wakefulness, delta
 * slowing during the plan's sleep-like spans, and a little 50 Hz line noise. Then the plan's
 * artifacts and seizures are added. Values are microvolts.
 */
final class SignalGenerator {

    private static final double COMMON_UV = 6;
    private static final double DELTA_UV = 40;
    private static final double SLEEP_TIME_CONSTANT_SECONDS = 10;
    private static final double SEIZURE_RAMP_SECONDS = 4;
    private static final double SEIZURE_FADE_SECONDS = 2;

    private final Plan plan;
    private final int rate;
    private final int channels;
    private final Pink[] pink;
    private final Pink common;
    private final Resonator[] alpha;
    private final Resonator[] delta;
    private final Noise[] noise;
    private final Noise commonNoise;
    private final double[] alphaWeight;
    /** This recording's pink background amplitude, alpha amplitude at the occiput (uV) and alpha envelope. */
    private final double pinkUv;
    private final double alphaUv;
    private final double alphaEnvelopeHz;
    private final double alphaEnvelopePhase;
    private final double[] lineUv;
    private final Ekg ekg;
    private double sleepLevel;
    private int nextArtifact;
    private final List<Plan.Artifact> activeArtifacts = new ArrayList<>();
    private final double[] seizurePhase;
    /** Generators of the seizures of other types than FOCAL_EVOLVING (null for those). */
    private final TypedSeizures.Signal[] typed;

    SignalGenerator(Plan plan, int rate, long seed, boolean withEkg, SimulationSpec.Background background) {
        this.plan = plan;
        this.rate = rate;
        this.channels = plan.electrodes.size();
        pink = new Pink[channels];
        alpha = new Resonator[channels];
        delta = new Resonator[channels];
        noise = new Noise[channels];
        alphaWeight = new double[channels];
        lineUv = new double[channels];
        Noise setup = new Noise(seed * 131 + 17);
        double alphaHz = setup.uniform(8.5, 11);
        for (int c = 0; c < channels; c++) {
            pink[c] = new Pink(rate);
            alpha[c] = new Resonator(alphaHz + setup.uniform(-0.2, 0.2), 0.6, rate);
            delta[c] = new Resonator(setup.uniform(1, 2.5), 1.5, rate);
            noise[c] = new Noise(seed * 1_000_003 + c);
            alphaWeight[c] = Electrodes.alphaWeight(plan.positions[c]);
            lineUv[c] = setup.uniform(0.5, 3);
        }
        // its own stream: the default background draws exactly what it did before the ranges existed
        Noise person = new Noise(seed * 2_750_159L + 7);
        if (background.alphaVaries()) {
            alphaUv = person.uniform(background.alphaMinUv(), background.alphaMaxUv());
            alphaEnvelopeHz = 1 / person.uniform(4, 12);
            alphaEnvelopePhase = person.uniform(0, 2 * Math.PI);
        } else {
            alphaUv = background.alphaMinUv();
            alphaEnvelopeHz = 0;
            alphaEnvelopePhase = 0;
        }
        pinkUv = background.pinkVaries() ? person.uniform(background.pinkMinUv(), background.pinkMaxUv())
                : background.pinkMinUv();
        common = new Pink(rate);
        commonNoise = new Noise(seed * 7919 + 3);
        seizurePhase = new double[plan.seizures.size()];
        typed = new TypedSeizures.Signal[plan.seizures.size()];
        for (int k = 0; k < typed.length; k++) {
            Plan.Seizure s = plan.seizures.get(k);
            if (s.truth().type() != SeizureType.FOCAL_EVOLVING) {
                // its own stream, so that the other generators draw exactly what they did before types existed
                typed[k] = new TypedSeizures.Signal(s, plan.positions, new Noise(seed * 15_485_863L + 29 + k));
            }
        }
        ekg = withEkg ? new Ekg(new Noise(seed * 104_729 + 11)) : null;
    }

    /** Number of signals: one per electrode, plus EKG when asked for. */
    int signalCount() {
        return channels + (ekg == null ? 0 : 1);
    }

    /**
     * Fills {@code out[signal][0..length)} with the samples starting at sample {@code first}.
     * Successive calls must continue where the previous one ended.
     */
    void generate(long first, float[][] out, int length) {
        double t0 = (double) first / rate;
        double sleepTarget = Plan.asleep(plan.sleep, t0) ? 1 : 0;
        double sleepStep = 1 - Math.exp(-1.0 / (rate * SLEEP_TIME_CONSTANT_SECONDS));
        float[] commonBlock = new float[length];
        float[] sleep = new float[length];
        for (int i = 0; i < length; i++) {
            commonBlock[i] = (float) (COMMON_UV * common.next(commonNoise.gaussian()));
            sleepLevel += (sleepTarget - sleepLevel) * sleepStep;
            sleep[i] = (float) sleepLevel;
        }
        for (int c = 0; c < channels; c++) {
            background(c, first, out[c], length, commonBlock, sleep);
        }
        addArtifacts(t0, out, length);
        addSeizures(first, out, length);
        if (ekg != null) {
            ekg.generate(t0, rate, out[channels], length);
        }
    }

    private void background(int c, long first, float[] x, int length, float[] commonBlock, float[] sleep) {
        Noise n = noise[c];
        double lineStep = 2 * Math.PI * 50 / rate;
        double envelopeStep = 2 * Math.PI * alphaEnvelopeHz / rate;
        for (int i = 0; i < length; i++) {
            double s = sleep[i];
            double envelope = alphaEnvelopeHz == 0 ? 1
                    : 1 + 0.6 * Math.sin(envelopeStep * (first + i) + alphaEnvelopePhase);
            double value = pinkUv * (1 + 0.3 * s) * pink[c].next(n.gaussian())
                    + alphaUv * envelope * alphaWeight[c] * (1 - s) * alpha[c].next(n.gaussian())
                    + DELTA_UV * s * delta[c].next(n.gaussian())
                    + lineUv[c] * Math.sin(lineStep * (first + i))
                    + commonBlock[i];
            x[i] = (float) value;
        }
    }

    private void addArtifacts(double t0, float[][] out, int length) {
        double t1 = t0 + (double) length / rate;
        while (nextArtifact < plan.artifacts.size() && plan.artifacts.get(nextArtifact).start() < t1) {
            activeArtifacts.add(plan.artifacts.get(nextArtifact++));
        }
        activeArtifacts.removeIf(a -> a.end() <= t0);
        for (Plan.Artifact a : activeArtifacts) {
            Noise n = noise[0];
            for (int i = 0; i < length; i++) {
                double t = t0 + (double) i / rate;
                double local = t - a.start();
                if (local < 0 || local >= a.duration()) {
                    continue;
                }
                double shape = switch (a.kind()) {
                    case BLINK -> Math.exp(-0.5 * Math.pow((local - 0.4) / a.shape(), 2));
                    case POP -> Math.exp(-local / a.shape());
                    case MOVEMENT -> Math.sin(2 * Math.PI * a.shape() * local)
                            * 0.5 * (1 - Math.cos(2 * Math.PI * local / a.duration()));
                    case MUSCLE -> Math.min(1, Math.min(local, a.duration() - local) / 0.3);
                };
                for (int c = 0; c < channels; c++) {
                    if (a.gain()[c] != 0) {
                        double value = a.size() * a.gain()[c] * shape;
                        if (a.kind() == Plan.ArtifactKind.MUSCLE) {
                            value *= n.gaussian(); // broadband, mostly above 20 Hz after the pink background
                        }
                        out[c][i] += (float) value;
                    }
                }
            }
        }
    }

    private void addSeizures(long first, float[][] out, int length) {
        double t0 = (double) first / rate;
        double t1 = t0 + (double) length / rate;
        for (int k = 0; k < plan.seizures.size(); k++) {
            Plan.Seizure s = plan.seizures.get(k);
            if (s.end() <= t0 || s.start() >= t1) {
                continue;
            }
            if (typed[k] != null) {
                typed[k].add(t0, rate, out, length);
                continue;
            }
            double duration = s.truth().durationSeconds();
            for (int i = 0; i < length; i++) {
                double t = t0 + (double) i / rate;
                double u = (t - s.start()) / duration;
                if (u < 0) {
                    continue;
                }
                double hz = s.startHz() - (s.startHz() - s.endHz()) * Math.pow(Math.min(1, u), 0.8);
                seizurePhase[k] += 2 * Math.PI * hz / rate;
                double growth = 0.35 + 0.65 * Math.min(1, u * 2.5);
                for (int c = 0; c < channels; c++) {
                    double g = s.gain()[c];
                    if (g == 0) {
                        continue;
                    }
                    double joined = t - s.start() - s.delaySeconds()[c];
                    double left = s.truth().offsetSeconds() + 0.3 * s.delaySeconds()[c] - t;
                    if (joined < 0 || left <= 0) {
                        continue;
                    }
                    double envelope = Math.min(1, joined / SEIZURE_RAMP_SECONDS) * Math.min(1, left / SEIZURE_FADE_SECONDS);
                    double phase = seizurePhase[k] - s.phaseOffset()[c];
                    double wave = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase);
                    out[c][i] += (float) (s.amplitude() * g * growth * envelope * wave);
                }
            }
        }
    }

    /** Pink noise: white noise through three one-pole filters at 0.1, 1.5 and 22 Hz, then low-passed at 30 Hz. */
    private static final class Pink {
        private final double p0;
        private final double p1;
        private final double p2;
        private final double lowPass;
        private final double scale;
        private double b0;
        private double b1;
        private double b2;
        private double y;

        Pink(int rate) {
            p0 = Math.exp(-2 * Math.PI * 0.1 / rate);
            p1 = Math.exp(-2 * Math.PI * 1.5 / rate);
            p2 = Math.exp(-2 * Math.PI * 22 / rate);
            lowPass = 1 - Math.exp(-2 * Math.PI * 30 / rate);
            scale = 1 / measuredStd();
            b0 = b1 = b2 = y = 0;
        }

        double next(double white) {
            return nextUnscaled(white) * scale;
        }

        /** Standard deviation of the unscaled output, measured on a fixed noise sequence (deterministic). */
        private double measuredStd() {
            Noise n = new Noise(12345);
            double sum = 0;
            double sumSq = 0;
            int count = 200_000;
            for (int i = 0; i < count; i++) {
                double v = nextUnscaled(n.gaussian());
                sum += v;
                sumSq += v * v;
            }
            double mean = sum / count;
            return Math.sqrt(sumSq / count - mean * mean);
        }

        /** Kellet's pole weights, rescaled for poles placed at this rate's corner frequencies. */
        private double nextUnscaled(double white) {
            b0 = p0 * b0 + white * 0.0990460 * (1 - p0) / (1 - 0.99765);
            b1 = p1 * b1 + white * 0.2965164 * (1 - p1) / (1 - 0.96300);
            b2 = p2 * b2 + white * 1.0526913 * (1 - p2) / (1 - 0.57000);
            double raw = b0 + b1 + b2 + white * 0.1848;
            y += lowPass * (raw - y);
            return y;
        }
    }

    /** White noise through a two-pole resonance: a rhythm that waxes and wanes, unit variance. */
    private static final class Resonator {
        private final double a1;
        private final double a2;
        private final double scale;
        private double y1;
        private double y2;

        Resonator(double hz, double bandwidthHz, int rate) {
            double r = Math.exp(-Math.PI * bandwidthHz / rate);
            a1 = 2 * r * Math.cos(2 * Math.PI * hz / rate);
            a2 = -r * r;
            double variance = (1 - a2) / ((1 + a2) * ((1 - a2) * (1 - a2) - a1 * a1));
            scale = 1 / Math.sqrt(variance);
        }

        double next(double white) {
            double y = a1 * y1 + a2 * y2 + white;
            y2 = y1;
            y1 = y;
            return y * scale;
        }
    }

    /** An EKG: P, QRS and T waves as Gaussians around beats at a slowly varying heart rate (microvolts). */
    private static final class Ekg {
        private static final double[][] WAVES = { // offset from the R peak (s), width (s), amplitude (uV)
            {-0.17, 0.025, 120}, {-0.03, 0.010, -150}, {0, 0.012, 1100}, {0.03, 0.010, -250}, {0.26, 0.045, 300}};
        private final Noise noise;
        private final List<Double> beats = new ArrayList<>();
        private double nextBeat = 0.5;

        Ekg(Noise noise) {
            this.noise = noise;
        }

        void generate(double t0, int rate, float[] x, int length) {
            double t1 = t0 + (double) length / rate;
            while (nextBeat < t1 + 1) {
                beats.add(nextBeat);
                double bpm = 70 + 8 * Math.sin(2 * Math.PI * nextBeat / 300) + 3 * noise.gaussian();
                nextBeat += 60 / bpm;
            }
            beats.removeIf(b -> b < t0 - 1);
            for (int i = 0; i < length; i++) {
                double t = t0 + (double) i / rate;
                double value = 5 * noise.gaussian();
                for (double beat : beats) {
                    double d = t - beat;
                    if (d > -0.4 && d < 0.5) {
                        for (double[] w : WAVES) {
                            value += w[2] * Math.exp(-0.5 * Math.pow((d - w[0]) / w[1], 2));
                        }
                    }
                }
                x[i] = (float) value;
            }
        }
    }
}
