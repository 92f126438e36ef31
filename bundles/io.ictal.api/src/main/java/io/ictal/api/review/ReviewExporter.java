package io.ictal.api.review;

import java.io.IOException;
import java.io.OutputStream;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes review items in one format, one file per recording. Registered as a service with property
 * {@value #FORMAT} (e.g. {@code bids}, {@code edf}, {@code csv_bi}, {@code json}); callers select by
 * that property.
 */
@ConsumerType
public interface ReviewExporter {

    /** Service property naming the format. */
    String FORMAT = "export.format";

    /**
     * The file name for one recording's export, e.g. {@code rec-01_events.tsv} (no directory).
     *
     * @param stem a file-name-safe form of the recording id (letters, digits, {@code . _ -})
     */
    String fileName(String stem);

    /**
     * Writes one recording's items to {@code out} (not closed). Never writes patient-identifying
     * fields unless {@link ExportBatch#includePatient()}.
     */
    void export(ExportBatch batch, OutputStream out) throws IOException;
}
