package org.recblend.cli;

import java.util.Map;
import org.recblend.engine.Recommender;
import org.recblend.engine.model.DeepRecommender;
import org.recblend.engine.model.FactorRecommender;
import org.recblend.engine.model.FloatMatrix;

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
        double[] xm = new double[p];
        double[] ym = new double[q];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (warm[i]) {
                count++;
                for (int c = 0; c < p; c++) {
                    xm[c] += features[i * p + c];
                }
                for (int c = 0; c < q; c++) {
                    ym[c] += target(item, bias, i, c);
                }
            }
        }
        for (int c = 0; c < p; c++) {
            xm[c] /= Math.max(count, 1);
        }
        for (int c = 0; c < q; c++) {
            ym[c] /= Math.max(count, 1);
        }
        double[] gram = new double[p * p];
        double[] xty = new double[p * q];
        double[] xc = new double[p];
        for (int i = 0; i < n; i++) {
            if (!warm[i]) {
                continue;
            }
            for (int c = 0; c < p; c++) {
                xc[c] = features[i * p + c] - xm[c];
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    gram[a * p + b] += xc[a] * xc[b];
                }
                for (int c = 0; c < q; c++) {
                    xty[a * q + c] += xc[a] * (target(item, bias, i, c) - ym[c]);
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < p; a++) {
            trace += gram[a * p + a];
        }
        double penalty = lambda * Math.max(trace / p, 1e-12);
        for (int a = 0; a < p; a++) {
            gram[a * p + a] += penalty;
        }
        double[] beta = solve(gram, xty, p, q);
        float[] items = item.data().clone();
        float[] itemBias = new float[n];
        for (int i = 0; i < n; i++) {
            itemBias[i] = bias == null ? 0 : bias.data()[i];
            if (warm[i]) {
                continue;
            }
            for (int c = 0; c < q; c++) {
                double v = ym[c];
                for (int a = 0; a < p; a++) {
                    v += (features[i * p + a] - xm[a]) * beta[a * q + c];
                }
                if (c < d) {
                    items[i * d + c] = (float) v;
                } else {
                    itemBias[i] = (float) v;
                }
            }
        }
        FloatMatrix userBias = w.get("userBias");
        return new FactorRecommender("bpr-ridge", bpr.users(), bpr.items(), w.get("user"), new FloatMatrix(n, d, items),
                userBias == null ? null : userBias.data(), itemBias, 0);
    }

    private static double target(FloatMatrix item, FloatMatrix bias, int i, int c) {
        return c < item.cols() ? item.data()[i * item.cols() + c] : bias == null ? 0 : bias.data()[i];
    }

    /** Solves G·B = R for symmetric positive definite G (p × p) by Cholesky; R is p × q. */
    private static double[] solve(double[] g, double[] r, int p, int q) {
        double[] l = new double[p * p];
        for (int j = 0; j < p; j++) {
            double s = g[j * p + j];
            for (int k = 0; k < j; k++) {
                s -= l[j * p + k] * l[j * p + k];
            }
            l[j * p + j] = Math.sqrt(Math.max(s, 1e-12));
            for (int i = j + 1; i < p; i++) {
                double t = g[i * p + j];
                for (int k = 0; k < j; k++) {
                    t -= l[i * p + k] * l[j * p + k];
                }
                l[i * p + j] = t / l[j * p + j];
            }
        }
        double[] out = new double[p * q];
        double[] y = new double[p];
        for (int c = 0; c < q; c++) {
            for (int i = 0; i < p; i++) {
                double t = r[i * q + c];
                for (int k = 0; k < i; k++) {
                    t -= l[i * p + k] * y[k];
                }
                y[i] = t / l[i * p + i];
            }
            for (int i = p - 1; i >= 0; i--) {
                double t = y[i];
                for (int k = i + 1; k < p; k++) {
                    t -= l[k * p + i] * out[k * q + c];
                }
                out[i * q + c] = t / l[i * p + i];
            }
        }
        return out;
    }
}
