package org.recblend.engine;

import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;

/** Global popularity as a baseline for the tests of this package (the real node is the eval helper's). */
public final class PopularityScorer implements Recommender {
    private final IdIndex users;
    private final IdIndex items;
    private final float[] counts;

    public PopularityScorer(InteractionTable train) {
        users = train.users();
        items = train.items();
        int[] c = train.itemCounts();
        counts = new float[c.length];
        for (int k = 0; k < c.length; k++) {
            counts[k] = c[k];
        }
    }

    @Override
    public String kind() {
        return "popularity";
    }

    @Override
    public IdIndex users() {
        return users;
    }

    @Override
    public IdIndex items() {
        return items;
    }

    @Override
    public void score(int user, float[] out) {
        System.arraycopy(counts, 0, out, 0, counts.length);
    }
}
