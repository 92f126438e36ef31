package io.ictal.shell.internal.status;

import io.ictal.shell.internal.Json;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/** {@code ictal:status [--json]}: Ictal's bundles, components and services, and whether it is ready. */
@Service
@Command(scope = "ictal", name = "status", description = "Shows whether Ictal is ready, with its bundles, components and services")
public class StatusCommand implements Action {

    @Option(name = "--json", description = "Print the stable JSON form (see README)")
    boolean json;

    @Reference
    BundleContext bundleContext;

    @Reference(optional = true)
    ServiceComponentRuntime scr;

    @Override
    public Object execute() {
        StatusReport report = new StatusCollector(bundleContext, scr).collect();
        System.out.print(json ? Json.write(report) + "\n" : report.toText());
        return null;
    }
}
