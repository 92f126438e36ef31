package io.ictal.inference.internal;

import io.ictal.api.detection.Classification;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.recording.Recording;
import io.ictal.detector.internal.DetectorConfig;
import io.ictal.detector.internal.SeizureDetector;
import io.ictal.edf.internal.EdfRecordingReader;
import io.ictal.spectrogram.internal.SpectrogramComponent;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the seizure detector outside OSGi on whole recordings, exactly as the bundle does in Karaf
 * (the inference runtime's catalog validates and serves the model bundle; the real spectrogram
 * service and EDF reader): for the 24-hour benchmark and the event-level evaluation. Lives in the
 * runtime's package to use its catalog without a framework.
 *
 * <pre>java -Xmx512m -cp ... io.ictal.inference.internal.DetectorBench MODEL.jar RECORDING.edf...</pre>
 * Prints one JSON line per recording: wall seconds, peak heap, events, probability trace length. With
 * {@code -Dtrace.dir=DIR} it also writes each recording's probability trace to {@code DIR/<file>.trace}
 * (one value per window, for tuning the event post-processing with {@code ReplayEvents}).
 */
public final class DetectorBench {

    public static void main(String[] args) throws Exception {
        ModelCatalog catalog = new ModelCatalog(new ModelValidator(new OrtRuntime(RuntimeSettings.cpu(0))),
                (model, properties) -> () -> { }, Map.of());
        catalog.add("model", new JarModelSource(Path.of(args[0])));
        if (catalog.active("seizure-detection").isEmpty()) {
            throw new IllegalStateException("model rejected: " + catalog.models());
        }
        SpectrogramComponent spectrogram = new SpectrogramComponent(0, 600);
        SeizureDetector detector = new SeizureDetector(catalog, spectrogram, defaults());
        try {
            for (int i = 1; i < args.length; i++) {
                resetPeaks();
                long cpuStart = processCpuNanos();
                long start = System.nanoTime();
                int[] traceValues = {0};
                StringBuilder trace = new StringBuilder();
                Classification c;
                try (Recording r = new EdfRecordingReader().open(Path.of(args[i]))) {
                    c = detector.classify(r, ClassificationListener.trendsTo(segment -> {
                        traceValues[0] += segment.values().length;
                        for (double v : segment.values()) {
                            trace.append(v).append('\n');
                        }
                    }));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
                String traceDir = System.getProperty("trace.dir");
                if (traceDir != null) {
                    java.nio.file.Files.writeString(Path.of(traceDir, Path.of(args[i]).getFileName() + ".trace"), trace);
                }
                StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                        "{\"file\": \"%s\", \"seconds\": %.3f, \"cpuSeconds\": %.3f, \"peakHeapMB\": %.1f, "
                                + "\"maxHeapMB\": %.0f, "
                                + "\"traceValues\": %d, \"complete\": %s, \"events\": [",
                        args[i], seconds, cpuSeconds, peakHeapMB(), Runtime.getRuntime().maxMemory() / 1048576.0, traceValues[0],
                        c.complete()));
                for (int k = 0; k < c.detections().size(); k++) {
                    Detection d = c.detections().get(k);
                    json.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                            "{\"onset\": %.2f, \"duration\": %.2f, \"confidence\": %.4f, \"channels\": [%s]}",
                            d.onsetSeconds(), d.durationSeconds(), d.confidence(),
                            String.join(", ", d.channels().stream().map(x -> "\"" + x + "\"").toList())));
                }
                System.out.println(json.append("]}"));
            }
        } finally {
            detector.deactivate();
            spectrogram.deactivate();
        }
    }

    /** DetectorConfig's defaults; {@code -Dmedian.gain=G} replaces medianChannelGain (tune_events.py's grid). */
    private static DetectorConfig defaults() {
        String gain = System.getProperty("median.gain");
        return (DetectorConfig) java.lang.reflect.Proxy.newProxyInstance(DetectorConfig.class.getClassLoader(),
                new Class<?>[] {DetectorConfig.class}, (proxy, method, a) -> switch (method.getName()) {
                    case "annotationType" -> DetectorConfig.class;
                    case "medianChannelGain" -> gain == null ? method.getDefaultValue() : Double.valueOf(gain);
                    default -> method.getDefaultValue();
                });
    }

    /** CPU time of the whole process, ONNX Runtime's native threads included. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static double peakHeapMB() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / 1048576.0;
    }
}
