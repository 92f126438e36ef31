package io.ictal.shell.internal.status;

import io.ictal.shell.internal.status.StatusReport.BundleStatus;
import io.ictal.shell.internal.status.StatusReport.ComponentStatus;
import io.ictal.shell.internal.status.StatusReport.ServiceStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** Reads Ictal's state from the running framework. */
public final class StatusCollector {

    /** Bundles whose symbolic name starts with this are Ictal's. */
    static final String ICTAL_PREFIX = "io.ictal.";

    /** Service properties worth showing: the ones Ictal's services are selected by. */
    private static final List<String> IDENTIFYING_PROPERTIES = List.of(
            "component.name", "task", "model.id", "model.version", "model.sha256", "execution.provider",
            "export.format", "marker.provider.id", StatusReport.VIEWER_URL_PROPERTY,
            StatusReport.SERVLET_PATTERN_PROPERTY);

    /** The OSGi HTTP Whiteboard runtime and its endpoint property (by name: no import of the HTTP API). */
    static final String HTTP_RUNTIME = "org.osgi.service.http.runtime.HttpServiceRuntime";
    static final String HTTP_ENDPOINT = "osgi.http.endpoint";

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    public StatusCollector(BundleContext context, ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    public StatusReport collect() {
        List<BundleStatus> bundles = new ArrayList<>();
        List<ComponentStatus> components = new ArrayList<>();
        List<ServiceStatus> services = new ArrayList<>();
        String version = "unknown";
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name == null || !name.startsWith(ICTAL_PREFIX)) {
                continue;
            }
            if (name.equals(context.getBundle().getSymbolicName())) {
                version = bundle.getVersion().toString();
            }
            boolean fragment = (bundle.adapt(BundleRevision.class) != null)
                    && (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            bundles.add(new BundleStatus(bundle.getBundleId(), name, bundle.getVersion().toString(),
                    stateName(bundle.getState()), fragment));
            if (scr != null) {
                components.addAll(components(bundle));
            }
            ServiceReference<?>[] registered = bundle.getRegisteredServices();
            if (registered != null) {
                for (ServiceReference<?> ref : registered) {
                    services.add(service(name, ref));
                }
            }
        }
        return StatusReport.of(version, bundles, components, services, httpEndpoints());
    }

    /** Where the HTTP server listens, e.g. {@code http://127.0.0.1:8181/} (empty without one). */
    private List<String> httpEndpoints() {
        List<String> endpoints = new ArrayList<>();
        try {
            ServiceReference<?>[] runtimes = context.getAllServiceReferences(HTTP_RUNTIME, null);
            for (ServiceReference<?> runtime : runtimes == null ? new ServiceReference<?>[0] : runtimes) {
                Object value = runtime.getProperty(HTTP_ENDPOINT);
                if (value instanceof String[] array) {
                    endpoints.addAll(Arrays.asList(array));
                } else if (value instanceof Collection<?> list) {
                    list.forEach(v -> endpoints.add(v.toString()));
                } else if (value != null) {
                    endpoints.add(value.toString());
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("null filter cannot be invalid", e);
        }
        return endpoints;
    }

    private List<ComponentStatus> components(Bundle bundle) {
        List<ComponentStatus> result = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            if (!scr.isComponentEnabled(description)) {
                result.add(new ComponentStatus(description.name, bundle.getSymbolicName(), "DISABLED", List.of()));
                continue;
            }
            var configurations = scr.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty()) {
                // No configuration object yet: only a problem when the component requires one.
                String state = "require".equals(description.configurationPolicy) ? "UNSATISFIED_CONFIGURATION" : "SATISFIED";
                result.add(new ComponentStatus(description.name, bundle.getSymbolicName(), state, List.of()));
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                List<String> unsatisfied = new ArrayList<>();
                if (configuration.unsatisfiedReferences != null) {
                    for (UnsatisfiedReferenceDTO ref : configuration.unsatisfiedReferences) {
                        unsatisfied.add(ref.name + (ref.target == null ? "" : " " + ref.target));
                    }
                }
                result.add(new ComponentStatus(description.name, bundle.getSymbolicName(),
                        componentStateName(configuration.state), unsatisfied));
            }
        }
        return result;
    }

    private static ServiceStatus service(String bundle, ServiceReference<?> ref) {
        String[] classes = (String[]) ref.getProperty(Constants.OBJECTCLASS);
        Map<String, String> properties = new LinkedHashMap<>();
        for (String key : IDENTIFYING_PROPERTIES) {
            Object value = ref.getProperty(key);
            if (value != null) {
                properties.put(key, value instanceof Object[] array ? Arrays.toString(array) : value.toString());
            }
        }
        return new ServiceStatus(bundle, Arrays.asList(classes), properties);
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "UNKNOWN(" + state + ")";
        };
    }

    static String componentStateName(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "UNKNOWN(" + state + ")";
        };
    }
}
