package org.recblend.encode.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionContexts;
import org.recblend.domain.InteractionTable;
import org.recblend.encode.EncodedFeatures;
import org.recblend.task.TaskMonitor;

/**
 * Categorical context (device, channel, location …) as per-user or per-item distributions: for
 * each context key, the share of the entity's interactions with each value (one-hot vectors
 * averaged), so each key's block sums to 1 for an entity that has the key at all. A key with more
 * values than {@code maxOneHot} is hashed into {@code hashWidth} buckets, so a large vocabulary
 * (cities, shops) costs a fixed width. Vocabularies come from the given table's rows only.
 */
public final class ContextDistributions {
    private ContextDistributions() {
    }

    /**
     * The distributions over the rows of {@code table} (a split's training part: the contexts of
     * other rows are never read).
     *
     * @param contexts  the stored contexts, matched to the table's rows by user, item and time
     * @param maxOneHot the most values a key may have to get one column each
     * @param hashWidth the buckets of a hashed key
     */
    public static EncodedFeatures of(InteractionTable table, InteractionContexts contexts, Embeddings.Side side, int maxOneHot,
                                     int hashWidth, TaskMonitor monitor) {
        if (maxOneHot < 1 || hashWidth < 1) {
            throw new IllegalArgumentException("maxOneHot and hashWidth must be at least 1");
        }
        int[] match = contexts.matchRows(table);
        int keys = contexts.keys().size();
        // vocabulary per key from the matched rows, most frequent first (ties by value) for stable columns
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            counts.add(new HashMap<>());
        }
        for (int r = 0; r < table.size(); r++) {
            if (match[r] < 0) {
                continue;
            }
            for (int k = 0; k < keys; k++) {
                String value = contexts.value(k, match[r]);
                if (value != null) {
                    counts.get(k).merge(value, 1, Integer::sum);
                }
            }
        }
        List<String> columns = new ArrayList<>();
        int[] start = new int[keys];
        int[] width = new int[keys];
        List<Map<String, Integer>> slot = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            String key = contexts.keys().get(k);
            Map<String, Integer> c = counts.get(k);
            start[k] = columns.size();
            Map<String, Integer> slots = new LinkedHashMap<>();
            if (c.isEmpty()) {
                slot.add(slots);
                continue;
            }
            if (c.size() <= maxOneHot) {
                List<String> vocab = c.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder()))).map(Map.Entry::getKey).toList();
                for (String value : vocab) {
                    slots.put(value, slots.size());
                    columns.add(key + "=" + value);
                }
                width[k] = vocab.size();
            } else {
                for (int b = 0; b < hashWidth; b++) {
                    columns.add(key + "#" + b);
                }
                width[k] = -hashWidth;  // negative: hashed
            }
            slot.add(slots);
        }
        int w = columns.size();
        IdIndex ids = side == Embeddings.Side.USER ? table.users() : table.items();
        int n = ids.size();
        float[] v = new float[n * w];
        boolean[] present = new boolean[n];
        float[] perKey = new float[keys];
        int[][] rowsOf = side == Embeddings.Side.USER ? table.rowsByUser() : table.rowsByItem();
        for (int e = 0; e < n; e++) {
            if ((e & 0x3FF) == 0) {
                monitor.checkCancelled();
                monitor.progress((double) e / n, "context distributions");
            }
            java.util.Arrays.fill(perKey, 0);
            for (int r : rowsOf[e]) {
                if (match[r] < 0) {
                    continue;
                }
                for (int k = 0; k < keys; k++) {
                    String value = contexts.value(k, match[r]);
                    if (value == null || width[k] == 0) {
                        continue;
                    }
                    int col = width[k] > 0 ? slot.get(k).get(value) : bucket(value, -width[k]);
                    v[e * w + start[k] + col]++;
                    perKey[k]++;
                }
            }
            for (int k = 0; k < keys; k++) {
                if (perKey[k] == 0) {
                    continue;
                }
                present[e] = true;
                int cols = Math.abs(width[k]);
                for (int c = 0; c < cols; c++) {
                    v[e * w + start[k] + c] /= perKey[k];
                }
            }
        }
        String source = "context:categorical(" + String.join(",", contexts.keys()) + ")";
        return new EncodedFeatures(new Embeddings(source, side, ids, w, v, present), columns);
    }

    /** A stable bucket: String.hashCode is specified by the language, then mixed so near strings spread. */
    static int bucket(String value, int width) {
        int h = value.hashCode() * 0x9E3779B9;
        h ^= h >>> 16;
        return Math.floorMod(h, width);
    }
}
