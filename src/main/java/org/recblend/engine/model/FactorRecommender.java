package org.recblend.engine.model;

import org.recblend.domain.IdIndex;
import org.recblend.engine.BaseRecommender;

/**
 * Scores by a dot product of user and item factors plus biases and an offset: the scoring side of
 * BPR-MF, of the rating objective and of the Hybrid model (whose item factors already include the
 * feature tower). Plain arrays, no native memory.
 */
public final class FactorRecommender extends BaseRecommender implements EmbeddingSource {
    private static final long serialVersionUID = 1L;

    private final FloatMatrix userFactors;
    private final FloatMatrix itemFactors;
    private final float[] userBias;
    private final float[] itemBias;
    private final float offset;

    /**
     * @param userBias may be null (no user bias)
     * @param itemBias may be null (no item bias)
     */
    public FactorRecommender(String kind, IdIndex users, IdIndex items, FloatMatrix userFactors, FloatMatrix itemFactors,
                             float[] userBias, float[] itemBias, float offset) {
        super(kind, users, items);
        if (userFactors.rows() != users.size() || itemFactors.rows() != items.size() || userFactors.cols() != itemFactors.cols()) {
            throw new IllegalArgumentException("Factor shapes do not match the id spaces");
        }
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.offset = offset;
    }




    @Override
    public FloatMatrix userEmbeddings() {
        return userFactors;
    }

    @Override
    public FloatMatrix itemEmbeddings() {
        return itemFactors;
    }

    @Override
    public void score(int user, float[] out) {
        int d = userFactors.cols();
        float[] uf = userFactors.data();
        float[] itf = itemFactors.data();
        int uo = user * d;
        float base = offset + (userBias == null ? 0 : userBias[user]);
        for (int i = 0, io = 0; i < out.length; i++, io += d) {
            float s = 0;
            for (int k = 0; k < d; k++) {
                s += uf[uo + k] * itf[io + k];
            }
            out[i] = base + s + (itemBias == null ? 0 : itemBias[i]);
        }
    }

    /** The predicted value of one pair (a rating under the rating objective). */
    public float predict(int user, int item) {
        int d = userFactors.cols();
        float s = offset + (userBias == null ? 0 : userBias[user]) + (itemBias == null ? 0 : itemBias[item]);
        for (int k = 0; k < d; k++) {
            s += userFactors.get(user, k) * itemFactors.get(item, k);
        }
        return s;
    }
}
