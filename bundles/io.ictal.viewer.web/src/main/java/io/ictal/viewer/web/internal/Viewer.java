package io.ictal.viewer.web.internal;

import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormatException;
import io.ictal.api.recording.RecordingReader;
import io.ictal.api.recording.SignalInfo;
import io.ictal.api.review.ReviewConflictException;
import io.ictal.api.review.ReviewDecision;
import io.ictal.api.review.ReviewException;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewQueue;
import io.ictal.viewer.spi.AnalysisJob;
import io.ictal.viewer.spi.Explanation;
import io.ictal.viewer.spi.MarkerProvider;
import io.ictal.viewer.spi.OpenedRecording;
import io.ictal.viewer.spi.SynchronizedVideo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The reference viewer's logic, free of HTTP: which recordings can be opened, the open ones (each
 * with one analysis job per marker provider, the SPI's whiteboard), traces in a montage, the review
 * list and decisions. Thread-safe.
 */
final class Viewer implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ ()+-]{0,200}\\.(?i:edf|bdf)");

    /** A provider with the name the page shows for it. */
    record Provider(MarkerProvider provider, String name) {
    }

    /** A recording the page can open. */
    record RecordingFile(String name, long bytes) {
    }

    /** An open recording: its file for traces, and each provider's job and view. */
    private record Open(String name, String recordingId, Recording recording, Map<String, RecordingView> views,
            List<AnalysisJob> jobs) {
    }

    /** What the page needs to lay out an open recording. */
    record Opened(String name, String recordingId, double durationSeconds, List<String> signals, List<String> providers) {
    }

    /** Traces over a window: {@code values[trace]} holds min/max pairs of {@code buckets} buckets. */
    record Traces(double start, double duration, String montage, List<String> labels, List<String> units,
            int buckets, List<float[]> values) {
    }

    /**
     * A review item as the page lists it. {@code follows}: the item is an event classifier's (a seizure's
     * type or semiology) and is listed right under the event it is about.
     */
    record ReviewRow(long id, long revision, String state, String reviewer, String comment, String task, String label,
            double onset, double duration, double confidence, List<String> channels, String model,
            Double editedOnset, Double editedOffset, boolean follows) {

        static ReviewRow of(ReviewItem i, boolean follows) {
            var d = i.detection();
            return new ReviewRow(i.id(), i.revision(), i.state().name(), i.reviewer(), i.comment(), d.task(), d.label(),
                    d.onsetSeconds(), d.durationSeconds(), d.confidence(), d.channels(),
                    d.model().id() + " " + d.model().version(),
                    Double.isNaN(i.editedOnsetSeconds()) ? null : i.editedOnsetSeconds(),
                    Double.isNaN(i.editedOffsetSeconds()) ? null : i.editedOffsetSeconds(), follows);
        }
    }

    private final ViewerSettings settings;
    private final RecordingReader reader;
    private final Supplier<List<Provider>> providers;
    private final Supplier<ReviewQueue> queue;
    private final Map<String, Open> open;

    Viewer(ViewerSettings settings, RecordingReader reader, Supplier<List<Provider>> providers,
            Supplier<ReviewQueue> queue) {
        this.settings = settings;
        this.reader = reader;
        this.providers = providers;
        this.queue = queue;
        this.open = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Recordings of the folder and the uploads, by name. */
    List<RecordingFile> recordings() throws IOException {
        Map<String, RecordingFile> files = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Path dir : List.of(settings.uploads(), settings.folder())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path p : entries) {
                    String name = p.getFileName().toString();
                    if (NAME.matcher(name).matches() && Files.isRegularFile(p)) {
                        files.put(name, new RecordingFile(name, Files.size(p)));
                    }
                }
            }
        }
        return List.copyOf(files.values());
    }

    /** The file of a recording name (folder first, then uploads); names never leave these folders. */
    Path resolve(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ViewerException.badRequest("'" + name + "' is not a recording name (letters, digits, ._()+- and an"
                    + " .edf or .bdf extension)");
        }
        for (Path dir : List.of(settings.folder(), settings.uploads())) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw ViewerException.notFound("no recording '" + name + "' in " + settings.folder() + " or " + settings.uploads());
    }

    /** Opens a recording (or returns the one open) and starts every provider's analysis of it. */
    Opened open(String name) {
        Open o = openRecording(name);
        return new Opened(o.name(), o.recordingId(), o.recording().header().durationSeconds(),
                o.recording().header().dataSignals().stream().map(SignalInfo::label).toList(),
                List.copyOf(o.views().keySet()));
    }

    private Open openRecording(String name) {
        Path file = resolve(name).toAbsolutePath().normalize();
        synchronized (open) {
            Open o = open.get(name);
            if (o != null) {
                return o;
            }
            Recording recording;
            try {
                recording = reader.open(file, ReadMode.LENIENT);
            } catch (RecordingFormatException e) {
                throw new ViewerException(422, e.getMessage());
            } catch (IOException e) {
                throw new ViewerException(500, file + ": cannot be read (" + e.getMessage() + ")");
            }
            // The same id as ictal:analyze gives, so the review list shows both's detections.
            String recordingId = file.toString();
            Map<String, RecordingView> views = new LinkedHashMap<>();
            List<AnalysisJob> jobs = new ArrayList<>();
            for (Provider p : providers.get()) {
                RecordingView view = new RecordingView(p.name());
                views.put(p.name(), view);
                jobs.add(p.provider().start(new OpenedRecording(recordingId, file, videoOf(file)), view));
            }
            o = new Open(name, recordingId, recording, views, jobs);
            open.put(name, o);
            evictBeyond(settings.maxOpen());
            return o;
        }
    }

    /**
     * The video recorded with {@code file}: {@code NAME.mp4} beside {@code NAME.edf} (any case),
     * aligned by the recording's video-start annotation; none when there is no such file.
     */
    static List<SynchronizedVideo> videoOf(Path file) {
        String name = file.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        for (String extension : List.of(".mp4", ".MP4")) {
            Path video = file.resolveSibling(base + extension);
            if (Files.isRegularFile(video)) {
                return List.of(SynchronizedVideo.alignedByAnnotation(video));
            }
        }
        return List.of();
    }

    private void evictBeyond(int keep) {
        Iterator<Open> it = open.values().iterator();
        while (open.size() > keep && it.hasNext()) {
            close(it.next());
            it.remove();
        }
    }

    private static void close(Open o) {
        o.jobs().forEach(AnalysisJob::cancel);
        try {
            o.recording().close();
        } catch (IOException e) {
            // Nothing to do: the file handle goes with the object.
        }
    }

    private Open opened(String name) {
        synchronized (open) {
            Open o = open.get(name);
            if (o == null) {
                throw ViewerException.notFound("recording '" + name + "' is not open");
            }
            return o;
        }
    }

    /** Every provider's view of an open recording. */
    List<RecordingView.Snapshot> state(String name, boolean withTrends) {
        return opened(name).views().values().stream().map(v -> v.snapshot(withTrends)).toList();
    }

    Explanation explanation(String name, String markerId) {
        for (RecordingView v : opened(name).views().values()) {
            Explanation e = v.explanation(markerId);
            if (e != null) {
                return e;
            }
        }
        throw ViewerException.notFound("no explanation for marker '" + markerId + "'");
    }

    /**
     * Traces of an open recording over {@code [start, start + duration)} in a montage, reduced to
     * min/max pairs per bucket (a screen shows no more than a few thousand points per trace).
     */
    Traces traces(String name, double start, double duration, String montageName, int buckets) throws IOException {
        if (!Double.isFinite(start) || start < 0 || !Double.isFinite(duration) || duration <= 0 || duration > 3600) {
            throw ViewerException.badRequest("start must be >= 0 and duration in (0, 3600] seconds, were " + start
                    + " and " + duration);
        }
        if (buckets < 10 || buckets > 10_000) {
            throw ViewerException.badRequest("points must be within 10..10000, was " + buckets);
        }
        Montage montage;
        try {
            montage = Montage.parse(montageName);
        } catch (IllegalArgumentException e) {
            throw ViewerException.badRequest(e.getMessage());
        }
        Recording recording = opened(name).recording();
        var header = recording.header();
        List<Montage.Trace> traces = montage.traces(header);
        if (traces.isEmpty()) {
            throw new ViewerException(422, "the " + montage.name().toLowerCase(Locale.ROOT)
                    + " montage needs referential EEG electrodes, which this recording lacks");
        }
        Map<Integer, float[]> read = new ConcurrentHashMap<>();
        float[] average = null;
        if (traces.stream().anyMatch(Montage.Trace::average)) {
            int[] eeg = Montage.eegSignals(header);
            for (int s : eeg) {
                read.put(s, recording.read(s, start, duration));
            }
            average = averageOf(eeg, read);
        }
        List<float[]> values = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (Montage.Trace t : traces) {
            float[] plus = read.computeIfAbsent(t.plus(), s -> readUnchecked(recording, s, start, duration));
            float[] derived = plus.clone();
            if (t.minus() >= 0) {
                float[] minus = read.computeIfAbsent(t.minus(), s -> readUnchecked(recording, s, start, duration));
                subtract(derived, resample(minus, derived.length));
            }
            if (t.average()) {
                subtract(derived, resample(average, derived.length));
            }
            values.add(minMax(derived, buckets));
            units.add(header.signals().get(t.plus()).physicalDimension());
        }
        return new Traces(start, duration, montage.name().toLowerCase(Locale.ROOT),
                traces.stream().map(Montage.Trace::label).toList(), units, buckets, values);
    }

    private static float[] readUnchecked(Recording recording, int signal, double start, double duration) {
        try {
            return recording.read(signal, start, duration);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Mean over signals, at the first one's length (signals of other rates resampled by nearest sample). */
    private static float[] averageOf(int[] signals, Map<Integer, float[]> read) {
        int length = read.get(signals[0]).length;
        float[] mean = new float[length];
        for (int s : signals) {
            float[] v = resample(read.get(s), length);
            for (int i = 0; i < length; i++) {
                mean[i] += v[i] / signals.length;
            }
        }
        return mean;
    }

    private static float[] resample(float[] values, int length) {
        if (values.length == length) {
            return values;
        }
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = values[(int) Math.min(values.length - 1, (long) i * values.length / length)];
        }
        return out;
    }

    private static void subtract(float[] from, float[] what) {
        for (int i = 0; i < from.length; i++) {
            from[i] -= what[i];
        }
    }

    /** Min and max of each bucket (NaN where a bucket has no data), so spikes survive the reduction. */
    static float[] minMax(float[] values, int buckets) {
        float[] out = new float[2 * buckets];
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * values.length / buckets);
            int to = (int) Math.max(from + 1, (long) (b + 1) * values.length / buckets);
            float min = Float.NaN;
            float max = Float.NaN;
            for (int i = from; i < Math.min(to, values.length); i++) {
                float v = values[i];
                if (!Float.isNaN(v)) {
                    min = Float.isNaN(min) ? v : Math.min(min, v);
                    max = Float.isNaN(max) ? v : Math.max(max, v);
                }
            }
            out[2 * b] = min;
            out[2 * b + 1] = max;
        }
        return out;
    }

    /** The review list of an open recording: each event, then the items of the classifiers of that event. */
    List<ReviewRow> review(String name) {
        List<ReviewItem> items = requireQueue().items(opened(name).recordingId());
        Map<String, List<ReviewItem>> byDetection = new LinkedHashMap<>();
        for (ReviewItem item : items) {
            byDetection.computeIfAbsent(item.detection().id(), id -> new ArrayList<>()).add(item);
        }
        List<ReviewRow> rows = new ArrayList<>();
        for (List<ReviewItem> group : byDetection.values()) {
            for (boolean following : new boolean[] {false, true}) {
                group.stream().filter(item -> follows(item, group) == following)
                        .sorted(Comparator.comparingLong(ReviewItem::id))
                        .forEach(item -> rows.add(ReviewRow.of(item, following)));
            }
        }
        return rows;
    }

    /**
     * Whether an item is an event classifier's, about an event of another task: event classifiers give
     * their detections the event's id (EventClassifier), and events are queued before their
     * classifiers run, so the first-queued item of a detection id is the event.
     */
    static boolean follows(ReviewItem item, List<ReviewItem> items) {
        return items.stream().filter(other -> other.detection().id().equals(item.detection().id()))
                .min(Comparator.comparingLong(ReviewItem::id))
                .map(first -> !first.detection().task().equals(item.detection().task())).orElse(false);
    }

    /**
     * Records a reviewer's decision on an item seen at {@code revision}.
     *
     * @param action {@code confirm}, {@code reject} or {@code edit} (with onset and offset)
     */
    ReviewRow decide(long itemId, long revision, String action, String reviewer, String comment, double onset,
            double offset) {
        ReviewDecision decision;
        try {
            String who = Objects.requireNonNullElse(reviewer, "").trim();
            String note = Objects.requireNonNullElse(comment, "");
            decision = switch (Objects.requireNonNullElse(action, "")) {
                case "confirm" -> ReviewDecision.confirm(who, note);
                case "reject" -> ReviewDecision.reject(who, note);
                case "edit" -> ReviewDecision.edit(who, note, onset, offset);
                default -> throw new IllegalArgumentException("action must be confirm, reject or edit, was '" + action + "'");
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ViewerException.badRequest(e.getMessage());
        }
        try {
            ReviewQueue reviewQueue = requireQueue();
            ReviewItem decided = reviewQueue.decide(itemId, revision, decision);
            return ReviewRow.of(decided, follows(decided, reviewQueue.items(decided.recordingId())));
        } catch (ReviewConflictException e) {
            throw new ViewerException(409, e.getMessage());
        } catch (ReviewException e) {
            throw new ViewerException(e.getMessage() != null && e.getMessage().contains("no item") ? 404 : 500,
                    e.getMessage());
        }
    }

    private ReviewQueue requireQueue() {
        ReviewQueue q = queue.get();
        if (q == null) {
            throw new ViewerException(503, "no review queue is installed: detections are not queued (install feature ictal-review)");
        }
        return q;
    }

    /** Stores an uploaded recording under {@code name} in the uploads folder, refusing more than the limit. */
    RecordingFile upload(String name, InputStream body) throws IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ViewerException.badRequest("'" + name + "' is not a recording name (letters, digits, ._()+- and an"
                    + " .edf or .bdf extension)");
        }
        Files.createDirectories(settings.uploads());
        Path target = settings.uploads().resolve(name);
        Path partial = Files.createTempFile(settings.uploads(), ".upload-", ".part");
        try {
            long total = 0;
            byte[] buffer = new byte[1 << 16];
            try (OutputStream out = Files.newOutputStream(partial)) {
                for (int n; (n = body.read(buffer)) > 0; ) {
                    total += n;
                    if (total > settings.maxUploadBytes()) {
                        throw new ViewerException(413, "upload larger than " + (settings.maxUploadBytes() >> 20)
                                + " MB (maxUploadMegabytes)");
                    }
                    out.write(buffer, 0, n);
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            synchronized (open) {
                Open stale = open.remove(name);
                if (stale != null) {
                    close(stale);
                }
            }
            return new RecordingFile(name, total);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Cancels every job and closes every recording. */
    @Override
    public void close() {
        synchronized (open) {
            evictBeyond(0);
        }
    }
}
