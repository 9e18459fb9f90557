package org.recblend.ingest.preset;

import static org.recblend.ingest.preset.PresetFiles.named;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.ColumnMapping;
import org.recblend.ingest.ImportException;
import org.recblend.ingest.ImportJob;
import org.recblend.ingest.ImportSpec;
import org.recblend.ingest.read.FileFormat;

/** GroupLens ml-latest-small: ratings.csv, movies.csv ('|' genres), tags.csv, and links.csv when present. */
final class MovieLensLatestSmall implements Preset {

    @Override
    public String id() {
        return "movielens-latest-small";
    }

    @Override
    public String description() {
        return "ratings.csv (userId, movieId, rating, timestamp), movies.csv (title, '|'-separated genres),"
                + " tags.csv (user tags) and, when present, links.csv (IMDb and TMDb ids)";
    }

    @Override
    public List<ImportJob> parts(Path folder, String dataset) throws ImportException {
        Path ratings = PresetFiles.require(folder, "ratings.csv", this);
        Path movies = PresetFiles.require(folder, "movies.csv", this);
        Path tags = PresetFiles.require(folder, "tags.csv", this);
        FileFormat csv = FileFormat.csv();
        List<ImportJob> jobs = new ArrayList<>(List.of(
                PresetFiles.job(dataset, "ratings", SourceKind.BEHAVIOUR, csv, ratings,
                        PresetFiles.ratings("userId", "movieId", "rating", "timestamp")),
                PresetFiles.job(dataset, "movies", SourceKind.ITEM_CONTENT, csv, movies, List.of(
                        named("movieId", ColumnRole.ITEM_ID), named("title", ColumnRole.ITEM_TEXT),
                        named("genres", ColumnRole.ITEM_CATEGORY).withFormat("|"))),
                new ImportJob(ImportSpec.of(dataset, "tags", SourceKind.USER_ITEM_TEXT, csv, List.of(
                        named("userId", ColumnRole.USER_ID), named("movieId", ColumnRole.ITEM_ID),
                        named("tag", ColumnRole.USER_ITEM_TEXT),
                        named("timestamp", ColumnRole.TIMESTAMP).withFormat(ColumnMapping.EPOCH_SECONDS))).withKindLabel("tag"), tags)));
        Path links = folder.resolve("links.csv");
        if (Files.isRegularFile(links)) {
            jobs.add(PresetFiles.job(dataset, "links", SourceKind.ITEM_CONTENT, csv, links, List.of(
                    named("movieId", ColumnRole.ITEM_ID),
                    named("imdbId", ColumnRole.ITEM_ATTRIBUTE).withFormat(ColumnMapping.TEXT),
                    named("tmdbId", ColumnRole.ITEM_ATTRIBUTE).withFormat(ColumnMapping.TEXT))));
        }
        return jobs;
    }
}
