package io.ictal.review.internal.export;

import io.ictal.api.review.ExportBatch;
import io.ictal.api.review.ExportSelection;
import io.ictal.api.review.ReviewException;
import io.ictal.api.review.ReviewExporter;
import io.ictal.api.review.ReviewExports;
import io.ictal.api.review.ReviewFilter;
import io.ictal.api.review.ReviewItem;
import io.ictal.api.review.ReviewQueue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Writes exports into folders with whichever exporters are registered (selected by {@code export.format}). */
@Component(service = ReviewExports.class, configurationPid = FolderExports.PID)
@Designate(ocd = FolderExports.Config.class)
public final class FolderExports implements ReviewExports {

    public static final String PID = "io.ictal.review.export";

    @ObjectClassDefinition(name = "Ictal review exports",
            description = "What review exports may contain beyond the events.")
    public @interface Config {

        @AttributeDefinition(name = "Export patient fields", description = "Write the recording's patient and"
                + " recording identification where a format has a place for them (EDF+). Off by default: exports"
                + " leave the hospital's EEG system.")
        boolean export_patient() default false;
    }

    private final ReviewQueue queue;
    private final boolean includePatient;
    private final Map<String, ReviewExporter> exporters = new ConcurrentHashMap<>();

    @Activate
    public FolderExports(@Reference ReviewQueue queue, Config config) {
        this(queue, config.export_patient());
    }

    public FolderExports(ReviewQueue queue, boolean includePatient) {
        this.queue = queue;
        this.includePatient = includePatient;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addExporter(ReviewExporter exporter, Map<String, Object> properties) {
        Object format = properties.get(ReviewExporter.FORMAT);
        if (format != null) {
            exporters.put(format.toString(), exporter);
        }
    }

    public void removeExporter(ReviewExporter exporter, Map<String, Object> properties) {
        Object format = properties.get(ReviewExporter.FORMAT);
        if (format != null) {
            exporters.remove(format.toString(), exporter);
        }
    }

    @Override
    public Set<String> formats() {
        return new TreeSet<>(exporters.keySet());
    }

    @Override
    public List<Path> export(String format, ReviewFilter filter, ExportSelection selection, Path directory) {
        ReviewExporter exporter = exporters.get(format);
        if (exporter == null) {
            throw new ReviewException("no review exporter for format '" + format + "'; registered: " + formats()
                    + " (edf needs feature ictal-edf)");
        }
        Map<String, List<ReviewItem>> byRecording = new LinkedHashMap<>();
        for (ReviewItem item : queue.items(filter)) {
            List<ReviewItem> selected = byRecording.computeIfAbsent(item.recordingId(), id -> new ArrayList<>());
            if (selection.includes(item)) {
                selected.add(item);
            }
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ReviewException("cannot create export folder " + directory + ": " + e.getMessage(), e);
        }
        for (Map.Entry<String, List<ReviewItem>> e : byRecording.entrySet()) {
            ExportBatch batch = new ExportBatch(queue.recording(e.getKey()), e.getValue(), selection, includePatient);
            written.add(write(exporter, batch, directory.resolve(exporter.fileName(stem(e.getKey())))));
        }
        return written;
    }

    /**
     * Writes next to the target and moves it into place, so that a pipeline watching the folder sees
     * either the old file or the new one, never half of one.
     */
    private static Path write(ReviewExporter exporter, ExportBatch batch, Path target) {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                exporter.export(batch, out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // The export failed already; the message below says where.
            }
            throw new ReviewException("exporting recording '" + batch.recording().recordingId() + "' to " + target
                    + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A file-name-safe form of a recording id: other characters become {@code _}, and a short hash of
     * the id is added when anything was replaced, so that two ids never share a file.
     */
    static String stem(String recordingId) {
        String safe = recordingId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        if (safe.equals(recordingId)) {
            return safe;
        }
        int hash = java.util.Arrays.hashCode(recordingId.getBytes(StandardCharsets.UTF_8));
        return safe + "-" + String.format("%08x", hash);
    }
}
