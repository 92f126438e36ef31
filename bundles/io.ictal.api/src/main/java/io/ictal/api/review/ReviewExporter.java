package io.ictal.api.review;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes review items in one format. Registered as a service with property {@value #FORMAT}
 * (e.g. {@code bids}, {@code edf}, {@code csv_bi}, {@code json}); callers select by that property.
 */
@ConsumerType
public interface ReviewExporter {

    /** Service property naming the format. */
    String FORMAT = "export.format";

    /** Writes {@code items} to {@code out}; never writes patient-identifying fields. */
    void export(List<ReviewItem> items, OutputStream out) throws IOException;
}
