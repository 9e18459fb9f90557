package org.recblend.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.read.FileFormat;

/**
 * Everything needed to import one file as one source of a dataset; stored with the source (in
 * {@code sources.settings_json}) and usable as a mapping file ({@link SpecJson}).
 *
 * @param dataset    the dataset to import into (created when missing)
 * @param sourceName the source's name, unique within the dataset
 * @param kind       what the file holds
 * @param format     how to read the file
 * @param columns    what the columns mean; unmapped columns are ignored
 * @param duplicates what to do with repeated (user, item) pairs of a behaviour source
 * @param onError    skip bad rows and report them, or abort
 * @param mode       new source, append to it, or replace it
 * @param kindLabel  the edge kind of a social source (default {@code friend}), the text kind of
 *                   user-item texts (default {@code text}, e.g. {@code tag}, {@code review}), or the
 *                   default event type of a behaviour source
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportSpec(String dataset, String sourceName, SourceKind kind, FileFormat format,
                         List<ColumnMapping> columns, DuplicatePolicy duplicates, ErrorPolicy onError,
                         ImportMode mode, String kindLabel) {

    public ImportSpec {
        format = format == null ? FileFormat.csv() : format;
        columns = columns == null ? List.of() : List.copyOf(columns);
        duplicates = duplicates == null ? DuplicatePolicy.KEEP_ALL : duplicates;
        onError = onError == null ? ErrorPolicy.SKIP_AND_REPORT : onError;
        mode = mode == null ? ImportMode.NEW : mode;
    }

    /** A spec with the defaults: keep all duplicates, skip and report bad rows, new source. */
    public static ImportSpec of(String dataset, String sourceName, SourceKind kind, FileFormat format,
                                List<ColumnMapping> columns) {
        return new ImportSpec(dataset, sourceName, kind, format, columns, null, null, null, null);
    }

    public ImportSpec withDataset(String newDataset) {
        return new ImportSpec(newDataset, sourceName, kind, format, columns, duplicates, onError, mode, kindLabel);
    }

    public ImportSpec withSourceName(String newName) {
        return new ImportSpec(dataset, newName, kind, format, columns, duplicates, onError, mode, kindLabel);
    }

    public ImportSpec withFormat(FileFormat newFormat) {
        return new ImportSpec(dataset, sourceName, kind, newFormat, columns, duplicates, onError, mode, kindLabel);
    }

    public ImportSpec withColumns(List<ColumnMapping> newColumns) {
        return new ImportSpec(dataset, sourceName, kind, format, newColumns, duplicates, onError, mode, kindLabel);
    }

    public ImportSpec withDuplicates(DuplicatePolicy policy) {
        return new ImportSpec(dataset, sourceName, kind, format, columns, policy, onError, mode, kindLabel);
    }

    public ImportSpec withOnError(ErrorPolicy policy) {
        return new ImportSpec(dataset, sourceName, kind, format, columns, duplicates, policy, mode, kindLabel);
    }

    public ImportSpec withMode(ImportMode newMode) {
        return new ImportSpec(dataset, sourceName, kind, format, columns, duplicates, onError, newMode, kindLabel);
    }

    public ImportSpec withKindLabel(String label) {
        return new ImportSpec(dataset, sourceName, kind, format, columns, duplicates, onError, mode, label);
    }

    /** Whether some column has the role. */
    public boolean has(ColumnRole role) {
        return columns.stream().anyMatch(c -> c.role() == role);
    }
}
