package io.ictal.shell.internal.analyze;

import io.ictal.shell.internal.CommandFailure;
import io.ictal.shell.internal.Json;
import io.ictal.viewer.spi.MarkerProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.Terminal;
import org.apache.karaf.shell.support.completers.FileCompleter;

/**
 * {@code ictal:analyze FILE [--json] [--video V[@OFFSET]]...}: analyses a recording with every applicable classifier through
 * Ictal's workflow (the same path the viewer takes), printing events as they are found and a progress
 * bar on a terminal; {@code --json} prints the stable report (schema {@value AnalyzeReport#SCHEMA}).
 * The detections are queued for review, as when a viewer opens the file.
 */
@Service
@Command(scope = "ictal", name = "analyze",
        description = "Analyses a recording with every applicable classifier; prints the events (and queues them for review)")
public class AnalyzeCommand implements Action {

    @Argument(index = 0, name = "file", description = "The EDF/BDF file", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--json", description = "Print the stable JSON report (schema ictal.analyze/1, see the workflow README)")
    boolean json;

    @Option(name = "--video", multiValued = true, description = "A video recorded with the EEG, repeatable: FILE@OFFSET "
            + "(OFFSET = seconds of the recording at the video's first frame, negative when the video started first) "
            + "or FILE (aligned by the recording's 'Video start' annotation)")
    List<String> videos;

    @Reference(filter = "(" + MarkerProvider.PROVIDER_ID + "=ictal)", optional = true)
    MarkerProvider workflow;

    @Reference(optional = true)
    Session session;

    @Override
    public Object execute() throws InterruptedException {
        if (workflow == null) {
            throw new CommandFailure("Ictal's analysis workflow is not running: install feature ictal-workflow and check ictal:status");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new CommandFailure(path + ": no such file");
        }
        Terminal terminal = session == null ? null : session.getTerminal();
        boolean bar = !json && terminal != null && terminal.isAnsiSupported() && terminal.getWidth() > 20;
        AnalyzeReport report = new Analyzer(workflow, System.out, !json, bar ? terminal.getWidth() : 0).analyze(path,
                videos == null ? List.of() : videos.stream().map(VideoArgument::parse).toList());
        if (json) {
            System.out.println(Json.write(report));
        } else {
            System.out.println(report.status() + ": " + report.summary());
        }
        if (!report.status().equals("completed")) {
            throw new CommandFailure(file + ": analysis " + report.status() + ": " + report.summary());
        }
        return null;
    }
}
