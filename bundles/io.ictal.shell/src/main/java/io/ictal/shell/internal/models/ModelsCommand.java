package io.ictal.shell.internal.models;

import io.ictal.api.model.ModelRegistry;
import io.ictal.shell.internal.CommandFailure;
import io.ictal.shell.internal.Json;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code ictal:models [--json]}: active, standby and rejected models with versions, hashes, provider, reasons. */
@Service
@Command(scope = "ictal", name = "models",
        description = "Lists model bundles: active, standby and rejected, with versions, hashes, execution provider and reasons")
public class ModelsCommand implements Action {

    @Option(name = "--json", description = "Print the stable JSON form")
    boolean json;

    @Reference(optional = true)
    ModelRegistry registry;

    @Override
    public Object execute() {
        if (registry == null) {
            throw new CommandFailure("the inference runtime is not running (no ModelRegistry service):"
                    + " install feature ictal-inference and check ictal:status");
        }
        ModelsReport report = ModelsReport.of(registry.models());
        System.out.print(json ? Json.write(report) + "\n" : report.toText());
        return null;
    }
}
