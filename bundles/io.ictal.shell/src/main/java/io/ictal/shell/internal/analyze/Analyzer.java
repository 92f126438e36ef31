package io.ictal.shell.internal.analyze;

import io.ictal.viewer.spi.AnalysisJob;
import io.ictal.viewer.spi.Explanation;
import io.ictal.viewer.spi.Marker;
import io.ictal.viewer.spi.MarkerProvider;
import io.ictal.viewer.spi.MarkerSink;
import io.ictal.viewer.spi.OpenedRecording;
import io.ictal.viewer.spi.SynchronizedVideo;
import io.ictal.viewer.spi.TrendSegment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A terminal host of the viewer SPI: starts one job on the workflow and follows it on the calling
 * thread. The sink only queues what it hears (it is called on the workflow's threads, where
 * {@code System.out} is not the shell session's); the calling thread prints events as they come, a
 * progress bar when {@code bar} is set, and builds the report. An interrupt (Ctrl-C) cancels the job.
 */
final class Analyzer {

    private final MarkerProvider provider;
    private final PrintStream out;
    private final boolean printEvents;
    private final int barWidth;

    /**
     * @param printEvents print each event as it is found (the text form; off for --json)
     * @param barWidth width of the progress bar, 0 for none (no terminal)
     */
    Analyzer(MarkerProvider provider, PrintStream out, boolean printEvents, int barWidth) {
        this.provider = provider;
        this.out = out;
        this.printEvents = printEvents;
        this.barWidth = barWidth;
    }

    /** What the sink heard, in order. */
    private sealed interface Heard {
    }

    private record Added(List<Marker> markers) implements Heard {
    }

    private record Retracted(List<String> ids) implements Heard {
    }

    private record Trend(TrendSegment segment) implements Heard {
    }

    private record Progress(double fraction, String message) implements Heard {
    }

    private record End(String status, String message) implements Heard {
    }

    AnalyzeReport analyze(Path file) throws InterruptedException {
        return analyze(file, List.of());
    }

    /** Analyses {@code file} with the videos recorded alongside it. */
    AnalyzeReport analyze(Path file, List<SynchronizedVideo> videos) throws InterruptedException {
        BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();
        MarkerSink sink = new MarkerSink() {
            @Override
            public void markersAdded(List<Marker> markers) {
                heard.add(new Added(markers));
            }

            @Override
            public void markersRetracted(List<String> ids) {
                heard.add(new Retracted(ids));
            }

            @Override
            public void trendAppended(TrendSegment segment) {
                heard.add(new Trend(segment));
            }

            @Override
            public void explanationAdded(Explanation explanation) {
                // Images are for the viewer; the report names the marker's model instead.
            }

            @Override
            public void progress(double fraction, String message) {
                heard.add(new Progress(fraction, message));
            }

            @Override
            public void completed(String summary) {
                heard.add(new End("completed", summary));
            }

            @Override
            public void failed(String message) {
                heard.add(new End("failed", message));
            }

            @Override
            public void cancelled() {
                heard.add(new End("cancelled", "cancelled"));
            }
        };
        String absolute = file.toAbsolutePath().normalize().toString();
        AnalysisJob job = provider.start(new OpenedRecording(absolute, Path.of(absolute), videos), sink);
        Map<String, Marker> markers = new LinkedHashMap<>();
        Map<String, List<TrendSegment>> trends = new LinkedHashMap<>();
        boolean barShown = false;
        try {
            while (true) {
                Heard h = heard.take();
                if (barShown && (h instanceof End || (h instanceof Added && printEvents))) {
                    out.print("\r\033[K");
                    barShown = false;
                }
                if (h instanceof Added a) {
                    for (Marker m : a.markers()) {
                        if (markers.put(m.id(), m) == null && printEvents) {
                            out.println(eventLine(m));
                        }
                    }
                } else if (h instanceof Retracted r) {
                    r.ids().forEach(markers::remove);
                } else if (h instanceof Trend t) {
                    trends.computeIfAbsent(t.segment().seriesId(), k -> new ArrayList<>()).add(t.segment());
                } else if (h instanceof Progress p) {
                    if (barWidth > 0) {
                        out.print("\r\033[K" + bar(p.fraction(), p.message()));
                        out.flush();
                        barShown = true;
                    }
                } else if (h instanceof End e) {
                    return AnalyzeReport.of(absolute, e.status(), e.message(), List.copyOf(markers.values()), trends);
                }
            }
        } catch (InterruptedException e) {
            job.cancel();
            throw e;
        }
    }

    /** {@code [#####-----]  52 %  message}, cut to the terminal's width. */
    String bar(double fraction, String message) {
        int cells = Math.max(10, Math.min(30, barWidth / 4));
        int filled = (int) Math.round(fraction * cells);
        String line = "[" + "#".repeat(filled) + "-".repeat(cells - filled) + "] "
                + String.format(Locale.ROOT, "%3d %%  ", Math.round(fraction * 100)) + message;
        return line.length() < barWidth ? line : line.substring(0, Math.max(0, barWidth - 1));
    }

    /**
     * One marker as a line: what (an event, or the task of an event classifier such as
     * {@code seizure-type}), onset (h:mm:ss.s), duration, label, confidence, channels, model.
     */
    static String eventLine(Marker m) {
        String what = m.attributes().containsKey("event") ? m.attributes().getOrDefault(Marker.TASK, "event") : "event";
        return String.format(Locale.ROOT, "%-5s  %s  %6.1f s  %-16s %.2f  %s  (%s %s)", what, clock(m.onsetSeconds()),
                m.durationSeconds(), m.label(), m.confidence(), m.channels().isEmpty() ? "all channels"
                        : String.join(",", m.channels()), m.source().id(), m.source().version());
    }

    static String clock(double seconds) {
        long tenths = Math.round(seconds * 10);
        return String.format(Locale.ROOT, "%d:%02d:%02d.%d", tenths / 36000, tenths / 600 % 60, tenths / 10 % 60,
                tenths % 10);
    }
}
