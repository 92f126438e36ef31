package io.ictal.shell.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ictal.shell.internal.Json;
import io.ictal.shell.internal.status.StatusReport.BundleStatus;
import io.ictal.shell.internal.status.StatusReport.ComponentStatus;
import io.ictal.shell.internal.status.StatusReport.ServiceStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusReportTest {

    private static final BundleStatus API = new BundleStatus(50, "io.ictal.api", "0.1.0", "ACTIVE", false);

    @Test
    void readyWhenEveryBundleIsActiveAndEveryComponentSatisfied() {
        StatusReport r = StatusReport.of("0.1.0", List.of(API),
                List.of(new ComponentStatus("io.ictal.edf.Reader", "io.ictal.edf", "ACTIVE", List.of()),
                        new ComponentStatus("io.ictal.x.Lazy", "io.ictal.x", "SATISFIED", List.of())),
                List.of());
        assertTrue(r.ready());
        assertEquals(List.of(), r.problems());
        assertTrue(r.toText().startsWith("Ictal 0.1.0: ready\n"));
        assertTrue(r.toText().contains("Active     io.ictal.api"), r.toText());
    }

    @Test
    void notReadyNamesEveryProblem() {
        StatusReport r = StatusReport.of("0.1.0",
                List.of(API, new BundleStatus(51, "io.ictal.edf", "0.1.0", "INSTALLED", false),
                        new BundleStatus(52, "io.ictal.frag", "0.1.0", "RESOLVED", true)),
                List.of(new ComponentStatus("io.ictal.workflow.Job", "io.ictal.workflow", "UNSATISFIED_REFERENCE",
                        List.of("reader")),
                        new ComponentStatus("io.ictal.x.Broken", "io.ictal.x", "FAILED_ACTIVATION", List.of())),
                List.of());
        assertFalse(r.ready());
        assertEquals(List.of("bundle io.ictal.edf is INSTALLED, expected ACTIVE",
                "component io.ictal.workflow.Job waits for reader",
                "component io.ictal.x.Broken is FAILED_ACTIVATION"), r.problems());
    }

    @Test
    void noBundlesIsNotReady() {
        assertFalse(StatusReport.of("?", List.of(), List.of(), List.of()).ready());
    }

    @Test
    void jsonUsesTheDocumentedFieldNames() {
        StatusReport r = StatusReport.of("0.1.0", List.of(API), List.of(),
                List.of(new ServiceStatus("io.ictal.edf", List.of("io.ictal.api.recording.RecordingReader"),
                        Map.of("component.name", "io.ictal.edf.Reader"))));
        JsonObject o = JsonParser.parseString(Json.write(r)).getAsJsonObject();
        assertTrue(o.get("ready").getAsBoolean());
        assertEquals("0.1.0", o.get("ictalVersion").getAsString());
        JsonObject bundle = o.getAsJsonArray("bundles").get(0).getAsJsonObject();
        assertEquals("io.ictal.api", bundle.get("symbolicName").getAsString());
        assertEquals("ACTIVE", bundle.get("state").getAsString());
        assertEquals("io.ictal.api.recording.RecordingReader",
                o.getAsJsonArray("services").get(0).getAsJsonObject().getAsJsonArray("objectClass").get(0).getAsString());
    }

    @Test
    void theViewersUrlComesFromTheServiceThatAnnouncesIt() {
        ServiceStatus reader = new ServiceStatus("io.ictal.edf", List.of("io.ictal.api.recording.RecordingReader"),
                Map.of());
        StatusReport without = StatusReport.of("0.1.0", List.of(API), List.of(), List.of(reader));
        StatusReport with = StatusReport.of("0.1.0", List.of(API), List.of(), List.of(reader,
                new ServiceStatus("io.ictal.viewer.web", List.of("javax.servlet.Servlet"),
                        Map.of(StatusReport.VIEWER_URL_PROPERTY, "http://127.0.0.1:8181/ictal/"))));

        assertEquals(null, without.viewerUrl());
        assertFalse(without.toText().contains("Viewer:"));
        assertEquals("http://127.0.0.1:8181/ictal/", with.viewerUrl());
        assertTrue(with.toText().contains("Viewer: http://127.0.0.1:8181/ictal/\n"), with.toText());
        JsonObject json = JsonParser.parseString(Json.write(with)).getAsJsonObject();
        assertEquals("http://127.0.0.1:8181/ictal/", json.get("viewerUrl").getAsString());
    }

    @Test
    void withoutAConfiguredUrlTheViewerIsWhereTheHttpServerListens() {
        ServiceStatus viewer = new ServiceStatus("io.ictal.viewer.web", List.of("javax.servlet.Servlet"),
                Map.of(StatusReport.VIEWER_URL_PROPERTY, "", StatusReport.SERVLET_PATTERN_PROPERTY, "/ictal/*"));
        assertEquals("http://127.0.0.1:9191/ictal/", StatusReport.of("0.1.0", List.of(API), List.of(), List.of(viewer),
                List.of("http://127.0.0.1:9191/")).viewerUrl());
        // no HTTP runtime (yet): no address to show rather than a guessed one
        assertEquals(null, StatusReport.of("0.1.0", List.of(API), List.of(), List.of(viewer), List.of()).viewerUrl());
        // a configured address (a proxy) wins
        ServiceStatus proxied = new ServiceStatus("io.ictal.viewer.web", List.of("javax.servlet.Servlet"),
                Map.of(StatusReport.VIEWER_URL_PROPERTY, "https://eeg.example.org/ictal/",
                        StatusReport.SERVLET_PATTERN_PROPERTY, "/ictal/*"));
        assertEquals("https://eeg.example.org/ictal/", StatusReport.of("0.1.0", List.of(API), List.of(),
                List.of(proxied), List.of("http://127.0.0.1:9191/")).viewerUrl());
    }

    @Test
    void statesAreTitledLikeKaraf() {
        assertEquals("Active", StatusReport.title("ACTIVE"));
        assertEquals("Unsatisfied reference", StatusReport.title("UNSATISFIED_REFERENCE"));
    }
}
