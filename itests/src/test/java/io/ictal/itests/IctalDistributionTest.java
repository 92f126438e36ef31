package io.ictal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ictal.api.detection.Detection;
import io.ictal.api.recording.RecordingReader;
import io.ictal.api.spectrogram.SpectrogramService;
import io.ictal.viewer.spi.MarkerProvider;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.console.Command;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;

/** Ictal's distribution boots with every Ictal bundle active and its contracts wired. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IctalDistributionTest extends IctalKarafTestSupport {

    @Configuration
    public Option[] configuration() {
        return IctalKaraf.options();
    }

    private List<Bundle> ictalBundles() {
        List<Bundle> bundles = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("io.ictal.")) {
                bundles.add(b);
            }
        }
        return bundles;
    }

    @Test
    public void everyIctalBundleIsActive() {
        List<Bundle> bundles = ictalBundles();
        List<String> names = bundles.stream().map(Bundle::getSymbolicName).toList();
        for (String expected : List.of("io.ictal.api", "io.ictal.viewer.spi", "io.ictal.shell", "io.ictal.edf",
                "io.ictal.spectrogram", "io.ictal.inference")) {
            assertTrue(expected + " is installed (found " + names + ")", names.contains(expected));
        }
        for (Bundle b : bundles) {
            assertEquals(b.getSymbolicName() + " state", Bundle.ACTIVE, b.getState());
        }
    }

    @Test
    public void contractsResolveFromTheirBundles() {
        // The test probe imports the SPI and api packages: they must be wired to Ictal's bundles.
        assertEquals("io.ictal.viewer.spi", bundleExporting(MarkerProvider.class).getSymbolicName());
        assertEquals("io.ictal.api", bundleExporting(Detection.class).getSymbolicName());
        assertEquals("1.1.0", exportedVersion(bundleExporting(MarkerProvider.class), "io.ictal.viewer.spi"));
        assertEquals("1.2.0", exportedVersion(bundleExporting(Detection.class), "io.ictal.api.detection"));
    }

    @Test
    public void servicesOfTheContractsAreRegistered() {
        for (Class<?> service : List.of(RecordingReader.class, SpectrogramService.class)) {
            ServiceReference<?> ref = context.getServiceReference(service);
            assertNotNull(service.getSimpleName() + " service is registered", ref);
            assertTrue(ref.getBundle().getSymbolicName().startsWith("io.ictal."));
        }
    }

    private static Bundle bundleExporting(Class<?> type) {
        Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(type);
        assertNotNull(type + " is loaded from a bundle", bundle);
        return bundle;
    }

    private static String exportedVersion(Bundle bundle, String packageName) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        for (var capability : wiring.getCapabilities("osgi.wiring.package")) {
            if (packageName.equals(capability.getAttributes().get("osgi.wiring.package"))) {
                return capability.getAttributes().get("version").toString();
            }
        }
        throw new AssertionError(bundle.getSymbolicName() + " does not export " + packageName);
    }

    @Test
    public void statusCommandReportsReady() throws Exception {
        String json = IctalKaraf.execute(sessionFactory, "ictal:status --json");
        JsonObject status = JsonParser.parseString(json).getAsJsonObject();
        assertTrue("ictal:status says ready: " + json, status.get("ready").getAsBoolean());
        List<String> listed = new ArrayList<>();
        for (JsonElement b : status.getAsJsonArray("bundles")) {
            assertEquals("ACTIVE", b.getAsJsonObject().get("state").getAsString());
            listed.add(b.getAsJsonObject().get("symbolicName").getAsString());
        }
        assertEquals(ictalBundles().size(), listed.size());
        assertFalse(IctalKaraf.execute(sessionFactory, "ictal:status").isBlank());
    }

    @Test
    public void shellCommandsAreRegistered() {
        // Read the shell's registry: Karaf's "help" needs a terminal, which test sessions lack.
        List<String> ictal = new ArrayList<>();
        for (Command command : sessionFactory.getRegistry().getCommands()) {
            if ("ictal".equals(command.getScope())) {
                ictal.add(command.getName());
            }
        }
        for (String expected : List.of("status", "info", "models", "analyze", "simulate", "queue", "queue-export")) {
            assertTrue("ictal:" + expected + " is registered (found " + ictal + ")", ictal.contains(expected));
        }
    }
}
