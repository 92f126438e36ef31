package io.ictal.video.internal;

import io.ictal.video.internal.VideoSimulator.Episode;
import io.ictal.video.internal.VideoSimulator.Semiology;
import io.ictal.video.internal.VideoSimulator.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Command line for the video simulator.
 *
 * <pre>
 * one video:  --out FILE --seconds N [--seed S] [--patient P] [--size WxH] [--fps F] [--no-nuisances]
 *             [--seizure ONSET:DURATION:TYPE[:left|right]]...   (TYPE: FOS, FOS-AUTOMATISM, TCS; video time)
 * a data set: --dataset DIR --patients FIRST-LAST --clips N [--size WxH] [--threads T]
 * </pre>
 *
 * A data set has N clips per patient (patient = appearance seed; clip seeds never shared between
 * patients), each one seizure (FOS 15-40 s, TCS 35-70 s) with 4-10 s of rest before and 4-12 s after, FOS and TCS alternating, and
 * {@code labels.csv} (file,label,onset,offset,patient,semiology,side) for {@link SnippetDumper}.
 */
public final class VideoSimulatorMain {

    private VideoSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = null;
        Path dataset = null;
        double seconds = 60;
        long seed = 1;
        long patient = 1;
        int width = 128;
        int height = 96;
        int fps = 15;
        boolean nuisances = true;
        int firstPatient = 0;
        int lastPatient = 0;
        int clips = 4;
        int threads = 1;
        List<Episode> episodes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--no-nuisances")) {
                nuisances = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--out" -> out = Path.of(value);
                case "--dataset" -> dataset = Path.of(value);
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--patient" -> patient = Long.parseLong(value);
                case "--fps" -> fps = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--clips" -> clips = Integer.parseInt(value);
                case "--size" -> {
                    String[] wh = value.toLowerCase(Locale.ROOT).split("x");
                    width = Integer.parseInt(wh[0]);
                    height = Integer.parseInt(wh[1]);
                }
                case "--patients" -> {
                    String[] range = value.split("-");
                    firstPatient = Integer.parseInt(range[0]);
                    lastPatient = Integer.parseInt(range[range.length - 1]);
                }
                case "--seizure" -> episodes.add(episode(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (dataset != null) {
            dataset(dataset, firstPatient, lastPatient, clips, width, height, fps, threads);
        } else if (out != null) {
            VideoSimulator.write(new Spec(patient, seed, seconds, width, height, fps, episodes, nuisances), out);
            for (Episode e : episodes) {
                System.out.printf(Locale.ROOT, "%s %.3f %.3f %s %s%n", out.getFileName(), e.onsetSeconds(),
                        e.durationSeconds(), e.semiology().label(), e.leftSide() ? "left" : "right");
            }
        } else {
            throw new IllegalArgumentException("give --out FILE or --dataset DIR");
        }
    }

    static Episode episode(String value) {
        String[] parts = value.split(":");
        if (parts.length < 3) {
            throw new IllegalArgumentException("--seizure " + value + ": expected ONSET:DURATION:TYPE[:left|right]");
        }
        Semiology semiology = switch (parts[2].toUpperCase(Locale.ROOT)) {
            case "FOS", "FOS-CLONIC" -> Semiology.FOS_CLONIC;
            case "FOS-AUTOMATISM" -> Semiology.FOS_AUTOMATISM;
            case "TCS" -> Semiology.TCS;
            default -> throw new IllegalArgumentException("--seizure " + value + ": type must be FOS, FOS-AUTOMATISM "
                    + "or TCS");
        };
        boolean left = parts.length < 4 || parts[3].equalsIgnoreCase("left");
        return new Episode(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), semiology, left);
    }

    static void dataset(Path dir, int firstPatient, int lastPatient, int clips, int width, int height, int fps,
            int threads) throws Exception {
        Files.createDirectories(dir);
        List<String> rows = new ArrayList<>();
        List<Future<?>> jobs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int p = firstPatient; p <= lastPatient; p++) {
                for (int c = 0; c < clips; c++) {
                    long clipSeed = p * 1000L + c;
                    Random r = new Random(clipSeed * 31 + 7);
                    boolean tcs = (c + p) % 2 == 1;
                    Semiology semiology = tcs ? Semiology.TCS
                            : r.nextDouble() < 0.6 ? Semiology.FOS_CLONIC : Semiology.FOS_AUTOMATISM;
                    double before = 4 + 6 * r.nextDouble();
                    double duration = tcs ? 35 + 35 * r.nextDouble() : 15 + 25 * r.nextDouble();
                    double after = 4 + 8 * r.nextDouble();
                    boolean left = r.nextBoolean();
                    Episode e = new Episode(before, duration, semiology, left);
                    double total = before + duration + after;
                    String name = String.format(Locale.ROOT, "p%03d_c%02d.mp4", p, c);
                    Spec spec = new Spec(p, clipSeed, total, width, height, fps, List.of(e), true);
                    jobs.add(pool.submit(() -> {
                        VideoSimulator.write(spec, dir.resolve(name));
                        return null;
                    }));
                    rows.add(String.format(Locale.ROOT, "%s,%s,%.4f,%.4f,p%03d,%s,%s", name, semiology.label(), before,
                            before + duration, p, semiology, left ? "left" : "right"));
                }
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdown();
        }
        Files.writeString(dir.resolve("labels.csv"),
                "file,label,onset,offset,patient,semiology,side\n" + String.join("\n", rows) + "\n");
        System.out.println("wrote " + rows.size() + " clips to " + dir);
    }
}
