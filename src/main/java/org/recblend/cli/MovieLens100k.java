package org.recblend.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.ItemInfo;
import org.recblend.domain.ItemTable;
import org.recblend.ingest.ImportException;

/**
 * MovieLens 100K read in place for the model benchmark: the ratings of {@code u.data} and the genre
 * flags of {@code u.item} (Latin-1), users and items numbered in ascending numeric id order, as a
 * project import would number them. Nothing is copied.
 *
 * @param ratings every rating, with its time
 * @param items   each movie's genres as categories
 */
record MovieLens100k(InteractionTable ratings, ItemTable items) {
    /** The 19 genre flags of u.item, in column order (u.genre lists the same). */
    static final List<String> GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime",
            "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller",
            "War", "Western");

    static MovieLens100k read(Path dir) throws ImportException {
        Path data = dir.resolve("u.data");
        Path item = dir.resolve("u.item");
        if (!Files.isRegularFile(data)) {
            throw new ImportException("No MovieLens 100K ratings at " + data.toAbsolutePath()
                    + "; point --data at the folder holding u.data and u.item", data);
        }
        List<int[]> rows = new ArrayList<>(100_000);
        List<long[]> extra = new ArrayList<>(100_000);
        TreeSet<Integer> users = new TreeSet<>();
        TreeSet<Integer> movies = new TreeSet<>();
        try (Reader in = Files.newBufferedReader(data, StandardCharsets.ISO_8859_1)) {
            for (CSVRecord r : CSVFormat.TDF.builder().setTrim(true).get().parse(in)) {
                try {
                    int u = Integer.parseInt(r.get(0));
                    int i = Integer.parseInt(r.get(1));
                    rows.add(new int[] {u, i});
                    extra.add(new long[] {Long.parseLong(r.get(2)), Long.parseLong(r.get(3))});
                    users.add(u);
                    movies.add(i);
                } catch (RuntimeException e) {
                    throw new ImportException(data + ", line " + r.getRecordNumber() + ": expected user, item, rating and"
                            + " time as whole numbers separated by tabs, got '" + String.join("\t", r.toList()) + "'",
                            data, r.getRecordNumber(), 0, null, e);
                }
            }
        } catch (IOException e) {
            throw new ImportException("Cannot read " + data + ": " + e.getMessage(), data, 0, 0, null, e);
        }
        IdIndex userIndex = IdIndex.of(users.stream().map(String::valueOf).toList());
        IdIndex itemIndex = IdIndex.of(movies.stream().map(String::valueOf).toList());
        InteractionTable.Builder b = InteractionTable.builder(userIndex, itemIndex, rows.size());
        for (int r = 0; r < rows.size(); r++) {
            b.add(userIndex.indexOf(Integer.toString(rows.get(r)[0])), itemIndex.indexOf(Integer.toString(rows.get(r)[1])),
                    extra.get(r)[0], extra.get(r)[1]);
        }
        return new MovieLens100k(b.build(), genres(item, itemIndex));
    }

    private static ItemTable genres(Path item, IdIndex items) throws ImportException {
        List<ItemInfo> infos = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            infos.add(ItemInfo.EMPTY);
        }
        if (!Files.isRegularFile(item)) {
            return new ItemTable(items, infos);
        }
        CSVFormat pipe = CSVFormat.DEFAULT.builder().setDelimiter('|').setQuote(null).get();
        try (Reader in = Files.newBufferedReader(item, StandardCharsets.ISO_8859_1)) {
            for (CSVRecord r : pipe.parse(in)) {
                int index = items.indexOf(r.get(0).trim());
                if (index < 0 || r.size() < 5 + GENRES.size()) {
                    continue;
                }
                List<String> categories = new ArrayList<>();
                for (int g = 0; g < GENRES.size(); g++) {
                    if ("1".equals(r.get(5 + g).trim())) {
                        categories.add(GENRES.get(g));
                    }
                }
                infos.set(index, new ItemInfo(categories, Map.of("title", r.get(1)), Map.of()));
            }
        } catch (IOException e) {
            throw new ImportException("Cannot read " + item + ": " + e.getMessage(), item, 0, 0, null, e);
        }
        return new ItemTable(items, infos);
    }
}
