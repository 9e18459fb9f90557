package org.recblend.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.recblend.domain.IdIndex;
import org.recblend.engine.Recommender;

/**
 * Matrix factorisation with user and item biases: score = offset + b_u + b_i + p_u · q_i. Trained
 * pairwise (BPR, where b_u cancels out) or on ratings (offset = the mean training rating).
 */
public final class MatrixFactorization implements DeepModel {
    public static final String KIND = "bpr";

    private final IdIndex users;
    private final IdIndex items;
    private final int dim;
    private final float offset;
    private final String kind;

    public MatrixFactorization(String kind, IdIndex users, IdIndex items, int dim, float offset) {
        this.kind = kind;
        this.users = users;
        this.items = items;
        this.dim = dim;
        this.offset = offset;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public LinkedHashMap<String, NDArray> initParameters(NDManager m, SplittableRandom r) {
        LinkedHashMap<String, NDArray> p = new LinkedHashMap<>();
        p.put("user", Inits.normal(m, r, users.size(), dim, 0.1 / Math.sqrt(dim)));
        p.put("item", Inits.normal(m, r, items.size(), dim, 0.1 / Math.sqrt(dim)));
        p.put("userBias", Inits.zeros(m, users.size(), 1));
        p.put("itemBias", Inits.zeros(m, items.size(), 1));
        return p;
    }

    @Override
    public Map<String, RowTable> rowTables() {
        Map<String, RowTable> t = new LinkedHashMap<>();
        t.put("user", new RowTable(Rows.USER, true));
        t.put("item", new RowTable(Rows.ITEM, true));
        t.put("userBias", new RowTable(Rows.USER, false));
        t.put("itemBias", new RowTable(Rows.ITEM, false));
        return t;
    }

    @Override
    public Scores score(Map<String, NDArray> p, NDArray u, NDArray i, NDArray itemMask) {
        NDArray pu = Gather.rows(p.get("user"), u);
        NDArray qi = Gather.rows(p.get("item"), i);
        NDArray s = pu.mul(qi).sum(new int[] {1})
                .add(Gather.entries(p.get("userBias"), u))
                .add(Gather.entries(p.get("itemBias"), i));
        if (offset != 0) {
            s = s.add(offset);
        }
        // As row tables (no index) the loop regularises the rows itself.
        return new Scores(s, u == null ? null : pu.square().sum().add(qi.square().sum()));
    }

    @Override
    public Recommender recommender(Map<String, FloatMatrix> w) {
        return new FactorRecommender(kind, users, items, w.get("user"), w.get("item"),
                w.get("userBias").data(), w.get("itemBias").data(), offset);
    }
}
