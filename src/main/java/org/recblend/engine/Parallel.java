package org.recblend.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;

/**
 * Runs a loop over 0..n-1 on a few threads that take indices one at a time. Only the calling thread
 * talks to the monitor (progress every 100 ms), so monitors need not be thread safe; workers stop
 * at the next index once a cancel is requested, and the call then throws {@link CancelledException}.
 */
public final class Parallel {
    private Parallel() {
    }

    /** The system property that caps the compute threads (the workbench's preferences set it). */
    public static final String THREADS_PROPERTY = "recblend.threads";

    /** The threads of {@value #THREADS_PROPERTY} when it holds a positive number, else one per core. */
    public static int defaultThreads() {
        String configured = System.getProperty(THREADS_PROPERTY);
        if (configured != null) {
            try {
                int threads = Integer.parseInt(configured.strip());
                if (threads > 0) {
                    return threads;
                }
            } catch (NumberFormatException ignored) {
                // a bad value falls back to the cores rather than stopping a run
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Calls a body made once per thread (so it can keep its own buffers) for every index.
     *
     * @param bodyPerThread makes the body of one thread
     */
    public static void forEach(int n, int threads, Supplier<IntConsumer> bodyPerThread, TaskMonitor monitor, String message) {
        int t = Math.max(1, Math.min(threads, n));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread thread = new Thread(r, "recblend-parallel");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < t; k++) {
                futures.add(pool.submit(() -> {
                    IntConsumer body = bodyPerThread.get();
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        if (monitor.isCancelled()) {
                            return;
                        }
                        body.accept(i);
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) {
                while (true) {
                    try {
                        f.get(100, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        monitor.progress(done.get() / (double) Math.max(1, n), message);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        monitor.checkCancelled();
    }
}
