package org.recblend.store;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.recblend.domain.SourceKind;

/** A row of the {@code sources} table: one imported file of a dataset. */
public record SourceInfo(int id, int datasetId, String name, String kindName, String fileName, long rowsAccepted,
                         OffsetDateTime importedAt) {
    /** The kind, when it is one this version knows. */
    public Optional<SourceKind> kind() {
        try {
            return Optional.of(SourceKind.valueOf(kindName));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
