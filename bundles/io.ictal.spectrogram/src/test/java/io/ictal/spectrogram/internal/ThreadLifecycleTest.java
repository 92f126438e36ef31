package io.ictal.spectrogram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ictal.api.spectrogram.StftParameters;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.visnow.jlargearrays.ConcurrencyUtils;

/**
 * Deactivation ends every thread the bundle started, the component's workers and JLargeArrays'
 * static pool alike, and a new activation (a redeploy) works again.
 */
class ThreadLifecycleTest {

    private static List<String> ourThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(SpectrogramComponent.THREAD_NAME_PREFIX)
                        || n.startsWith(JTransformsThreads.THREAD_NAME_PREFIX))
                .toList();
    }

    @Test
    void deactivateLeavesNoPoolThreads() throws Exception {
        for (int cycle = 0; cycle < 2; cycle++) {
            SpectrogramComponent component = TestServices.component(2, 600);
            float[] x = new float[256 * 3600];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Math.sin(i * 0.1);
            }
            assertEquals(3599, component.stft(x, 256, StftParameters.of(2, 1)).frameCount());
            // JTransforms only uses its pool for FFTs far longer than ours: use it directly so it has a thread.
            CountDownLatch ran = new CountDownLatch(1);
            ConcurrencyUtils.submit(ran::countDown).get(10, TimeUnit.SECONDS);
            assertTrue(ran.await(1, TimeUnit.SECONDS));
            List<String> running = ourThreads();
            assertTrue(running.stream().anyMatch(n -> n.startsWith(SpectrogramComponent.THREAD_NAME_PREFIX)),
                    "worker threads ran: " + running);
            assertTrue(running.stream().anyMatch(n -> n.startsWith(JTransformsThreads.THREAD_NAME_PREFIX)),
                    "the JTransforms pool ran: " + running);

            component.deactivate();

            assertEquals(List.of(), ourThreads(), "threads left after deactivate (cycle " + cycle + ")");
            assertTrue(ConcurrencyUtils.getThreadPool().isShutdown());
        }
        assertFalse(ourThreads().stream().findAny().isPresent());
    }
}
