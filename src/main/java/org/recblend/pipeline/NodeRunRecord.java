package org.recblend.pipeline;

import java.time.OffsetDateTime;

/** A row of the {@code node_runs} table. */
public record NodeRunRecord(int runId, String nodeId, String nodeKind, String cacheKey, NodeRunStatus status,
                            boolean executed, OffsetDateTime startedAt, Long millis, String message, String settingsJson) {
}
