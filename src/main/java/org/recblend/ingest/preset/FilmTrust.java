package org.recblend.ingest.preset;

import static org.recblend.ingest.preset.PresetFiles.at;

import java.nio.file.Path;
import java.util.List;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.ImportException;
import org.recblend.ingest.ImportJob;
import org.recblend.ingest.ImportSpec;
import org.recblend.ingest.read.FileFormat;

/**
 * FilmTrust (Guo, Zhang and Yorke-Smith, 2013): ratings.txt and the directed trust graph trust.txt. Every rating
 * row is kept (the file repeats three user-item pairs); a dedup step of a pipeline can merge them.
 */
final class FilmTrust implements Preset {

    @Override
    public String id() {
        return "filmtrust";
    }

    @Override
    public String description() {
        return "ratings.txt (space-separated: user, item, rating; all rows kept) and trust.txt (truster, trustee, weight)";
    }

    @Override
    public List<ImportJob> parts(Path folder, String dataset) throws ImportException {
        Path ratings = PresetFiles.require(folder, "ratings.txt", this);
        Path trust = PresetFiles.require(folder, "trust.txt", this);
        FileFormat spaced = FileFormat.delimited(" ", false);
        return List.of(
                PresetFiles.job(dataset, "ratings", SourceKind.BEHAVIOUR, spaced, ratings, List.of(
                        at(0, ColumnRole.USER_ID), at(1, ColumnRole.ITEM_ID), at(2, ColumnRole.RATING))),
                new ImportJob(ImportSpec.of(dataset, "trust", SourceKind.SOCIAL, spaced, List.of(
                        at(0, ColumnRole.SOCIAL_SOURCE), at(1, ColumnRole.SOCIAL_TARGET), at(2, ColumnRole.SOCIAL_WEIGHT)))
                        .withKindLabel("trust"), trust));
    }
}
