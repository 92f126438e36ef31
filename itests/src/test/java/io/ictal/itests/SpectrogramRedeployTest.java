package io.ictal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.ictal.api.spectrogram.Spectrogram;
import io.ictal.api.spectrogram.SpectrogramService;
import io.ictal.api.spectrogram.StftParameters;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Redeploying io.ictal.spectrogram (update + refresh, and stop) leaks no threads: the component's
 * workers and the embedded JTransforms/JLargeArrays static pool end with the old class loader.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SpectrogramRedeployTest extends IctalKarafTestSupport {

    private static final String BUNDLE = "io.ictal.spectrogram";
    /** Thread names of io.ictal.spectrogram.internal.SpectrogramComponent's workers and JTransforms' pool. */
    private static final List<String> THREAD_PREFIXES = List.of("ictal-spectrogram-", "ictal-jtransforms-");

    @Configuration
    public Option[] configuration() {
        return IctalKaraf.options();
    }

    @Test
    public void redeployingTheBundleLeaksNoThreads() throws Exception {
        Bundle bundle = spectrogramBundle();
        for (int cycle = 0; cycle < 3; cycle++) {
            // Hold the service across the update: a delayed DS component whose last user lets go is
            // deactivated anyway, and the redeploy itself must end the threads.
            ServiceTracker<SpectrogramService, SpectrogramService> tracker = track();
            try {
                computeOneHour(tracker);
                if (Runtime.getRuntime().availableProcessors() > 1) {
                    assertTrue("cycle " + cycle + ": the service runs worker threads while in use",
                            !spectrogramThreads().isEmpty());
                }
                bundle.update();
                refresh(bundle);
            } finally {
                tracker.close();
            }
            assertEquals("cycle " + cycle + ": threads left after update + refresh", List.of(),
                    spectrogramThreads());
        }
        ServiceTracker<SpectrogramService, SpectrogramService> tracker = track();
        try {
            computeOneHour(tracker);
            bundle.stop();
        } finally {
            tracker.close();
        }
        assertEquals("threads left after stop", List.of(), spectrogramThreads());
        bundle.start();
        tracker = track();
        try {
            computeOneHour(tracker);
        } finally {
            tracker.close();
        }
    }

    private ServiceTracker<SpectrogramService, SpectrogramService> track() {
        ServiceTracker<SpectrogramService, SpectrogramService> tracker = new ServiceTracker<>(context,
                SpectrogramService.class, null);
        tracker.open();
        return tracker;
    }

    private Bundle spectrogramBundle() {
        for (Bundle b : context.getBundles()) {
            if (BUNDLE.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(BUNDLE + " is not installed");
    }

    /** An hour at 256 Hz: long enough that the service splits the frames over its threads. */
    private static void computeOneHour(ServiceTracker<SpectrogramService, SpectrogramService> tracker)
            throws InterruptedException {
        SpectrogramService service = tracker.waitForService(30_000);
        assertNotNull("SpectrogramService is registered", service);
        float[] samples = new float[256 * 3600];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) Math.sin(2 * Math.PI * 10 * i / 256.0);
        }
        Spectrogram s = service.stft(samples, 256, StftParameters.of(2, 1));
        assertEquals(3599, s.frameCount());
    }

    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), e -> refreshed.countDown());
        assertTrue("refresh finished", refreshed.await(60, TimeUnit.SECONDS));
        assertEquals(Bundle.ACTIVE, bundle.getState());
    }

    private static List<String> spectrogramThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> THREAD_PREFIXES.stream().anyMatch(name::startsWith)).sorted().toList();
    }
}
