package org.recblend.encode;

import org.recblend.task.TaskMonitor;

/**
 * Spaces request starts evenly so that no more than a given number start in any minute: the limit
 * an endpoint's plan sets ("requests per minute"). Zero means no limit.
 */
final class RateLimiter {
    private final long intervalMillis;
    private final Pacing pacing;
    private long next = Long.MIN_VALUE;

    RateLimiter(int requestsPerMinute, Pacing pacing) {
        this.intervalMillis = requestsPerMinute <= 0 ? 0 : (60_000L + requestsPerMinute - 1) / requestsPerMinute;
        this.pacing = pacing;
    }

    /** Waits until the next request may start; returns how long it waited. */
    synchronized long acquire(TaskMonitor monitor) throws EncoderException {
        if (intervalMillis == 0) {
            return 0;
        }
        long now = pacing.now();
        long wait = next == Long.MIN_VALUE ? 0 : Math.max(0, next - now);
        if (wait > 0) {
            pacing.await(wait, monitor);
        }
        next = now + wait + intervalMillis;
        return wait;
    }
}
