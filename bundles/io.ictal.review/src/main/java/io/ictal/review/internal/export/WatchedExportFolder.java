package io.ictal.review.internal.export;

import io.ictal.api.review.ExportSelection;
import io.ictal.api.review.ReviewException;
import io.ictal.api.review.ReviewExports;
import io.ictal.api.review.ReviewFilter;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewQueue;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Keeps a folder that a hospital pipeline watches up to date: every few seconds, each recording whose
 * items changed since the last look (a new item or a new decision) is exported again in every
 * configured format. Idle until a folder is configured ({@code folder} in
 * {@code etc/io.ictal.review.watch.cfg}); the component stays active either way, so that status
 * checks see nothing missing.
 */
@Component(service = {}, immediate = true, configurationPid = WatchedExportFolder.PID)
@Designate(ocd = WatchedExportFolder.Config.class)
public final class WatchedExportFolder {

    public static final String PID = "io.ictal.review.watch";
    private static final Logger LOG = Logger.getLogger(WatchedExportFolder.class.getName());

    @ObjectClassDefinition(name = "Ictal watched export folder",
            description = "A folder kept up to date with the review queue's exports for the hospital's pipeline.")
    public @interface Config {

        @AttributeDefinition(description = "The folder (absolute, or relative to Karaf's home); empty: no watched"
                + " folder")
        String folder() default "";

        @AttributeDefinition(description = "Formats to write: bids, csv_bi, edf, json")
        String[] formats() default {"bids"};

        @AttributeDefinition(description = "Write every item with its state (true) or accepted events only (false)")
        boolean all() default false;

        @AttributeDefinition(description = "Seconds between looks at the queue")
        int interval_seconds() default 10;
    }

    private final ReviewQueue queue;
    private final ReviewExports exports;
    private final Path folder;
    private final List<String> formats;
    private final ExportSelection selection;
    /** What each recording's items were at the last export: (id, revision) pairs. */
    private final Map<String, String> exported = new HashMap<>();
    private final ScheduledExecutorService timer;

    @Activate
    public WatchedExportFolder(@Reference ReviewQueue queue, @Reference ReviewExports exports, Config config) {
        this(queue, exports, folderOf(config), List.of(config.formats()),
                config.all() ? ExportSelection.ALL : ExportSelection.ACCEPTED);
        if (config.interval_seconds() <= 0) {
            throw new ReviewException(PID + ": interval.seconds must be > 0, was " + config.interval_seconds());
        }
        if (folder != null) {
            timer.scheduleWithFixedDelay(this::runSafely, 0, config.interval_seconds(), TimeUnit.SECONDS);
        }
    }

    /** Without a timer: the caller calls {@link #run()}. A null folder: nothing is ever exported. */
    public WatchedExportFolder(ReviewQueue queue, ReviewExports exports, Path folder, List<String> formats,
            ExportSelection selection) {
        this.queue = queue;
        this.exports = exports;
        this.folder = folder;
        this.formats = List.copyOf(formats);
        this.selection = selection;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ictal-review-watch");
            t.setDaemon(true);
            return t;
        });
    }

    private static Path folderOf(Config config) {
        if (config.folder().isBlank()) {
            return null;
        }
        return Path.of(System.getProperty("karaf.home", "")).resolve(config.folder().trim());
    }

    @Deactivate
    public void stop() {
        timer.shutdownNow();
    }

    /**
     * Exports the recordings that changed since the last run.
     *
     * @return the ids of the recordings exported
     */
    public synchronized List<String> run() {
        if (folder == null) {
            return List.of();
        }
        Map<String, String> now = queue.items(ReviewFilter.all()).stream().collect(Collectors.groupingBy(
                ReviewItem::recordingId, Collectors.mapping(i -> i.id() + ":" + i.revision(), Collectors.joining(","))));
        List<String> changed = now.entrySet().stream().filter(e -> !e.getValue().equals(exported.get(e.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
        for (String recordingId : changed) {
            for (String format : formats) {
                exports.export(format, ReviewFilter.all().withRecording(recordingId), selection, folder);
            }
            exported.put(recordingId, now.get(recordingId));
        }
        return changed;
    }

    private void runSafely() {
        try {
            run();
        } catch (RuntimeException e) {
            // Try again at the next look; the database or the folder may be back by then.
            LOG.log(Level.WARNING, "watched export folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
