package org.recblend.testutil;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the JavaFX thread is unavailable: posts a beat every 10 ms and keeps the
 * longest wait between posting and running. Benchmarks print it against an idle baseline.
 */
public final class FxHeartbeat implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong longestNanos = new AtomicLong();

    public FxHeartbeat() {
        timer.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> longestNanos.accumulateAndGet(System.nanoTime() - posted, Math::max));
        }, 0, 10, TimeUnit.MILLISECONDS);
    }

    public long longestMillis() {
        return longestNanos.get() / 1_000_000;
    }

    public void reset() {
        longestNanos.set(0);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
