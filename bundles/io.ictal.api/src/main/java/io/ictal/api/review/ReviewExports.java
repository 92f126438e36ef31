package io.ictal.api.review;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Exports the queue into a folder with one of the registered {@link ReviewExporter}s: one file per
 * recording that has selected items, each written to a temporary name and moved into place so that
 * a hospital pipeline watching the folder never reads half a file. Registered as an OSGi service.
 */
@ProviderType
public interface ReviewExports {

    /** The formats of the exporters registered now, e.g. {@code [bids, csv_bi, edf, json]}. */
    Set<String> formats();

    /**
     * Exports into {@code directory} (created when missing) one file for every recording with items
     * passing {@code filter}, holding those of its items that also pass {@code selection}: a
     * recording whose events were all rejected gets a file saying so, replacing an older export.
     *
     * @return the files written
     * @throws ReviewException no exporter for {@code format} (the message lists the registered ones),
     *     or writing a file failed (the message names it)
     */
    List<Path> export(String format, ReviewFilter filter, ExportSelection selection, Path directory);
}
