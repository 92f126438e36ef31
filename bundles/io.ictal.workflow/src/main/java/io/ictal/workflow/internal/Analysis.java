package io.ictal.workflow.internal;

import io.ictal.api.detection.Classification;
import io.ictal.api.detection.ClassificationException;
import io.ictal.api.detection.ClassificationListener;
import io.ictal.api.detection.Detection;
import io.ictal.api.detection.EventClassifier;
import io.ictal.api.detection.EventContext;
import io.ictal.api.detection.RecordingClassifier;
import io.ictal.api.detection.RecordingVideo;
import io.ictal.api.detection.Trend;
import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormatException;
import io.ictal.api.recording.RecordingReader;
import io.ictal.api.review.RecordingDescriptor;
import io.ictal.api.review.ReviewQueue;
import io.ictal.api.spectrogram.SpectrogramService;
import io.ictal.viewer.spi.Explanation;
import io.ictal.viewer.spi.Marker;
import io.ictal.viewer.spi.TrendSegment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of one job, on the workflow's threads: opens the recording, runs each applicable
 * classifier and the CSA as separate tasks (so the first markers do not wait for the CSA), reports
 * through the {@link AnalysisRun}, queues each classifier's detections for review when its run
 * ends, and ends the job with a summary once every task is done.
 *
 * <p>An {@link EventClassifier} (seizure type, video semiology) follows the recording classifier of
 * its event task: when that run ends, the follower classifies its events one by one, as a task of
 * its own (so the seizure type and the video run side by side).
 */
final class Analysis {

    private static final Logger LOG = LoggerFactory.getLogger(Analysis.class);

    /** Collaborators shared by every job. */
    record Services(RecordingReader reader, Classifiers<RecordingClassifier> classifiers,
            Classifiers<EventClassifier> eventClassifiers, Supplier<SpectrogramService> spectrogram,
            Supplier<ReviewQueue> reviewQueue, Executor executor) {
    }

    /** An event classifier's task waiting for the events of {@code eventTask}, with its progress slot. */
    private record Follower(int slot, String task, String eventTask) {
    }

    private final AnalysisRun run;
    private final Settings settings;
    private final Services services;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Integer> detectionsByTask = new TreeMap<>();
    private final AtomicInteger remaining = new AtomicInteger();
    private int queued;
    private int failedTasks;
    private double[] fractions;
    private Recording recording;
    private List<RecordingVideo> videos;
    private final Map<String, List<Follower>> followersByEventTask = new LinkedHashMap<>();

    Analysis(AnalysisRun run, Settings settings, Services services) {
        this.run = run;
        this.settings = settings;
        this.services = services;
    }

    /** Returns at once: everything happens on the workflow's threads. */
    void start() {
        services.executor().execute(this::open);
    }

    private void open() {
        var file = run.recording().file();
        try {
            recording = services.reader().open(file, settings.lenient() ? ReadMode.LENIENT : ReadMode.STRICT);
        } catch (RecordingFormatException e) {
            run.failed(e.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            run.failed(file + ": cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return;
        }
        describe();
        videos = run.recording().videos().stream()
                .map(v -> new RecordingVideo(v.file(), v.offsetKnown() ? OptionalDouble.of(v.offsetSeconds()) : OptionalDouble.empty()))
                .toList();
        List<Runnable> tasks = new ArrayList<>();
        List<Classifiers.Bound<RecordingClassifier>> installed = services.classifiers().preferred();
        Set<String> running = new LinkedHashSet<>();
        for (Classifiers.Bound<RecordingClassifier> bound : installed) {
            if (applies(bound)) {
                int slot = tasks.size();
                running.add(bound.task());
                tasks.add(() -> {
                    List<Detection> events = null;
                    try {
                        events = runClassifier(slot, bound);
                    } finally {
                        startFollowers(bound.task(), events);
                    }
                });
            }
        }
        int classifierTasks = tasks.size();
        SpectrogramService spectrogram = services.spectrogram().get();
        if (spectrogram == null) {
            note("no CSA: the spectrogram service is not running (feature ictal-spectrogram)");
        } else if (!CsaTrend.appliesTo(recording)) {
            note("no CSA: the recording has no EEG channel sampled at 16 Hz or more");
        } else {
            int slot = tasks.size();
            tasks.add(() -> runCsa(slot, spectrogram));
        }
        if (installed.isEmpty()) {
            note("no classifier is installed: no markers (install a classifier feature, e.g. ictal-detector)");
        } else if (classifierTasks == 0) {
            note("no installed classifier applies to this recording (installed: "
                    + String.join(", ", installed.stream().map(Classifiers.Bound::task).toList()) + ")");
        }
        if (!recording.warnings().isEmpty()) {
            int deviations = recording.warnings().size();
            note(deviations + (deviations == 1 ? " format deviation" : " format deviations")
                    + " overlooked (see ictal:info --lenient)");
        }
        if (tasks.isEmpty()) {
            closeRecording();
            synchronized (this) {
                run.completed("nothing to run: " + String.join("; ", notes));
            }
            return;
        }
        int followers = planFollowers(running, tasks.size());
        fractions = new double[tasks.size() + followers];
        remaining.set(tasks.size() + followers);
        for (Runnable task : tasks) {
            services.executor().execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("An analysis task of {} failed", run.recording().recordingId(), e);
                    failed(e.getClass().getSimpleName() + ": " + e.getMessage());
                } finally {
                    taskDone();
                }
            });
        }
    }

    /** Tells the review queue where the recording is and when it started (its exports need both). */
    private void describe() {
        ReviewQueue queue = services.reviewQueue().get();
        if (queue == null) {
            return;
        }
        try {
            queue.describe(new RecordingDescriptor(run.recording().recordingId(),
                    run.recording().file().toAbsolutePath().toString(), recording.header().start(),
                    recording.header().durationSeconds()));
        } catch (RuntimeException e) {
            LOG.warn("The review queue refused the description of {}", run.recording().recordingId(), e);
        }
    }

    /**
     * Gives each event classifier that applies, and whose event task runs here, a progress slot from
     * {@code firstSlot} on; returns how many.
     */
    private int planFollowers(Set<String> running, int firstSlot) {
        int slot = firstSlot;
        for (Classifiers.Bound<EventClassifier> bound : services.eventClassifiers().preferred()) {
            try {
                String eventTask = bound.classifier().eventTask();
                if (!running.contains(eventTask)) {
                    note(bound.task() + ": not run, nothing finds its events (" + eventTask + ") on this recording");
                } else if (bound.classifier().appliesTo(recording.header(), videos)) {
                    followersByEventTask.computeIfAbsent(eventTask, t -> new ArrayList<>())
                            .add(new Follower(slot++, bound.task(), eventTask));
                }
            } catch (RuntimeException e) {
                LOG.error("Event classifier for task {} failed in eventTask/appliesTo", bound.task(), e);
                note(bound.task() + ": skipped, its appliesTo failed (" + e.getMessage() + ")");
            }
        }
        return slot - firstSlot;
    }

    private boolean applies(Classifiers.Bound<RecordingClassifier> bound) {
        try {
            return bound.classifier().appliesTo(recording.header());
        } catch (RuntimeException e) {
            LOG.error("Classifier for task {} failed in appliesTo", bound.task(), e);
            note(bound.task() + ": skipped, its appliesTo failed (" + e.getMessage() + ")");
            return false;
        }
    }

    /** Runs one task's classifier; returns its detections, or null when the run failed. */
    private List<Detection> runClassifier(int slot, Classifiers.Bound<RecordingClassifier> first) {
        String task = first.task();
        RecordingClassifier classifier = first.classifier();
        while (true) {
            Set<String> reported = new LinkedHashSet<>();
            Classification result;
            try {
                result = classifier.classify(recording, new Listener(slot, task, classifier, reported));
            } catch (ClassificationException e) {
                failed(task + ": " + e.getMessage());
                return null;
            } catch (IOException e) {
                failed(task + ": reading " + run.recording().file() + " failed (" + e.getMessage() + ")");
                return null;
            }
            if (services.classifiers().contains(classifier) || run.isCancelled()) {
                ingest(task, result.detections());
                return result.detections();
            }
            // The classifier went away mid-run (its bundle was updated or removed): what it said is
            // withdrawn and the task runs again with its replacement, so every marker of the task
            // comes from one classifier.
            run.markersRetracted(reported.stream().toList());
            Optional<Classifiers.Bound<RecordingClassifier>> replacement = awaitReplacement(services.classifiers(), task);
            if (replacement.isEmpty()) {
                failed(task + ": its classifier went away mid-run and no replacement came within "
                        + settings.swapGraceSeconds() + " s; its markers were withdrawn");
                return null;
            }
            classifier = replacement.get().classifier();
            progress(slot, 0, task + ": classifier replaced, running again");
        }
    }

    /** Starts the event classifiers that wait for {@code eventTask}'s events (or ends them: no events). */
    private void startFollowers(String eventTask, List<Detection> events) {
        for (Follower follower : followersByEventTask.getOrDefault(eventTask, List.of())) {
            if (events == null) {
                failed(follower.task() + ": not run, " + eventTask + " failed");
                taskDone();
                continue;
            }
            services.executor().execute(() -> {
                try {
                    classifyEvents(follower, events);
                } catch (RuntimeException e) {
                    LOG.error("Event classification {} of {} failed", follower.task(), run.recording().recordingId(), e);
                    failed(follower.task() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
                } finally {
                    taskDone();
                }
            });
        }
    }

    /**
     * Classifies each event with the follower's preferred classifier (looked up per event, so an
     * updated bundle takes over at the next event); shows and queues what it finds. An event it
     * cannot classify (e.g. a damaged stretch of video) is counted and the next one tried.
     */
    private void classifyEvents(Follower follower, List<Detection> events) {
        String task = follower.task();
        List<Detection> found = new ArrayList<>();
        int failures = 0;
        String firstFailure = null;
        try {
            for (int i = 0; i < events.size() && !run.isCancelled(); i++) {
                Optional<Classifiers.Bound<EventClassifier>> bound = awaitReplacement(services.eventClassifiers(), task);
                if (bound.isEmpty()) {
                    failed(task + ": its classifier went away and no replacement came within "
                            + settings.swapGraceSeconds() + " s; " + (events.size() - i) + " events not classified");
                    return;
                }
                Detection event = events.get(i);
                List<Detection> about = List.of();
                try {
                    about = bound.get().classifier().classify(new EventContext(recording, event, videos),
                            new EventListener(follower, i, events.size()));
                } catch (ClassificationException | IOException e) {
                    failures++;
                    if (firstFailure == null) {
                        firstFailure = event.id() + ": " + (e instanceof IOException ? "reading failed (" + e.getMessage() + ")"
                                : e.getMessage());
                    }
                }
                if (run.isCancelled()) {
                    return;
                }
                String eventMarker = Mapping.markerId(follower.eventTask(), event.id());
                run.markersAdded(about.stream().map(d -> Mapping.marker(d, eventMarker)).toList());
                about.stream().map(Mapping::explanation).filter(x -> x != null).forEach(run::explanationAdded);
                found.addAll(about);
                progress(follower.slot(), (i + 1.0) / events.size(), task + ": " + (i + 1) + " of " + events.size() + " events");
            }
            progress(follower.slot(), 1, task + ": done");
        } finally {
            if (failures > 0) {
                failed(task + ": " + failures + " of " + events.size() + " events not classified (" + firstFailure + ")");
            }
            ingest(task, found);
        }
    }

    private <C> Optional<Classifiers.Bound<C>> awaitReplacement(Classifiers<C> registry, String task) {
        long deadline = System.nanoTime() + (long) (settings.swapGraceSeconds() * 1e9);
        while (true) {
            Optional<Classifiers.Bound<C>> found = registry.preferred(task);
            if (found.isPresent() || run.isCancelled() || System.nanoTime() >= deadline) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Queues a run's detections for review, or says loudly that they are not queued. */
    private void ingest(String task, List<Detection> detections) {
        synchronized (this) {
            detectionsByTask.merge(task, detections.size(), Integer::sum);
        }
        if (detections.isEmpty()) {
            return;
        }
        ReviewQueue queue = services.reviewQueue().get();
        String recordingId = run.recording().recordingId();
        if (queue == null) {
            LOG.warn("No review queue is installed: {} {} detections of {} are NOT queued for review",
                    detections.size(), task, recordingId);
            note(detections.size() + " " + task + " detections NOT queued for review: no review queue is installed");
            return;
        }
        try {
            int n = queue.ingest(recordingId, detections).size();
            synchronized (this) {
                queued += n;
            }
        } catch (RuntimeException e) {
            LOG.error("The review queue refused {} detections of {}", detections.size(), recordingId, e);
            note(detections.size() + " " + task + " detections NOT queued for review: " + e.getMessage());
        }
    }

    private void runCsa(int slot, SpectrogramService spectrogram) {
        try {
            List<TrendSegment> bands = CsaTrend.compute(recording, spectrogram, settings.csaEpochSeconds(),
                    run::isCancelled, f -> progress(slot, f, "CSA: " + Math.round(f * 100) + " %"));
            bands.forEach(run::trendAppended);
        } catch (IOException | RuntimeException e) {
            // The CSA is a view aid: without it the markers still stand.
            LOG.warn("No CSA for {}", run.recording().recordingId(), e);
            note("no CSA (" + e.getMessage() + ")");
        }
        progress(slot, 1, "CSA done");
    }

    private void taskDone() {
        if (remaining.decrementAndGet() > 0) {
            return;
        }
        closeRecording();
        List<Marker> markers = run.markers();
        String summary;
        synchronized (this) {
            if (failedTasks > 0 && failedTasks == fractions.length) {
                run.failed(String.join("; ", notes));
                return;
            }
            StringBuilder sb = new StringBuilder().append(markers.size()).append(markers.size() == 1 ? " marker" : " markers");
            if (!detectionsByTask.isEmpty()) {
                sb.append(" (");
                detectionsByTask.forEach((task, n) -> sb.append(task).append(' ').append(n).append(", "));
                sb.setLength(sb.length() - 2);
                sb.append(')');
            }
            sb.append("; ").append(queued).append(" queued for review");
            for (String note : notes) {
                sb.append("; ").append(note);
            }
            if (run.explanationsDropped() > 0) {
                sb.append("; ").append(run.explanationsDropped()).append(" explanation images not kept for replay (maxExplanationMegabytes)");
            }
            summary = sb.toString();
        }
        run.completed(summary);
    }

    private void closeRecording() {
        try {
            recording.close();
        } catch (IOException e) {
            LOG.warn("Closing {} failed", run.recording().file(), e);
        }
    }

    private synchronized void note(String note) {
        notes.add(note);
    }

    private synchronized void failed(String note) {
        failedTasks++;
        notes.add(note);
    }

    /** Every task's progress in one fraction (their mean), with the reporting task's message. */
    private void progress(int slot, double fraction, String message) {
        double overall;
        synchronized (this) {
            fractions[slot] = Math.max(0, Math.min(1, fraction));
            double sum = 0;
            for (double f : fractions) {
                sum += f;
            }
            overall = sum / fractions.length;
        }
        run.progress(overall, message);
    }

    /** Relays one classifier run to the job, mapping Ictal's records to the SPI's. */
    private final class Listener implements ClassificationListener {
        private final int slot;
        private final String task;
        private final RecordingClassifier classifier;
        private final Set<String> reported;

        Listener(int slot, String task, RecordingClassifier classifier, Set<String> reported) {
            this.slot = slot;
            this.task = task;
            this.classifier = classifier;
            this.reported = reported;
        }

        @Override
        public void progress(double fraction, String message) {
            Analysis.this.progress(slot, fraction, task + ": " + message);
        }

        @Override
        public void detected(List<Detection> detections) {
            if (isCancelled()) {
                return;
            }
            List<Marker> markers = detections.stream().map(Mapping::marker).toList();
            markers.forEach(m -> reported.add(m.id()));
            run.markersAdded(markers);
            for (Detection d : detections) {
                Explanation e = Mapping.explanation(d);
                if (e != null) {
                    run.explanationAdded(e);
                }
            }
        }

        @Override
        public void retracted(List<String> detectionIds) {
            if (isCancelled()) {
                return;
            }
            List<String> ids = detectionIds.stream().map(id -> Mapping.markerId(task, id)).toList();
            reported.removeAll(ids);
            run.markersRetracted(ids);
        }

        @Override
        public void trend(Trend segment) {
            if (!isCancelled()) {
                run.trendAppended(Mapping.trendSegment(segment));
            }
        }

        /** The job was cancelled, or the classifier went away (its replacement runs afresh). */
        @Override
        public boolean isCancelled() {
            return run.isCancelled() || !services.classifiers().contains(classifier);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Listener[%s, slot %d]", task, slot);
        }
    }

    /** Relays an event classifier's progress and trends (its detections come as return values). */
    private final class EventListener implements ClassificationListener {
        private final Follower follower;
        private final int index;
        private final int events;

        EventListener(Follower follower, int index, int events) {
            this.follower = follower;
            this.index = index;
            this.events = events;
        }

        @Override
        public void progress(double fraction, String message) {
            double within = Math.max(0, Math.min(1, fraction));
            Analysis.this.progress(follower.slot(), (index + within) / events,
                    follower.task() + ": event " + (index + 1) + " of " + events + ": " + message);
        }

        @Override
        public void detected(List<Detection> detections) {
            LOG.debug("{} reported detections through the listener; event classifiers return them", follower.task());
        }

        @Override
        public void retracted(List<String> detectionIds) {
        }

        @Override
        public void trend(Trend segment) {
            if (!isCancelled()) {
                run.trendAppended(Mapping.trendSegment(segment));
            }
        }

        @Override
        public boolean isCancelled() {
            return run.isCancelled();
        }
    }
}
