package io.ictal.spectrogram.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.visnow.jlargearrays.ConcurrencyUtils;

/**
 * JLargeArrays' static thread pool, which JTransforms uses. It outlives any component unless shut
 * down, and a bundle update would then leak its threads with the old class loader. Our copy of the
 * library is private to this bundle, so the component may own that static state.
 */
final class JTransformsThreads {

    static final String THREAD_NAME_PREFIX = "ictal-jtransforms-";

    /** Active components; the pool lives while there is one (normally exactly one per bundle). */
    private static int users;
    private static NamedThreads threads;

    private JTransformsThreads() {
    }

    /**
     * Installs a fresh pool (a reactivated component finds the previous one shut down) and keeps
     * JTransforms single-threaded: our FFTs are EEG windows of at most a few thousand points, far
     * below where its internal parallelism pays, and the component parallelises over frames and signals.
     */
    static synchronized void start() {
        if (users++ > 0) {
            return;
        }
        threads = new NamedThreads(THREAD_NAME_PREFIX);
        ConcurrencyUtils.setThreadPool(Executors.newCachedThreadPool(threads));
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    /** The last user shuts the pool down and waits for its threads to end. */
    static synchronized void stop() {
        if (--users > 0) {
            return;
        }
        ConcurrencyUtils.shutdownThreadPoolAndAwaitTermination();
        threads.join(TimeUnit.SECONDS.toMillis(10));
    }
}
