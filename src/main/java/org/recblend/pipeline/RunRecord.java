package org.recblend.pipeline;

import java.time.OffsetDateTime;

/** A row of the {@code runs} table. */
public record RunRecord(int id, String pipelineName, Long seed, RunStatus status, OffsetDateTime startedAt,
                        OffsetDateTime finishedAt, String message, String log, String graphJson) {
}
