package org.recblend.engine;

import java.util.List;
import org.recblend.domain.Split;
import org.recblend.engine.feature.ItemFeatures;
import org.recblend.engine.model.DeepModel;
import org.recblend.engine.model.HybridTowers;
import org.recblend.engine.model.MatrixFactorization;
import org.recblend.engine.model.NeuMF;
import org.recblend.domain.ItemTable;

/** Small model factories for engine tests. */
public final class Models {
    private Models() {
    }

    public static DeepModel bpr(Split s, int dim) {
        return new MatrixFactorization("bpr", s.train().users(), s.train().items(), dim, 0);
    }

    public static DeepModel neumf(Split s) {
        return new NeuMF(s.train().users(), s.train().items(), 16, 16, List.of(32, 16), 0);
    }

    public static DeepModel hybrid(Split s, ItemTable items, int dim, double dropout) {
        boolean[] wu = warm(s.train().userCounts());
        boolean[] wi = warm(s.train().itemCounts());
        return new HybridTowers(s.train().users(), s.train().items(), dim, null,
                ItemFeatures.of(items).matrixFor(s.train().items()), wu, wi, dropout, 0);
    }

    public static boolean[] warm(int[] counts) {
        boolean[] w = new boolean[counts.length];
        for (int k = 0; k < counts.length; k++) {
            w[k] = counts[k] > 0;
        }
        return w;
    }
}
