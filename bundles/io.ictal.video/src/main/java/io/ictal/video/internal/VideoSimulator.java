package io.ictal.video.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

/**
 * A deterministic simulated bedside video: a patient lying in bed seen from above (head, trunk, arms
 * and legs as filled capsules and ellipses), moving as people at rest do (slow drift, occasional
 * reaching, scratching, turning the head), with seizures of known type and timing:
 * <ul>
 * <li>FOS, clonic: rhythmic jerks (2.5-4 Hz, slowing) of one arm, sometimes the leg of the same side,
 * with the head turned and twitching to that side;</li>
 * <li>FOS, automatisms: fumbling of one hand and chewing (1-2 Hz, irregular);</li>
 * <li>TCS: an optional focal start, then bilateral tonic stiffening (limbs extended or flexed, head
 * back, fine 8-10 Hz tremor), then bilateral synchronous clonic jerks slowing from ~3.5 to ~0.8 Hz.</li>
 * </ul>
 * Nuisances: camera noise, slow lighting drift and lights switched, a blanket over the legs (per
 * patient, sometimes up to the waist), and staff walking through the picture. Frames are grey
 * (the same value in R, G and B), encoded as H.264 (jcodec, Baseline profile) in MP4. The same spec
 * always gives the same frames.
 */
public final class VideoSimulator {

    /** What a seizure looks like. */
    public enum Semiology {
        FOS_CLONIC("FOS"), FOS_AUTOMATISM("FOS"), TCS("TCS");

        private final String label;

        Semiology(String label) {
            this.label = label;
        }

        /** The class the model learns: {@code FOS} or {@code TCS}. */
        public String label() {
            return label;
        }
    }

    /** One seizure, in video time (0 = first frame). */
    public record Episode(double onsetSeconds, double durationSeconds, Semiology semiology, boolean leftSide) {
        public Episode {
            if (!(onsetSeconds >= 0) || !(durationSeconds > 0)) {
                throw new IllegalArgumentException("episode onset must be >= 0 and duration > 0, were " + onsetSeconds
                        + " and " + durationSeconds);
            }
            Objects.requireNonNull(semiology, "semiology");
        }

        public double offsetSeconds() {
            return onsetSeconds + durationSeconds;
        }
    }

    /**
     * @param patientSeed appearance (body size, position, blanket, camera, noise level): one "patient"
     * @param seed movements, nuisances and seizure details
     * @param durationSeconds length of the video
     * @param width frame width in pixels (a multiple of 16 encodes without cropping)
     * @param height frame height in pixels
     * @param fps frames per second
     * @param episodes seizures, not overlapping
     * @param nuisances whether noise, lighting changes and staff walking through are added
     */
    public record Spec(long patientSeed, long seed, double durationSeconds, int width, int height, int fps,
            List<Episode> episodes, boolean nuisances) {
        public Spec {
            if (!(durationSeconds > 0) || width < 16 || height < 16 || fps < 1) {
                throw new IllegalArgumentException("video spec needs duration > 0, width and height >= 16, fps >= 1");
            }
            episodes = List.copyOf(episodes);
            for (Episode e : episodes) {
                if (e.offsetSeconds() > durationSeconds) {
                    throw new IllegalArgumentException("episode " + e + " ends after the video (" + durationSeconds
                            + " s)");
                }
            }
        }

        public int frames() {
            return (int) Math.round(durationSeconds * fps);
        }
    }

    private static final double[] REST_SHOULDER = {12, 12};
    private static final double[] REST_ELBOW = {25, 25};
    private static final double[] REST_HIP = {5, 5};
    private static final double[] REST_KNEE = {6, 6};

    private VideoSimulator() {
    }

    /** Writes the video as MP4/H.264 ({@code out} is replaced). */
    public static void write(Spec spec, Path out) throws IOException {
        Files.deleteIfExists(out);
        Renderer renderer = new Renderer(spec);
        try (SeekableByteChannel channel = NIOUtils.writableChannel(out.toFile())) {
            SequenceEncoder encoder = SequenceEncoder.createWithFps(channel, new Rational(spec.fps(), 1));
            Picture picture = Picture.create(spec.width(), spec.height(), ColorSpace.RGB);
            byte[] rgb = picture.getPlaneData(0);
            byte[] grey = new byte[spec.width() * spec.height()];
            for (int i = 0; i < spec.frames(); i++) {
                renderer.render(i, grey);
                for (int p = 0; p < grey.length; p++) {
                    byte v = (byte) ((grey[p] & 0xFF) - 128);
                    rgb[3 * p] = v;
                    rgb[3 * p + 1] = v;
                    rgb[3 * p + 2] = v;
                }
                encoder.encodeNativeFrame(picture);
            }
            encoder.finish();
        }
    }

    /** Renders frames in order into grey levels 0-255 (for tests that need no encoding). */
    static final class Renderer {
        private final Spec spec;
        private final Random motion;
        private final Random noise;
        private final int w;
        private final int h;
        private final float[] canvas;
        // Appearance (per patient).
        private final double unit;
        private final double cx;
        private final double cy;
        private final double scale;
        private final double tilt;
        private final double blanketTop;
        private final double baseGain;
        private final double noiseSigma;
        private final double bedGrey;
        private final double skinGrey;
        private final double blanketGrey;
        // Movements at rest: per degree of freedom, three slow sinusoids.
        private final double[][] driftFreq = new double[12][3];
        private final double[][] driftPhase = new double[12][3];
        private final double[] driftAmp = new double[12];
        private final List<double[]> voluntary = new ArrayList<>();
        private final List<double[]> staff = new ArrayList<>();
        private final List<double[]> lightSwitches = new ArrayList<>();
        private final List<double[]> seizureParams = new ArrayList<>();

        Renderer(Spec spec) {
            this.spec = spec;
            this.w = spec.width();
            this.h = spec.height();
            this.canvas = new float[w * h];
            Random look = new Random(spec.patientSeed() * 7919L + 17);
            this.unit = h * (0.95 + 0.15 * look.nextDouble());
            this.scale = 0.9 + 0.2 * look.nextDouble();
            this.cx = w / 2.0 + (look.nextDouble() - 0.5) * 0.12 * w;
            this.cy = (look.nextDouble() - 0.5) * 0.08 * h;
            this.tilt = Math.toRadians((look.nextDouble() - 0.5) * 16);
            double cover = look.nextDouble();
            this.blanketTop = cover < 0.2 ? 2.0 : cover < 0.75 ? 0.60 : 0.45;
            this.baseGain = 0.75 + 0.35 * look.nextDouble();
            this.noiseSigma = 1.5 + 5 * look.nextDouble();
            this.bedGrey = 140 + 40 * look.nextDouble();
            this.skinGrey = 190 + 40 * look.nextDouble();
            this.blanketGrey = 90 + 60 * look.nextDouble();

            this.motion = new Random(spec.seed() * 104729L + 3);
            this.noise = new Random(spec.seed() * 15485863L + 5);
            double[] amplitudes = {6, 6, 8, 8, 3, 3, 4, 4, 0.012, 0.008, 0.01, 0.006};
            for (int d = 0; d < 12; d++) {
                driftAmp[d] = amplitudes[d] * (0.4 + 0.8 * motion.nextDouble());
                for (int k = 0; k < 3; k++) {
                    driftFreq[d][k] = 0.02 + 0.2 * motion.nextDouble();
                    driftPhase[d][k] = 2 * Math.PI * motion.nextDouble();
                }
            }
            // Voluntary movements: {start, duration, kind, side, amplitude}.
            double t = exponential(motion, 20);
            while (t < spec.durationSeconds()) {
                double duration = 1.5 + 4 * motion.nextDouble();
                voluntary.add(new double[] {t, duration, motion.nextInt(5), motion.nextBoolean() ? 0 : 1,
                        0.5 + 0.5 * motion.nextDouble()});
                t += duration + exponential(motion, 20);
            }
            if (spec.nuisances()) {
                // Staff walking through: {start, duration, y, direction}.
                t = exponential(motion, 70);
                while (t < spec.durationSeconds()) {
                    double duration = 3 + 4 * motion.nextDouble();
                    staff.add(new double[] {t, duration, 0.2 + 0.6 * motion.nextDouble(), motion.nextBoolean() ? 1 : -1});
                    t += duration + exponential(motion, 70);
                }
                // Lights switched: {time, new gain factor}.
                t = exponential(motion, 120);
                while (t < spec.durationSeconds()) {
                    lightSwitches.add(new double[] {t, 0.55 + 0.45 * motion.nextDouble()});
                    t += exponential(motion, 120);
                }
            }
            // Per seizure: {f0, amplitude, leg too, tonic length, flexed, focal start fraction, f1}.
            for (Episode e : spec.episodes()) {
                seizureParams.add(new double[] {2.5 + 1.5 * motion.nextDouble(), 0.7 + 0.3 * motion.nextDouble(),
                        motion.nextDouble() < 0.35 ? 1 : 0, Math.min(e.durationSeconds() * 0.35, 10 + 10 * motion.nextDouble()),
                        motion.nextBoolean() ? 1 : 0, motion.nextDouble() < 0.5 ? 0.2 * motion.nextDouble() : 0,
                        1.2 + 0.8 * motion.nextDouble()});
            }
        }

        private static double exponential(Random r, double mean) {
            return -mean * Math.log(1 - r.nextDouble());
        }

        /** Joint state at time t: shoulder[2], elbow[2], hip[2], knee[2], head dx, head dy, trunk dx, mouth, head turn. */
        private double[] pose(double t) {
            double[] p = new double[13];
            for (int s = 0; s < 2; s++) {
                p[s] = REST_SHOULDER[s] + drift(s, t);
                p[2 + s] = REST_ELBOW[s] + drift(2 + s, t);
                p[4 + s] = REST_HIP[s] + drift(4 + s, t);
                p[6 + s] = REST_KNEE[s] + drift(6 + s, t);
            }
            p[8] = drift(8, t);
            p[9] = drift(9, t);
            p[10] = drift(10, t);
            p[11] = 0.3 + 0.2 * Math.sin(t * 0.3);
            p[12] = drift(11, t) * 20;
            for (double[] v : voluntary) {
                double u = (t - v[0]) / v[1];
                if (u <= 0 || u >= 1) {
                    continue;
                }
                double bump = 0.5 - 0.5 * Math.cos(2 * Math.PI * u);
                int side = (int) v[3];
                switch ((int) v[2]) {
                    case 0 -> { // reach / scratch the face
                        p[side] += 45 * v[4] * bump;
                        p[2 + side] += 70 * v[4] * bump;
                    }
                    case 1 -> p[6 + side] += 35 * v[4] * bump; // bend a knee
                    case 2 -> p[12] += 0.8 * v[4] * bump * (side == 0 ? -1 : 1); // turn the head
                    case 3 -> p[10] += 0.03 * v[4] * bump * (side == 0 ? -1 : 1); // shift in bed
                    default -> { // both hands to the belly
                        p[2] += 40 * v[4] * bump;
                        p[3] += 40 * v[4] * bump;
                    }
                }
            }
            for (int i = 0; i < spec.episodes().size(); i++) {
                Episode e = spec.episodes().get(i);
                double u = t - e.onsetSeconds();
                if (u >= 0 && u < e.durationSeconds()) {
                    seizure(e, seizureParams.get(i), u, p);
                }
            }
            return p;
        }

        private double drift(int d, double t) {
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += Math.sin(2 * Math.PI * driftFreq[d][k] * t + driftPhase[d][k]);
            }
            return driftAmp[d] * sum / 2;
        }

        /** Jerk shape over one cycle: a fast contraction, a slower release. */
        private static double jerk(double phase) {
            double f = phase - Math.floor(phase);
            return f < 0.08 ? f / 0.08 : Math.exp(-(f - 0.08) / 0.12);
        }

        private void seizure(Episode e, double[] sp, double u, double[] p) {
            int side = e.leftSide() ? 0 : 1;
            double sign = side == 0 ? -1 : 1;
            double d = e.durationSeconds();
            double envelope = Math.min(1, u / 2.5) * Math.min(1, (d - u) / 1.5);
            switch (e.semiology()) {
                case FOS_CLONIC -> focalClonic(sp, u, d, side, sign, envelope, p);
                case FOS_AUTOMATISM -> {
                    double a = sp[1] * envelope;
                    double f = 1 + 0.8 * (sp[0] - 2.5) / 1.5;
                    double fumble = Math.sin(2 * Math.PI * f * u) + 0.6 * Math.sin(2 * Math.PI * f * 1.7 * u + 1.3)
                            + 0.3 * Math.sin(2 * Math.PI * f * 0.45 * u + 0.4);
                    p[side] += a * (20 + 10 * fumble);
                    p[2 + side] += a * (50 + 25 * fumble);
                    p[11] += a * 0.6 * (0.5 + 0.5 * Math.sin(2 * Math.PI * (sp[6]) * u));
                    p[9] += a * 0.004 * Math.sin(2 * Math.PI * sp[6] * u);
                    p[12] += a * 0.4 * sign;
                }
                case TCS -> {
                    double focal = sp[5] * d;
                    double tonicEnd = focal + sp[3];
                    if (u < focal) {
                        focalClonic(sp, u, d, side, sign, Math.min(1, u / 2.5), p);
                        return;
                    }
                    double a = sp[1] * Math.min(1, (d - u) / 1.5);
                    double stiff = Math.min(1, (u - focal) / 1.0);
                    if (u >= tonicEnd) {
                        // The tonic posture relaxes over the clonic phase.
                        stiff = Math.max(0.2, 1 - (u - tonicEnd) / Math.max(1, d - tonicEnd));
                    }
                    for (int s = 0; s < 2; s++) {
                        p[s] += stiff * (55 - p[s] + REST_SHOULDER[s]) * a;
                        p[2 + s] += stiff * ((sp[4] > 0 ? 100 : -20) - p[2 + s] + REST_ELBOW[s]) * a;
                        p[4 + s] += stiff * 8 * a;
                        p[6 + s] += stiff * (-p[6 + s]) * a;
                    }
                    p[9] -= stiff * 0.02 * a;
                    if (u < tonicEnd) {
                        double tremor = Math.sin(2 * Math.PI * 9 * u);
                        for (int j = 0; j < 8; j++) {
                            p[j] += 3 * tremor * a;
                        }
                        p[10] += 0.004 * tremor * a;
                    } else {
                        // Clonic: frequency falls exponentially from ~3.5 Hz to ~0.8 Hz.
                        double c = u - tonicEnd;
                        double length = Math.max(1, d - tonicEnd);
                        double f0 = 3.5;
                        double f1 = 0.8;
                        double k = Math.log(f0 / f1) / length;
                        double phase = f0 * (1 - Math.exp(-k * c)) / k;
                        double j = jerk(phase) * a;
                        for (int s = 0; s < 2; s++) {
                            p[s] += 22 * j;
                            p[2 + s] += 38 * j;
                            p[4 + s] += 8 * j;
                            p[6 + s] += 18 * j;
                        }
                        p[9] += 0.012 * j;
                        p[10] += 0.008 * j;
                    }
                }
                default -> throw new IllegalStateException();
            }
        }

        private static void focalClonic(double[] sp, double u, double d, int side, double sign, double envelope,
                double[] p) {
            double f0 = sp[0];
            double k = Math.log(1 / 0.7) / Math.max(1, d);
            double phase = f0 * (1 - Math.exp(-k * u)) / k;
            double j = jerk(phase) * sp[1] * envelope;
            p[2 + side] += 32 * j;
            p[side] += 12 * j;
            if (sp[2] > 0) {
                p[6 + side] += 15 * j;
            }
            p[8] += sign * 0.006 * j;
            p[12] += sign * (0.6 * envelope + 0.2 * j);
        }

        void render(int frame, byte[] out) {
            double t = frame / (double) spec.fps();
            double[] p = pose(t);
            // Room and bed.
            java.util.Arrays.fill(canvas, 55f);
            polygonRect(-0.30, -0.55, 0.30, 0.75, bedGrey, 1);
            ellipse(0, -0.36, 0.16, 0.07, bedGrey + 25, 1);
            double trunkX = p[10];
            double neckY = -0.26;
            double pelvisY = 0.12;
            // Legs (under the blanket, if any).
            for (int s = 0; s < 2; s++) {
                double sx = s == 0 ? -1 : 1;
                double hx = trunkX + sx * 0.055;
                double a = Math.toRadians(p[4 + s]);
                double kx = hx + sx * 0.20 * Math.sin(a);
                double ky = pelvisY + 0.20 * Math.cos(a);
                double b = Math.toRadians(p[4 + s] - p[6 + s] * 0.5);
                double ax = kx + sx * 0.19 * Math.sin(b) - sx * 0.05 * Math.sin(Math.toRadians(p[6 + s]));
                double ay = ky + 0.19 * Math.cos(b);
                capsule(hx, pelvisY, kx, ky, 0.045, skinGrey - 20, 1);
                capsule(kx, ky, ax, ay, 0.038, skinGrey - 20, 1);
            }
            // Trunk and head.
            ellipse(trunkX, (neckY + pelvisY) / 2 + 0.02, 0.13, 0.22, skinGrey - 35, 1);
            double headX = trunkX + p[8] + 0.02 * p[12];
            double headY = neckY - 0.075 + p[9];
            ellipse(headX, headY, 0.058, 0.066, skinGrey, 1);
            double turn = 0.025 * p[12];
            ellipse(headX + turn - 0.02, headY - 0.012, 0.010, 0.007, 60, 1);
            ellipse(headX + turn + 0.02, headY - 0.012, 0.010, 0.007, 60, 1);
            ellipse(headX + turn, headY + 0.028, 0.018, 0.004 + 0.012 * Math.max(0, p[11]), 70, 1);
            // Arms on top of the trunk.
            for (int s = 0; s < 2; s++) {
                double sx = s == 0 ? -1 : 1;
                double shx = trunkX + sx * 0.095;
                double shy = neckY + 0.035;
                double a = Math.toRadians(p[s]);
                double ex = shx + sx * 0.15 * Math.sin(a);
                double ey = shy + 0.15 * Math.cos(a);
                double b = Math.toRadians(p[s] - p[2 + s]);
                double wx = ex + sx * 0.14 * Math.sin(b);
                double wy = ey + 0.14 * Math.cos(b);
                capsule(shx, shy, ex, ey, 0.030, skinGrey - 10, 1);
                capsule(ex, ey, wx, wy, 0.026, skinGrey, 1);
                ellipse(wx + sx * 0.01, wy + 0.015, 0.026, 0.026, skinGrey + 10, 1);
            }
            // Blanket: the limbs under it still show through a little.
            if (blanketTop < 1) {
                polygonRect(-0.31, blanketTop, 0.31, 0.76, blanketGrey, 0.72);
            }
            if (spec.nuisances()) {
                for (double[] s : staff) {
                    double u = (t - s[0]) / s[1];
                    if (u > 0 && u < 1) {
                        double halfWidth = w / 2.0 / unit;
                        double x = s[3] * (-halfWidth - 0.35 + u * (2 * halfWidth + 0.7));
                        double y = s[2] - 0.5;
                        ellipse(x, y, 0.22, 0.14, 45, 1);
                        ellipse(x, y, 0.08, 0.08, 120, 1);
                    }
                }
            }
            double gain = baseGain * (1 + (spec.nuisances() ? 0.08 * Math.sin(2 * Math.PI * t / 47.0) : 0));
            double level = 1;
            double previous = 1;
            double switched = Double.NEGATIVE_INFINITY;
            for (double[] l : lightSwitches) {
                if (t >= l[0]) {
                    previous = level;
                    level = l[1];
                    switched = l[0];
                }
            }
            double ramp = Math.min(1, (t - switched) / 0.8);
            gain *= previous + (level - previous) * ramp;
            for (int i = 0; i < canvas.length; i++) {
                double v = canvas[i] * gain + (spec.nuisances() ? noise.nextGaussian() * noiseSigma : 0);
                out[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
            }
        }

        private double px(double x, double y) {
            return cx + unit * scale * (x * Math.cos(tilt) - y * Math.sin(tilt));
        }

        private double py(double x, double y) {
            return h / 2.0 + cy + unit * scale * (x * Math.sin(tilt) + y * Math.cos(tilt));
        }

        private void blend(int x, int y, double value, double alpha) {
            if (x >= 0 && x < w && y >= 0 && y < h && alpha > 0) {
                int i = y * w + x;
                canvas[i] = (float) (canvas[i] * (1 - alpha) + value * alpha);
            }
        }

        /** A filled segment of radius r (scene units), anti-aliased over one pixel. */
        private void capsule(double ax, double ay, double bx, double by, double r, double value, double alpha) {
            double x0 = px(ax, ay);
            double y0 = py(ax, ay);
            double x1 = px(bx, by);
            double y1 = py(bx, by);
            double rp = r * unit * scale;
            int left = (int) Math.floor(Math.min(x0, x1) - rp - 1);
            int right = (int) Math.ceil(Math.max(x0, x1) + rp + 1);
            int top = (int) Math.floor(Math.min(y0, y1) - rp - 1);
            int bottom = (int) Math.ceil(Math.max(y0, y1) + rp + 1);
            double dx = x1 - x0;
            double dy = y1 - y0;
            double len2 = Math.max(1e-9, dx * dx + dy * dy);
            for (int y = Math.max(0, top); y <= Math.min(h - 1, bottom); y++) {
                for (int x = Math.max(0, left); x <= Math.min(w - 1, right); x++) {
                    double u = Math.max(0, Math.min(1, ((x + 0.5 - x0) * dx + (y + 0.5 - y0) * dy) / len2));
                    double ex = x + 0.5 - (x0 + u * dx);
                    double ey = y + 0.5 - (y0 + u * dy);
                    double coverage = Math.max(0, Math.min(1, rp + 0.5 - Math.sqrt(ex * ex + ey * ey)));
                    blend(x, y, value, alpha * coverage);
                }
            }
        }

        private void ellipse(double ex, double ey, double rx, double ry, double value, double alpha) {
            double x0 = px(ex, ey);
            double y0 = py(ex, ey);
            double rxp = rx * unit * scale;
            double ryp = ry * unit * scale;
            double rmax = Math.max(rxp, ryp) + 1;
            for (int y = Math.max(0, (int) (y0 - rmax)); y <= Math.min(h - 1, (int) (y0 + rmax)); y++) {
                for (int x = Math.max(0, (int) (x0 - rmax)); x <= Math.min(w - 1, (int) (x0 + rmax)); x++) {
                    // Ellipse axes follow the scene tilt.
                    double dx = x + 0.5 - x0;
                    double dy = y + 0.5 - y0;
                    double u = dx * Math.cos(tilt) + dy * Math.sin(tilt);
                    double v = -dx * Math.sin(tilt) + dy * Math.cos(tilt);
                    double d = Math.sqrt(u * u / (rxp * rxp) + v * v / (ryp * ryp));
                    double coverage = Math.max(0, Math.min(1, (1 - d) * Math.min(rxp, ryp) + 0.5));
                    blend(x, y, value, alpha * coverage);
                }
            }
        }

        private void polygonRect(double x0, double y0, double x1, double y1, double value, double alpha) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double dx = x + 0.5 - cx;
                    double dy = y + 0.5 - (h / 2.0 + cy);
                    double s = unit * scale;
                    double u = (dx * Math.cos(tilt) + dy * Math.sin(tilt)) / s;
                    double v = (-dx * Math.sin(tilt) + dy * Math.cos(tilt)) / s;
                    if (u >= x0 && u <= x1 && v >= y0 && v <= y1) {
                        blend(x, y, value, alpha);
                    }
                }
            }
        }
    }
}
