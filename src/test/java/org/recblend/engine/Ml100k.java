package org.recblend.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recblend.domain.AttributeValue;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.ItemInfo;
import org.recblend.domain.ItemTable;
import org.recblend.domain.Split;
import org.recblend.nodes.TestContext;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.store.ProjectStore;
import org.recblend.store.StoredDataset;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.DatasetFixture;
import org.recblend.testutil.SharedData;

/**
 * MovieLens 100K as the acceptance protocol uses it: all ratings, per-user stratified random split
 * 75/25 with seed 42 (the preprocess.split.random node). Read once per test JVM; skips when absent.
 */
public final class Ml100k {
    private static Split split;
    private static ItemTable items;

    private Ml100k() {
    }

    public static synchronized Split split() throws Exception {
        if (split == null) {
            Path data = SharedData.dir("ml-100k");
            Path dir = Files.createTempDirectory("ml100k");
            try (ProjectStore store = ProjectStore.create(dir.resolve("p"))) {
                DatasetFixture.ml100k(store, data);
                InteractionTable all = StoredDataset.open(store, "ml-100k", List.of()).interactions(TaskMonitor.none());
                split = (Split) TestContext.run(new RandomSplit(), new RandomSplit.Settings(0.25, 0, 42), all);
            }
        }
        return split;
    }

    /** Genres (as categories) and release year (numeric attribute) from u.item, over the split's item ids. */
    public static synchronized ItemTable items() throws Exception {
        if (items == null) {
            IdIndex ids = split().train().items();
            String[] genres = readGenres(SharedData.dir("ml-100k").resolve("u.genre"));
            Map<String, ItemInfo> byId = new HashMap<>();
            for (String line : Files.readAllLines(SharedData.dir("ml-100k").resolve("u.item"), StandardCharsets.ISO_8859_1)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                List<String> cats = new ArrayList<>();
                for (int g = 0; g < genres.length; g++) {
                    if ("1".equals(f[5 + g])) {
                        cats.add(genres[g]);
                    }
                }
                Map<String, AttributeValue> attrs = new HashMap<>();
                if (f[2].length() >= 4) {
                    attrs.put("year", AttributeValue.of(Double.parseDouble(f[2].substring(f[2].length() - 4))));
                }
                byId.put(f[0], new ItemInfo(cats, Map.of("title", f[1]), attrs));
            }
            List<ItemInfo> infos = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                infos.add(byId.getOrDefault(ids.id(i), ItemInfo.EMPTY));
            }
            items = new ItemTable(ids, infos);
        }
        return items;
    }

    private static String[] readGenres(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream().filter(l -> !l.isBlank())
                .map(l -> l.substring(0, l.indexOf('|'))).toArray(String[]::new);
    }
}
