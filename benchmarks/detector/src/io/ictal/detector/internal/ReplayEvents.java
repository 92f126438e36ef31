package io.ictal.detector.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replays a recorded probability trace (DetectorBench -Dtrace.dir) through the detector's own
 * {@link EventFinder} with other post-processing settings, for tuning them on validation recordings
 * without classifying again. Lives in the detector's package to use its finder.
 *
 * <pre>java -cp ... io.ictal.detector.internal.ReplayEvents TRACE HOP WINDOW on,off,smoothing,minDuration,mergeGap...</pre>
 * Prints one JSON line per setting with the events' onsets and offsets.
 */
public final class ReplayEvents {

    public static void main(String[] args) throws Exception {
        List<Double> trace = Files.readAllLines(Path.of(args[0])).stream().map(Double::parseDouble).toList();
        double hop = Double.parseDouble(args[1]);
        double window = Double.parseDouble(args[2]);
        for (int i = 3; i < args.length; i++) {
            String[] p = args[i].split(",");
            List<double[]> events = new ArrayList<>();
            EventFinder finder = new EventFinder(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                    Integer.parseInt(p[2]), Double.parseDouble(p[3]), Double.parseDouble(p[4]), hop, e -> {
                        events.removeIf(x -> x[0] == e.number);
                        events.add(new double[] {e.number, e.onset, e.offset});
                    });
            for (int w = 0; w < trace.size(); w++) {
                finder.add(window / 2 + w * hop, trace.get(w), new double[] {trace.get(w)}, null);
            }
            finder.finish();
            StringBuilder json = new StringBuilder("{\"setting\": \"" + args[i] + "\", \"events\": [");
            for (int k = 0; k < events.size(); k++) {
                json.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "[%.2f, %.2f]", events.get(k)[1],
                        events.get(k)[2]));
            }
            System.out.println(json.append("]}"));
        }
    }
}
