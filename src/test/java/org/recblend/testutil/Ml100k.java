package org.recblend.testutil;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.nodes.TestContext;
import org.recblend.nodes.preprocess.RandomSplit;

/**
 * MovieLens 100K ratings read in place from ../shared/data (never copied), and the benchmark
 * protocol's split: per user, 25 % of the ratings at random for test, seeded.
 */
public final class Ml100k {
    private Ml100k() {
    }

    /** All 100,000 ratings; users and items numbered in ascending numeric id order. Skips the test when absent. */
    public static InteractionTable ratings() throws IOException {
        return read(SharedData.dir("ml-100k").resolve("u.data"));
    }

    public static InteractionTable read(Path uData) throws IOException {
        List<long[]> rows = new ArrayList<>(100_000);
        TreeSet<Integer> users = new TreeSet<>();
        TreeSet<Integer> items = new TreeSet<>();
        try (Reader in = Files.newBufferedReader(uData, StandardCharsets.ISO_8859_1)) {
            for (CSVRecord r : CSVFormat.TDF.builder().setTrim(true).get().parse(in)) {
                long[] row = {Long.parseLong(r.get(0)), Long.parseLong(r.get(1)), Long.parseLong(r.get(2)), Long.parseLong(r.get(3))};
                rows.add(row);
                users.add((int) row[0]);
                items.add((int) row[1]);
            }
        }
        IdIndex u = IdIndex.of(users.stream().map(String::valueOf).toList());
        IdIndex i = IdIndex.of(items.stream().map(String::valueOf).toList());
        InteractionTable.Builder b = InteractionTable.builder(u, i, rows.size());
        for (long[] row : rows) {
            b.add(u.indexOf(Long.toString(row[0])), i.indexOf(Long.toString(row[1])), row[2], row[3]);
        }
        return b.build();
    }

    /** The protocol's split: per-user stratified random 75/25 with this seed. */
    public static Split split(long seed) throws Exception {
        return (Split) TestContext.run(new RandomSplit(), new RandomSplit.Settings(0.25, 0, seed), ratings());
    }
}
