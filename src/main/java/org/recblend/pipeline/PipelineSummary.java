package org.recblend.pipeline;

import java.time.OffsetDateTime;

/** A stored pipeline as listed in the project explorer. */
public record PipelineSummary(String name, int formatVersion, OffsetDateTime updatedAt) {
}
