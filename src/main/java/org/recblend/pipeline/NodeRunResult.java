package org.recblend.pipeline;

import java.time.OffsetDateTime;

/**
 * What one node did in a run.
 *
 * @param executed true when it computed its outputs now, false when they came from the cache (or it did not run)
 * @param cacheKey the SHA-256 key of its outputs, null when it could not be computed
 */
public record NodeRunResult(String nodeId, String kindId, NodeRunStatus status, boolean executed, String cacheKey,
                            OffsetDateTime startedAt, long millis, String message) {
}
