package org.recblend.ingest.preset;

import static org.recblend.ingest.preset.PresetFiles.named;

import java.nio.file.Path;
import java.util.List;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.ColumnMapping;
import org.recblend.ingest.ImportException;
import org.recblend.ingest.ImportJob;
import org.recblend.ingest.read.FileFormat;

/**
 * ML-100K with plot texts (ClayRS): items_info.json, ratings.csv, users_info.csv. The IMDb
 * {@code rating} of the items is dropped on purpose: it is an average of ratings and would leak
 * the very signal a recommender is evaluated on.
 */
final class MovieLens100kPlots implements Preset {

    @Override
    public String id() {
        return "ml-100k-plots";
    }

    @Override
    public String description() {
        return "items_info.json (title, plot, directors, cast as texts; genres; year; the IMDb rating is dropped),"
                + " ratings.csv and users_info.csv";
    }

    @Override
    public List<ImportJob> parts(Path folder, String dataset) throws ImportException {
        Path items = PresetFiles.require(folder, "items_info.json", this);
        Path ratings = PresetFiles.require(folder, "ratings.csv", this);
        Path users = PresetFiles.require(folder, "users_info.csv", this);
        FileFormat csv = FileFormat.csv();
        return List.of(
                PresetFiles.job(dataset, "ratings", SourceKind.BEHAVIOUR, csv, ratings,
                        PresetFiles.ratings("user_id", "item_id", "rating", "timestamp")),
                PresetFiles.job(dataset, "items", SourceKind.ITEM_CONTENT, FileFormat.jsonArray(), items, List.of(
                        named("movielens_id", ColumnRole.ITEM_ID),
                        named("title", ColumnRole.ITEM_TEXT), named("plot", ColumnRole.ITEM_TEXT),
                        named("directors", ColumnRole.ITEM_TEXT), named("cast", ColumnRole.ITEM_TEXT),
                        named("genres", ColumnRole.ITEM_CATEGORY).withFormat(", "),
                        named("year", ColumnRole.ITEM_ATTRIBUTE),
                        named("imdb_id", ColumnRole.ITEM_ATTRIBUTE).withFormat(ColumnMapping.TEXT),
                        named("rating", ColumnRole.IGNORE))),
                PresetFiles.job(dataset, "users", SourceKind.USER_PROFILE, csv, users, List.of(
                        named("user_id", ColumnRole.USER_ID), named("age", ColumnRole.USER_ATTRIBUTE),
                        named("gender", ColumnRole.USER_ATTRIBUTE), named("occupation", ColumnRole.USER_ATTRIBUTE),
                        named("zip_code", ColumnRole.USER_ATTRIBUTE).withFormat(ColumnMapping.TEXT))));
    }
}
