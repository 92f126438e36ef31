package io.ictal.workflow.internal;

import io.ictal.api.detection.EventClassifier;
import io.ictal.api.detection.RecordingClassifier;
import io.ictal.api.recording.RecordingReader;
import io.ictal.api.review.ReviewQueue;
import io.ictal.api.spectrogram.SpectrogramService;
import io.ictal.viewer.spi.AnalysisJob;
import io.ictal.viewer.spi.MarkerProvider;
import io.ictal.viewer.spi.MarkerSink;
import io.ictal.viewer.spi.OpenedRecording;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Ictal's {@link MarkerProvider}: for each opened recording, runs every applicable
 * {@link RecordingClassifier} (one per task), the {@link EventClassifier}s of their events, and a CSA, streams the results to the host's sinks and
 * queues the detections for review. The one analysis path: the viewer and {@code ictal:analyze}
 * both start jobs here.
 */
@Component(service = MarkerProvider.class, configurationPid = WorkflowMarkerProvider.PID,
        property = {MarkerProvider.PROVIDER_ID + "=ictal", MarkerProvider.PROVIDER_NAME + "=Ictal seizure detection"})
@Designate(ocd = WorkflowMarkerProvider.Config.class)
public final class WorkflowMarkerProvider implements MarkerProvider {

    static final String PID = "io.ictal.workflow";

    @ObjectClassDefinition(name = "Ictal analysis workflow",
            description = "How Ictal analyses a recording opened in a viewer or given to ictal:analyze.")
    public @interface Config {

        @AttributeDefinition(description = "Threads running analyses (classifier runs and CSAs of every job); "
                + "0 = one per processor.")
        int threads() default 0;

        @AttributeDefinition(description = "Read recordings leniently: format deviations become warnings "
                + "instead of refusing the file.")
        boolean lenient() default true;

        @AttributeDefinition(description = "Seconds per CSA trend point (>= 2).")
        double csaEpochSeconds() default 10;

        @AttributeDefinition(description = "Seconds a run whose classifier went away (bundle updated) waits "
                + "for its replacement before giving up on that task.")
        double swapGraceSeconds() default 10;

        @AttributeDefinition(description = "Megabytes of explanation images kept per job for viewers that "
                + "attach late.")
        int maxExplanationMegabytes() default 32;
    }

    private final Settings settings;
    private final ExecutorService executor;
    private final Classifiers<RecordingClassifier> classifiers = new Classifiers<>(RecordingClassifier::task);
    private final Classifiers<EventClassifier> eventClassifiers = new Classifiers<>(EventClassifier::task);
    private final AtomicReference<SpectrogramService> spectrogram = new AtomicReference<>();
    private final AtomicReference<ReviewQueue> reviewQueue = new AtomicReference<>();
    private final List<AnalysisRun> live = new CopyOnWriteArrayList<>();
    private final Analysis.Services services;

    @Activate
    public WorkflowMarkerProvider(Config config, @Reference RecordingReader reader) {
        this(new Settings(config.lenient(), config.csaEpochSeconds(), config.swapGraceSeconds(),
                (long) config.maxExplanationMegabytes() << 20),
                config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors(), reader);
    }

    WorkflowMarkerProvider(Settings settings, int threads, RecordingReader reader) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (threads < 1) {
            throw new IllegalArgumentException(PID + ": threads must be >= 0, was " + threads);
        }
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                namedThreads());
        ((ThreadPoolExecutor) executor).allowCoreThreadTimeOut(true);
        this.services = new Analysis.Services(Objects.requireNonNull(reader, "reader"), classifiers, eventClassifiers,
                spectrogram::get,
                reviewQueue::get, executor);
    }

    @Override
    public AnalysisJob start(OpenedRecording recording, MarkerSink sink) {
        AnalysisRun[] self = new AnalysisRun[1];
        AnalysisRun run = new AnalysisRun(recording, sink, settings.maxExplanationBytes(), () -> live.remove(self[0]));
        self[0] = run;
        live.add(run);
        new Analysis(run, settings, services).start();
        return run;
    }

    /** Cancels every running job (their sinks hear {@code cancelled}) and stops the threads. */
    @Deactivate
    public void deactivate() throws InterruptedException {
        for (AnalysisRun run : live) {
            run.cancel();
        }
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addClassifier(RecordingClassifier classifier, Map<String, Object> properties) {
        classifiers.add(classifier, properties);
    }

    public void removeClassifier(RecordingClassifier classifier) {
        classifiers.remove(classifier);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addEventClassifier(EventClassifier classifier, Map<String, Object> properties) {
        eventClassifiers.add(classifier, properties);
    }

    public void removeEventClassifier(EventClassifier classifier) {
        eventClassifiers.remove(classifier);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void setSpectrogram(SpectrogramService service) {
        spectrogram.set(service);
    }

    public void unsetSpectrogram(SpectrogramService service) {
        spectrogram.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void setReviewQueue(ReviewQueue queue) {
        reviewQueue.set(queue);
    }

    public void unsetReviewQueue(ReviewQueue queue) {
        reviewQueue.compareAndSet(queue, null);
    }

    /** Jobs not yet ended (for tests). */
    int liveJobs() {
        return live.size();
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ictal-workflow-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
