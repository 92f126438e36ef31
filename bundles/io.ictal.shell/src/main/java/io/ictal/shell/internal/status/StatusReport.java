package io.ictal.shell.internal.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code ictal:status} reports: Ictal's bundles, DS components and services, and whether
 * Ictal is ready (every bundle active, every enabled component satisfied). The field names are the
 * stable {@code --json} schema documented in the README.
 */
public record StatusReport(
        boolean ready,
        String ictalVersion,
        String viewerUrl,
        List<String> problems,
        List<BundleStatus> bundles,
        List<ComponentStatus> components,
        List<ServiceStatus> services) {

    /**
     * Service property with which the reference viewer announces its page: a configured address
     * (behind a proxy), or empty for "where the HTTP server listens".
     */
    public static final String VIEWER_URL_PROPERTY = "ictal.viewer.url";

    /** The HTTP Whiteboard servlet pattern, e.g. {@code /ictal/*}: the viewer's path under the endpoint. */
    public static final String SERVLET_PATTERN_PROPERTY = "osgi.http.whiteboard.servlet.pattern";

    public StatusReport {
        problems = List.copyOf(problems);
        bundles = List.copyOf(bundles);
        components = List.copyOf(components);
        services = List.copyOf(services);
    }

    /** An Ictal bundle. {@code state} is the OSGi state name, e.g. {@code ACTIVE}. */
    public record BundleStatus(long id, String symbolicName, String version, String state, boolean fragment) {
    }

    /**
     * A DS component configuration. {@code state} is {@code ACTIVE}, {@code SATISFIED},
     * {@code UNSATISFIED_REFERENCE}, {@code UNSATISFIED_CONFIGURATION}, {@code FAILED_ACTIVATION}
     * or {@code DISABLED}; {@code unsatisfied} names missing references.
     */
    public record ComponentStatus(String name, String bundle, String state, List<String> unsatisfied) {
        public ComponentStatus {
            unsatisfied = List.copyOf(unsatisfied);
        }
    }

    /** A service an Ictal bundle registered, with the properties that identify it. */
    public record ServiceStatus(String bundle, List<String> objectClass, Map<String, String> properties) {
        public ServiceStatus {
            objectClass = List.copyOf(objectClass);
            properties = Map.copyOf(properties);
        }
    }

    /** Builds a report (no HTTP runtime known) and derives readiness and the problems from the parts. */
    public static StatusReport of(String ictalVersion, List<BundleStatus> bundles, List<ComponentStatus> components,
            List<ServiceStatus> services) {
        return of(ictalVersion, bundles, components, services, List.of());
    }

    /**
     * Builds a report and derives readiness, the problems and the viewer's address from the parts:
     * the viewer's configured {@code ictal.viewer.url}, else the first HTTP runtime endpoint (the
     * {@code osgi.http.endpoint} of the HttpServiceRuntime, e.g. {@code http://127.0.0.1:8181/}) with
     * the viewer servlet's path, so the port is configured in one place; null when no viewer runs.
     */
    public static StatusReport of(String ictalVersion, List<BundleStatus> bundles, List<ComponentStatus> components,
            List<ServiceStatus> services, List<String> httpEndpoints) {
        List<String> problems = new ArrayList<>();
        if (bundles.isEmpty()) {
            problems.add("no Ictal bundle is installed");
        }
        for (BundleStatus b : bundles) {
            String expected = b.fragment() ? "RESOLVED" : "ACTIVE";
            if (!b.state().equals(expected)) {
                problems.add("bundle " + b.symbolicName() + " is " + b.state() + ", expected " + expected);
            }
        }
        for (ComponentStatus c : components) {
            switch (c.state()) {
                case "ACTIVE", "SATISFIED" -> { }
                case "UNSATISFIED_REFERENCE" -> problems.add("component " + c.name() + " waits for "
                        + String.join(", ", c.unsatisfied()));
                default -> problems.add("component " + c.name() + " is " + c.state());
            }
        }
        String viewerUrl = services.stream().filter(s -> s.properties().containsKey(VIEWER_URL_PROPERTY))
                .findFirst().map(viewer -> viewerUrl(viewer, httpEndpoints)).orElse(null);
        return new StatusReport(problems.isEmpty(), ictalVersion, viewerUrl, problems, bundles, components, services);
    }

    private static String viewerUrl(ServiceStatus viewer, List<String> httpEndpoints) {
        String configured = viewer.properties().get(VIEWER_URL_PROPERTY).trim();
        if (!configured.isEmpty() || httpEndpoints.isEmpty()) {
            return configured.isEmpty() ? null : configured;
        }
        String endpoint = httpEndpoints.get(0).replaceAll("/+$", "");
        String path = viewer.properties().getOrDefault(SERVLET_PATTERN_PROPERTY, "/").replaceAll("\\*$", "");
        return endpoint + (path.startsWith("/") ? path : "/" + path);
    }

    /** The human-readable form. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Ictal ").append(ictalVersion).append(": ").append(ready ? "ready" : "NOT ready").append('\n');
        if (viewerUrl != null) {
            sb.append("Viewer: ").append(viewerUrl).append('\n');
        }
        for (String p : problems) {
            sb.append("  problem: ").append(p).append('\n');
        }
        sb.append("Bundles:\n");
        for (BundleStatus b : bundles) {
            sb.append(String.format("  %4d  %-10s %-32s %s%n", b.id(), title(b.state()), b.symbolicName(), b.version()));
        }
        sb.append("Components:\n");
        for (ComponentStatus c : components) {
            sb.append(String.format("  %-22s %s%n", title(c.state()), c.name()));
        }
        sb.append("Services:\n");
        for (ServiceStatus s : services) {
            sb.append("  ").append(String.join(", ", s.objectClass()));
            if (!s.properties().isEmpty()) {
                sb.append(' ').append(new java.util.TreeMap<>(s.properties()));
            }
            sb.append("  (").append(s.bundle()).append(")\n");
        }
        return sb.toString();
    }

    /** {@code ACTIVE} -> {@code Active}, as Karaf's bundle:list prints states. */
    static String title(String state) {
        String lower = state.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
