package io.ictal.spectrogram.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Daemon threads named {@code prefix-N}, remembered so that shutdown can wait until they have really
 * ended: an executor reports termination while its last thread is still returning from run().
 */
final class NamedThreads implements ThreadFactory {

    private final String prefix;
    private final List<Thread> started = new ArrayList<>();

    NamedThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public synchronized Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + (started.size() + 1));
        thread.setDaemon(true);
        started.add(thread);
        return thread;
    }

    /** Waits for every thread started to end (after its executor was shut down). */
    void join(long timeoutMillis) {
        List<Thread> threads;
        synchronized (this) {
            threads = new ArrayList<>(started);
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            for (Thread thread : threads) {
                thread.join(Math.max(1, deadline - System.currentTimeMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
