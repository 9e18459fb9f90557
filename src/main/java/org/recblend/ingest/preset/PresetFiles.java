package org.recblend.ingest.preset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.ColumnMapping;
import org.recblend.ingest.ImportException;
import org.recblend.ingest.ImportJob;
import org.recblend.ingest.ImportSpec;
import org.recblend.ingest.read.FileFormat;

/** Helpers the presets share: required files and short column mappings. */
final class PresetFiles {
    private PresetFiles() {
    }

    /** The file in the folder; a clear error when it is missing. */
    static Path require(Path folder, String name, Preset preset) throws ImportException {
        Path p = folder.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new ImportException("The folder " + folder + " has no " + name + ": the preset " + preset.id()
                    + " reads " + preset.description(), p);
        }
        return p;
    }

    static ImportJob job(String dataset, String source, SourceKind kind, FileFormat format, Path file,
                         List<ColumnMapping> columns) {
        return new ImportJob(ImportSpec.of(dataset, source, kind, format, columns), file);
    }

    static ColumnMapping at(int index, ColumnRole role) {
        return ColumnMapping.at(index, role);
    }

    static ColumnMapping at(int index, ColumnRole role, String name) {
        return ColumnMapping.at(index, role).withName(name);
    }

    static ColumnMapping named(String column, ColumnRole role) {
        return ColumnMapping.named(column, role);
    }

    /** A four-column behaviour mapping: user, item, rating, epoch-second timestamp, by header names. */
    static List<ColumnMapping> ratings(String user, String item, String rating, String timestamp) {
        return List.of(named(user, ColumnRole.USER_ID), named(item, ColumnRole.ITEM_ID), named(rating, ColumnRole.RATING),
                named(timestamp, ColumnRole.TIMESTAMP).withFormat(ColumnMapping.EPOCH_SECONDS));
    }
}
