package io.ictal.spectrogram.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The component's threads. Work is split one level deep only: a task running on a worker that asks
 * for more parallelism runs it itself, so workers never wait on queued work (no deadlock) and the
 * 2 cores are not oversubscribed.
 */
final class Workers implements AutoCloseable {

    /** One indexed piece of work. */
    interface Task {
        void run(int index) throws IOException;
    }

    private static final ThreadLocal<Boolean> IN_PARALLEL_SECTION = ThreadLocal.withInitial(() -> false);

    private final int threads;
    private final NamedThreads threadFactory;
    private final ExecutorService pool;

    Workers(int threads, String threadNamePrefix) {
        this.threads = threads;
        this.threadFactory = new NamedThreads(threadNamePrefix);
        this.pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads - 1, threadFactory);
    }

    int threads() {
        return threads;
    }

    /**
     * Runs {@code task} for every index in {@code [0, count)}, on the caller and the workers, and
     * returns when all are done; the first failure is rethrown (the rest of the indices are skipped).
     */
    void forEach(int count, Task task) throws IOException {
        if (pool == null || count <= 1 || IN_PARALLEL_SECTION.get()) {
            for (int i = 0; i < count; i++) {
                task.run(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Runnable drain = () -> {
            boolean outer = IN_PARALLEL_SECTION.get();
            IN_PARALLEL_SECTION.set(true);
            try {
                for (int i = next.getAndIncrement(); i < count && failed.get() == 0; i = next.getAndIncrement()) {
                    task.run(i);
                }
            } catch (IOException e) {
                failed.incrementAndGet();
                throw new UncheckedIOException(e);
            } catch (RuntimeException | Error e) {
                failed.incrementAndGet();
                throw e;
            } finally {
                IN_PARALLEL_SECTION.set(outer);
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        for (int h = 0; h < Math.min(threads, count) - 1; h++) {
            helpers.add(pool.submit(drain));
        }
        RuntimeException callerFailure = null;
        try {
            drain.run();
        } catch (RuntimeException e) {
            callerFailure = e;
        }
        for (Future<?> helper : helpers) {
            try {
                helper.get();
            } catch (ExecutionException e) {
                if (callerFailure == null && e.getCause() instanceof RuntimeException r) {
                    callerFailure = r;
                } else if (e.getCause() instanceof Error error) {
                    throw error;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while computing spectrograms", e);
            }
        }
        if (callerFailure instanceof UncheckedIOException io) {
            throw io.getCause();
        }
        if (callerFailure != null) {
            throw callerFailure;
        }
    }

    /** Stops the threads and waits for them to end. */
    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        pool.shutdownNow();
        threadFactory.join(TimeUnit.SECONDS.toMillis(10));
    }
}
