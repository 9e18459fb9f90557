package org.recblend.engine.eval;

import org.recblend.domain.IdIndex;
import org.recblend.engine.Recommender;

/** A recommender with a fixed score table, for exact metric checks. */
record FixedScores(IdIndex users, IdIndex items, float[][] table) implements Recommender {
    @Override
    public String kind() {
        return "fixed";
    }

    @Override
    public void score(int user, float[] out) {
        System.arraycopy(table[user], 0, out, 0, out.length);
    }
}
