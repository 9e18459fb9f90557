package org.recblend.encode;

import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.recblend.task.TaskMonitor;

/**
 * Time for the remote encoder: a clock, a way to wait, and the random source of the backoff
 * jitter. The real one sleeps; tests pass one that only records the waits, so retries and the
 * rate limit are checked without waiting and without timed assertions.
 */
public final class Pacing {
    /** Waits are cut into slices of this length so a cancel is noticed while waiting. */
    private static final long SLICE_MILLIS = 100;

    /** Waits for a number of milliseconds. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final LongSupplier clockMillis;
    private final Sleeper sleeper;
    private final SplittableRandom random;

    public Pacing(LongSupplier clockMillis, Sleeper sleeper, long seed) {
        this.clockMillis = clockMillis;
        this.sleeper = sleeper;
        this.random = new SplittableRandom(seed);
    }

    /** The wall clock and {@link Thread#sleep}, with a seeded jitter. */
    public static Pacing system(long seed) {
        return new Pacing(() -> System.nanoTime() / 1_000_000, Thread::sleep, seed);
    }

    long now() {
        return clockMillis.getAsLong();
    }

    /** A uniform number in [0, 1). */
    synchronized double nextJitter() {
        return random.nextDouble();
    }

    /** Waits {@code millis}, checking for cancel between slices. */
    void await(long millis, TaskMonitor monitor) throws EncoderException {
        long left = millis;
        try {
            while (left > 0) {
                monitor.checkCancelled();
                long slice = Math.min(left, SLICE_MILLIS);
                sleeper.sleep(slice);
                left -= slice;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EncoderException("Interrupted while waiting to call the embeddings endpoint", e);
        }
        monitor.checkCancelled();
    }
}
