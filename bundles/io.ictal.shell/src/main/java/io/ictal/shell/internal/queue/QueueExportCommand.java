package io.ictal.shell.internal.queue;

import io.ictal.api.review.ExportSelection;
import io.ictal.api.review.ReviewException;
import io.ictal.api.review.ReviewExports;
import io.ictal.api.review.ReviewFilter;
import io.ictal.shell.internal.CommandFailure;
import java.nio.file.Path;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code ictal:queue-export --format bids|edf|csv_bi|json [--all] --out DIR [--recording ID]}
 * ({@code bin/ictal queue export ...}): one file per recording, accepted events only unless
 * {@code --all}.
 */
@Service
@Command(scope = "ictal", name = "queue-export",
        description = "Exports reviewed events, one file per recording (accepted events only unless --all)")
public class QueueExportCommand implements Action {

    @Option(name = "--format", required = true, description = "bids, edf, csv_bi or json")
    String format;

    @Option(name = "--all", description = "Every item with its review state, not only accepted events")
    boolean all;

    @Option(name = "--out", required = true, description = "Folder to write into (created when missing)")
    String out;

    @Option(name = "--recording", description = "Only this recording")
    String recording;

    @Reference(optional = true)
    ReviewExports exports;

    @Override
    public Object execute() {
        if (exports == null) {
            throw new CommandFailure("the review exporters are not running (no ReviewExports service):"
                    + " install feature ictal-review");
        }
        try {
            List<Path> files = exports.export(format, ReviewFilter.all().withRecording(recording),
                    all ? ExportSelection.ALL : ExportSelection.ACCEPTED, Path.of(out).toAbsolutePath());
            files.forEach(f -> System.out.println(f));
            System.out.println(files.size() + " file(s) written (" + (all ? "all items with their state"
                    : "accepted events only") + ")");
        } catch (ReviewException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        return null;
    }
}
