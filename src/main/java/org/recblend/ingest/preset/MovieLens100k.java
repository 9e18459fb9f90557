package org.recblend.ingest.preset;

import static org.recblend.ingest.preset.PresetFiles.at;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.ColumnMapping;
import org.recblend.ingest.ImportException;
import org.recblend.ingest.ImportJob;
import org.recblend.ingest.read.FileFormat;

/** GroupLens MovieLens 100K: u.data, u.item (Latin-1, 19 genre flags named by u.genre), u.user. */
final class MovieLens100k implements Preset {
    /** The genres of u.genre, used when that file is missing. */
    static final List<String> GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's", "Comedy",
            "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
            "Thriller", "War", "Western");
    private static final int FIRST_GENRE_COLUMN = 5;

    @Override
    public String id() {
        return "movielens-100k";
    }

    @Override
    public String description() {
        return "u.data (TAB: user, item, rating, time), u.item ('|', Latin-1: title, release date, IMDb URL, 19 genre flags"
                + " named by u.genre) and u.user ('|': age, gender, occupation, zip code)";
    }

    @Override
    public List<ImportJob> parts(Path folder, String dataset) throws ImportException {
        Path data = PresetFiles.require(folder, "u.data", this);
        Path item = PresetFiles.require(folder, "u.item", this);
        Path user = PresetFiles.require(folder, "u.user", this);

        List<ColumnMapping> itemColumns = new ArrayList<>(List.of(
                at(0, ColumnRole.ITEM_ID),
                at(1, ColumnRole.ITEM_TEXT, "title"),
                at(2, ColumnRole.ITEM_ATTRIBUTE, "release_date").withFormat("d-MMM-yyyy"),
                at(3, ColumnRole.IGNORE),
                at(4, ColumnRole.ITEM_ATTRIBUTE, "imdb_url").withFormat(ColumnMapping.TEXT)));
        List<String> genres = genres(folder.resolve("u.genre"));
        for (int g = 0; g < genres.size(); g++) {
            itemColumns.add(at(FIRST_GENRE_COLUMN + g, ColumnRole.CATEGORY_FLAG, genres.get(g)));
        }
        FileFormat pipe = FileFormat.delimited("|", false);
        return List.of(
                PresetFiles.job(dataset, "ratings", SourceKind.BEHAVIOUR, FileFormat.tsv(false), data, List.of(
                        at(0, ColumnRole.USER_ID), at(1, ColumnRole.ITEM_ID), at(2, ColumnRole.RATING),
                        at(3, ColumnRole.TIMESTAMP).withFormat(ColumnMapping.EPOCH_SECONDS))),
                PresetFiles.job(dataset, "items", SourceKind.ITEM_CONTENT, pipe.withEncoding("ISO-8859-1"), item, itemColumns),
                PresetFiles.job(dataset, "users", SourceKind.USER_PROFILE, pipe, user, List.of(
                        at(0, ColumnRole.USER_ID), at(1, ColumnRole.USER_ATTRIBUTE, "age"),
                        at(2, ColumnRole.USER_ATTRIBUTE, "gender"), at(3, ColumnRole.USER_ATTRIBUTE, "occupation"),
                        at(4, ColumnRole.USER_ATTRIBUTE, "zip_code").withFormat(ColumnMapping.TEXT))));
    }

    /** The genre names by their index, from u.genre ("Action|1"). */
    static List<String> genres(Path genreFile) throws ImportException {
        if (!Files.isRegularFile(genreFile)) {
            return GENRES;
        }
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(genreFile, StandardCharsets.ISO_8859_1)) {
                int bar = line.lastIndexOf('|');
                if (line.isBlank() || bar < 0) {
                    continue;
                }
                int index = Integer.parseInt(line.substring(bar + 1).strip());
                while (names.size() <= index) {
                    names.add(null);
                }
                names.set(index, line.substring(0, bar).strip());
            }
        } catch (IOException | NumberFormatException e) {
            throw new ImportException("u.genre cannot be read (" + e.getMessage() + "); expected lines like 'Action|1'", genreFile);
        }
        if (names.contains(null) || names.isEmpty()) {
            throw new ImportException("u.genre does not number its genres 0, 1, 2, ... without gaps", genreFile);
        }
        return List.copyOf(names);
    }
}
