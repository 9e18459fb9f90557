package org.recblend.cli;

import java.util.Map;
import org.recblend.engine.Recommender;
import org.recblend.engine.model.DeepRecommender;
import org.recblend.engine.model.FactorRecommender;
import org.recblend.engine.model.FloatMatrix;
import org.recblend.engine.model.RidgeMap;

/**
 * The reference method of the cold-start acceptance figures, kept as a clearly named baseline row:
 * a ridge regression (with intercept) from item features to a trained BPR's item factors and bias,
 * fitted on the warm items, gives every cold item a factor row; users keep their BPR factors. It
 * needs no training of its own, so it is cheap beside the Hybrid.
 */
final class ColdRidgeBaseline {
    private ColdRidgeBaseline() {
    }

    /**
     * @param bpr      a trained BPR (its weights "user", "item", "itemBias")
     * @param features row-major item features, one row of {@code p} per item of the model
     * @param warm     items with training interactions (fitted on; they keep their own factors)
     * @param lambda   penalty relative to the mean feature variance
     */
    static Recommender of(Recommender bpr, float[] features, int p, boolean[] warm, double lambda) {
        if (!(bpr instanceof DeepRecommender deep) || !deep.weights().containsKey("item")) {
            throw new IllegalStateException("BPR's trained model exposes no item factors");
        }
        Map<String, FloatMatrix> w = deep.weights();
        FloatMatrix item = w.get("item");
        FloatMatrix bias = w.get("itemBias");
        int n = item.rows();
        int d = item.cols();
        int q = d + 1;
        float[] y = new float[n * q];
        for (int i = 0; i < n; i++) {
            System.arraycopy(item.data(), i * d, y, i * q, d);
            y[i * q + d] = bias == null ? 0 : bias.data()[i];
        }
        RidgeMap map = RidgeMap.fit(features, p, y, q, warm, lambda);
        float[] items = item.data().clone();
        float[] itemBias = new float[n];
        for (int i = 0; i < n; i++) {
            itemBias[i] = y[i * q + d];
            if (!warm[i]) {
                float[] pred = map.predict(features, i * p);
                System.arraycopy(pred, 0, items, i * d, d);
                itemBias[i] = pred[d];
            }
        }
        FloatMatrix userBias = w.get("userBias");
        return new FactorRecommender("bpr-ridge", bpr.users(), bpr.items(), w.get("user"), new FloatMatrix(n, d, items),
                userBias == null ? null : userBias.data(), itemBias, 0);
    }
}
