package io.ictal.benchmarks.workflow;

import io.ictal.api.detection.Classification;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.ModelIdentity;
import io.ictal.api.detection.RecordingClassifier;
import io.ictal.api.detection.Trend;
import io.ictal.api.recording.ChannelType;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingHeader;
import io.ictal.api.recording.SignalInfo;
import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.spectrogram.internal.SpectrogramComponent;
import io.ictal.viewer.spi.Explanation;
import io.ictal.viewer.spi.Marker;
import io.ictal.viewer.spi.MarkerSink;
import io.ictal.viewer.spi.OpenedRecording;
import io.ictal.viewer.spi.TrendSegment;
import io.ictal.workflow.internal.WorkflowMarkerProvider;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One analysis of a long recording through the workflow, as a viewer starts it: how long the host's
 * thread is held by {@code start}, when the first marker arrives, when the job ends, and the peak heap
 * used after garbage collection. The classifier reads every 10-s window of every EEG channel (the I/O
 * and decode of a real detector, without its CNN) and reports a detection where the line length is
 * high; the workflow also computes the CSA over every EEG channel.
 *
 * <p>Usage: {@code WorkflowBenchmark FILE.edf}; prints one line of {@code key=value}.
 */
public final class WorkflowBenchmark {

    /** Line length per second over a window, averaged over channels; seizures raise it. */
    static final class LineLengthClassifier implements RecordingClassifier {
        static final ModelIdentity MODEL = new ModelIdentity("benchmark-line-length", "1.0.0", "b".repeat(64));
        private final double threshold;

        LineLengthClassifier(double threshold) {
            this.threshold = threshold;
        }

        @Override
        public String task() {
            return "seizure-detection";
        }

        @Override
        public boolean appliesTo(RecordingHeader header) {
            return header.dataSignals().stream().anyMatch(s -> s.type() == ChannelType.EEG);
        }

        @Override
        public Classification classify(Recording recording, ClassificationListener listener) throws IOException {
            List<SignalInfo> eeg = recording.header().dataSignals().stream().filter(s -> s.type() == ChannelType.EEG)
                    .toList();
            int windows = (int) (recording.header().durationSeconds() / 10);
            float[] buffer = new float[(int) Math.round(10 * eeg.get(0).samplingRateHz())];
            List<Detection> found = new ArrayList<>();
            for (int w = 0; w < windows && !listener.isCancelled(); w++) {
                double length = 0;
                for (SignalInfo s : eeg) {
                    recording.read(s.index(), w * 10.0, buffer, 0, buffer.length);
                    for (int i = 1; i < buffer.length; i++) {
                        length += Math.abs(buffer[i] - buffer[i - 1]);
                    }
                }
                length /= eeg.size() * 10.0;
                double p = length / (length + threshold);
                listener.trend(new Trend("seizure-probability", "Seizure probability", "probability", w * 10.0, 10,
                        new double[] {p}));
                if (p > 0.5) {
                    Detection d = new Detection("w" + w, task(), "seizure", w * 10.0, 10, List.of(), p, MODEL,
                            Map.of(), null);
                    found.add(d);
                    listener.detected(List.of(d));
                }
                if (w % 60 == 0) {
                    listener.progress((w + 1.0) / windows, "window " + (w + 1) + " of " + windows);
                }
            }
            return new Classification(task(), MODEL, found, !listener.isCancelled());
        }
    }

    /** Times the sink's calls relative to the start. */
    static final class TimingSink implements MarkerSink {
        final long t0 = System.nanoTime();
        volatile long firstMarker = -1;
        volatile double firstMarkerOnset = Double.NaN;
        volatile long firstProgress = -1;
        volatile int markers;
        volatile String ending;
        final CountDownLatch ended = new CountDownLatch(1);

        @Override
        public void markersAdded(List<Marker> added) {
            if (firstMarker < 0) {
                firstMarker = System.nanoTime() - t0;
                firstMarkerOnset = added.get(0).onsetSeconds();
            }
            markers += added.size();
        }

        @Override
        public void markersRetracted(List<String> ids) {
        }

        @Override
        public void trendAppended(TrendSegment segment) {
        }

        @Override
        public void explanationAdded(Explanation explanation) {
        }

        @Override
        public void progress(double fraction, String message) {
            if (firstProgress < 0) {
                firstProgress = System.nanoTime() - t0;
            }
        }

        @Override
        public void completed(String summary) {
            ending = summary;
            ended.countDown();
        }

        @Override
        public void failed(String message) {
            ending = "FAILED " + message;
            ended.countDown();
        }

        @Override
        public void cancelled() {
            ending = "cancelled";
            ended.countDown();
        }
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        double threshold = args.length > 1 ? Double.parseDouble(args[1]) : 2000;
        SpectrogramComponent spectrogram = new SpectrogramComponent(0, 600);
        WorkflowMarkerProvider workflow = new WorkflowMarkerProvider(new WorkflowMarkerProvider.Config() {
            public int threads() {
                return 0;
            }

            public boolean lenient() {
                return true;
            }

            public double csaEpochSeconds() {
                return 10;
            }

            public double swapGraceSeconds() {
                return 10;
            }

            public int maxExplanationMegabytes() {
                return 32;
            }

            public Class<? extends Annotation> annotationType() {
                return WorkflowMarkerProvider.Config.class;
            }
        }, new EdfRecordingReader());
        workflow.setSpectrogram(spectrogram);
        workflow.addClassifier(new LineLengthClassifier(threshold), Map.of("task", "seizure-detection", "service.id", 1L));

        // The first start() in a JVM loads the workflow's classes and starts a thread; a viewer pays
        // that once. Measure it, cancel that job, then time the real one from a warm start.
        long cold = System.nanoTime();
        workflow.start(new OpenedRecording("warm-up", file), new TimingSink()).cancel();
        long coldStart = System.nanoTime() - cold;
        TimingSink sink = new TimingSink();
        long before = System.nanoTime();
        workflow.start(new OpenedRecording("benchmark", file), sink);
        long startReturned = System.nanoTime() - before;
        long peakAfterGc = 0;
        while (!sink.ended.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peakAfterGc = Math.max(peakAfterGc, heapAfterLastGc());
        }
        long total = System.nanoTime() - sink.t0;
        peakAfterGc = Math.max(peakAfterGc, heapAfterLastGc());
        workflow.deactivate();
        spectrogram.deactivate();
        System.out.printf(Locale.ROOT, "workflow file_mb=%.0f first_start_return_ms=%.2f start_return_ms=%.3f first_progress_s=%.3f"
                + " first_marker_s=%.3f first_marker_onset_s=%.0f total_s=%.2f markers=%d peak_heap_after_gc_mb=%.1f max_heap_mb=%.0f summary=%s%n",
                Files.size(file) / 1e6, coldStart / 1e6, startReturned / 1e6, sink.firstProgress / 1e9, sink.firstMarker / 1e9, sink.firstMarkerOnset,
                total / 1e9, sink.markers, peakAfterGc / 1e6, Runtime.getRuntime().maxMemory() / 1e6,
                sink.ending.replace(' ', '_'));
    }

    /** Heap in use right after the last collection: what the program keeps, not what it has yet to collect. */
    private static long heapAfterLastGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }
}
