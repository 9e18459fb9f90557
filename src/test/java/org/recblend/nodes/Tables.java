package org.recblend.nodes;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;

/** Hand-made and generated interaction tables for node tests. */
public final class Tables {
    private Tables() {
    }

    /** Rows of {user, item, weight, ts} over users u0.. and items i0.. (enough ids for the rows). */
    public static InteractionTable of(int users, int items, double[][] rows) {
        InteractionTable.Builder b = InteractionTable.builder(IdIndex.numbered("u", users), IdIndex.numbered("i", items));
        for (double[] r : rows) {
            b.add((int) r[0], (int) r[1], (float) r[2], r.length > 3 ? (long) r[3] : InteractionTable.NO_TIME);
        }
        return b.build();
    }

    /** Each user rates a random number (min..max) of distinct items, with distinct-ish times. */
    public static InteractionTable random(int users, int items, int min, int max, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        InteractionTable.Builder b = InteractionTable.builder(IdIndex.numbered("u", users), IdIndex.numbered("i", items));
        for (int u = 0; u < users; u++) {
            int n = min + random.nextInt(max - min + 1);
            Map<Integer, Boolean> seen = new HashMap<>();
            while (seen.size() < n) {
                int i = random.nextInt(items);
                if (seen.putIfAbsent(i, true) == null) {
                    b.add(u, i, 1 + random.nextInt(5), 1_000_000L + random.nextInt(10_000_000));
                }
            }
        }
        return b.build();
    }

    /** A row key "user/item/ts/weight", for comparing tables as sets. */
    public static String key(InteractionTable t, int row) {
        return t.user(row) + "/" + t.item(row) + "/" + t.ts(row) + "/" + t.weight(row);
    }

    /** The multiset of row keys of a table, as a sorted list. */
    public static java.util.List<String> keys(InteractionTable t) {
        java.util.List<String> keys = new java.util.ArrayList<>(t.size());
        for (int r = 0; r < t.size(); r++) {
            keys.add(key(t, r));
        }
        java.util.Collections.sort(keys);
        return keys;
    }
}
