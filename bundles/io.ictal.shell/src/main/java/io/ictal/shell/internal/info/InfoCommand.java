package io.ictal.shell.internal.info;

import io.ictal.api.recording.ReadMode;
import io.ictal.api.recording.Recording;
import io.ictal.api.recording.RecordingFormatException;
import io.ictal.api.recording.RecordingReader;
import io.ictal.shell.internal.CommandFailure;
import io.ictal.shell.internal.Json;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.support.completers.FileCompleter;

/** {@code ictal:info FILE [--json] [--lenient] [--show-patient]}: header, signals, annotations and warnings of a recording. */
@Service
@Command(scope = "ictal", name = "info",
        description = "Shows a recording's header, signals, segments, annotations and warnings (EDF, EDF+, BDF, BDF+)")
public class InfoCommand implements Action {

    @Argument(index = 0, name = "file", description = "The EDF/BDF file", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--json", description = "Print the stable JSON form (schema ictal.info/1, see the EDF bundle's README)")
    boolean json;

    @Option(name = "--lenient", description = "Read what can be read and list the deviations as warnings (default: strict)")
    boolean lenient;

    @Option(name = "--show-patient", description = "Also print patient-identifying fields (name, code, birthdate, admin code)")
    boolean showPatient;

    @Reference(optional = true)
    RecordingReader reader;

    @Override
    public Object execute() {
        System.out.print(render(reader, Path.of(file), lenient ? ReadMode.LENIENT : ReadMode.STRICT, json, showPatient));
        return null;
    }

    /** The output, or a {@link CommandFailure} carrying the typed error's message (no stack trace). */
    static String render(RecordingReader reader, Path path, ReadMode mode, boolean json, boolean showPatient) {
        if (reader == null) {
            throw new CommandFailure("no recording reader is running: install feature ictal-edf and check ictal:status");
        }
        try (Recording recording = reader.open(path, mode)) {
            InfoReport report = InfoReport.of(recording, mode, showPatient);
            return json ? Json.write(report) + "\n" : report.toText();
        } catch (RecordingFormatException e) {
            throw new CommandFailure(e.getMessage() + (mode == ReadMode.STRICT ? " (--lenient reads what it can)" : ""));
        } catch (IOException e) {
            throw new CommandFailure(path + ": cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
