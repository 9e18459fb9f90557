package org.recblend.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The feature path of one tower: every source (block) b is projected to the embedding dimension by
 * W_b and the projections are summed with the coefficients of the {@link Fusion} mode. Concatenation
 * and fixed weights use one map over all columns (a weight scales its block's columns), which is the
 * same as Σ_b w_b W_b f_b; gated and attention fusion keep one map per source.
 */
final class FeatureTower {
    private final String prefix;
    private final FusedFeatures features;
    private final FloatMatrix values;
    private final Fusion.Mode mode;
    private NDArray whole;
    private NDArray[] blocks;

    /** @param prefix "user" or "item": the parameters are named after it */
    FeatureTower(String prefix, FusedFeatures features) {
        this.prefix = prefix;
        this.features = features;
        this.mode = features.fusion().mode();
        this.values = mode == Fusion.Mode.WEIGHTED ? weighted(features) : features.values();
    }

    FusedFeatures features() {
        return features;
    }

    /** The columns as the model sees them (weighted mode: scaled by the source weights). */
    FloatMatrix values() {
        return values;
    }

    private boolean perSource() {
        return mode == Fusion.Mode.GATED || mode == Fusion.Mode.ATTENTION;
    }

    private String map(int b) {
        return perSource() ? prefix + "FeatureW" + b : prefix + "FeatureW";
    }

    private String gate() {
        return prefix + "Gate";
    }

    private String query() {
        return prefix + "AttentionQuery";
    }

    private String scoreBias() {
        return prefix + "AttentionBias";
    }

    void init(NDManager m, SplittableRandom r, LinkedHashMap<String, NDArray> p, int dim, double std) {
        int n = values.rows();
        if (!perSource()) {
            whole = m.create(values.data(), new Shape(n, values.cols()));
            p.put(map(0), Inits.normal(m, r, values.cols(), dim, std));
            return;
        }
        int count = features.blockCount();
        blocks = new NDArray[count];
        for (int b = 0; b < count; b++) {
            blocks[b] = m.create(slice(b), new Shape(n, features.widths()[b]));
            p.put(map(b), Inits.normal(m, r, features.widths()[b], dim, std));
        }
        if (mode == Fusion.Mode.GATED) {
            p.put(gate(), Inits.zeros(m, 1, count));
        } else {
            p.put(query(), Inits.normal(m, r, dim, 1, 1 / Math.sqrt(dim)));
            p.put(scoreBias(), Inits.zeros(m, 1, count));
        }
    }

    /** The fused feature vectors of the rows {@code index}: shape (batch, dim). */
    NDArray project(Map<String, NDArray> p, NDArray index, float scale) {
        if (!perSource()) {
            return Gather.rows(whole, index).matMul(scaled(p.get(map(0)), scale));
        }
        int count = blocks.length;
        NDList parts = new NDList(count);
        for (int b = 0; b < count; b++) {
            parts.add(Gather.rows(blocks[b], index).matMul(scaled(p.get(map(b)), scale)));
        }
        NDArray stacked = NDArrays.stack(parts, 1);
        if (mode == Fusion.Mode.GATED) {
            return stacked.mul(Activation.sigmoid(p.get(gate())).reshape(1, count, 1)).sum(new int[] {1});
        }
        long dim = stacked.getShape().get(2);
        NDArray score = stacked.tanh().mul(p.get(query()).reshape(1, 1, dim)).sum(new int[] {2}).add(p.get(scoreBias()));
        return stacked.mul(score.softmax(1).expandDims(2)).sum(new int[] {1});
    }

    private static NDArray scaled(NDArray w, float scale) {
        return scale == 1f ? w : w.mul(scale);
    }

    /** Per source, the projection W_b f_b of every row (trained weights, in Java): [b][row * dim + j]. */
    float[][] projections(Map<String, FloatMatrix> w, float scale) {
        int count = features.blockCount();
        int n = values.rows();
        float[][] out = new float[count][];
        for (int b = 0; b < count; b++) {
            FloatMatrix m = w.get(map(b));
            int dim = m.cols();
            int rowOffset = perSource() ? 0 : features.start(b);
            int start = features.start(b);
            int width = features.widths()[b];
            float[] proj = new float[n * dim];
            for (int r = 0; r < n; r++) {
                for (int k = 0; k < width; k++) {
                    float x = values.data()[r * values.cols() + start + k];
                    if (x == 0) {
                        continue;
                    }
                    int wo = (rowOffset + k) * dim;
                    for (int j = 0; j < dim; j++) {
                        proj[r * dim + j] += x * m.data()[wo + j] * scale;
                    }
                }
            }
            out[b] = proj;
        }
        return out;
    }

    /** The coefficient of every source for every row: [row * sources + b]. */
    float[] coefficients(Map<String, FloatMatrix> w, float[][] proj) {
        int count = features.blockCount();
        int n = values.rows();
        float[] c = new float[n * count];
        switch (mode) {
            case CONCAT, WEIGHTED -> java.util.Arrays.fill(c, 1f);
            case GATED -> {
                float[] g = w.get(gate()).data();
                for (int r = 0; r < n; r++) {
                    for (int b = 0; b < count; b++) {
                        c[r * count + b] = (float) (1 / (1 + Math.exp(-g[b])));
                    }
                }
            }
            case ATTENTION -> {
                float[] q = w.get(query()).data();
                float[] bias = w.get(scoreBias()).data();
                int dim = q.length;
                double[] s = new double[count];
                for (int r = 0; r < n; r++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int b = 0; b < count; b++) {
                        double v = bias[b];
                        for (int j = 0; j < dim; j++) {
                            v += Math.tanh(proj[b][r * dim + j]) * q[j];
                        }
                        s[b] = v;
                        max = Math.max(max, v);
                    }
                    double sum = 0;
                    for (int b = 0; b < count; b++) {
                        s[b] = Math.exp(s[b] - max);
                        sum += s[b];
                    }
                    for (int b = 0; b < count; b++) {
                        c[r * count + b] = (float) (s[b] / sum);
                    }
                }
            }
            default -> throw new IllegalStateException("Unknown fusion mode " + mode);
        }
        return c;
    }

    /** The fused feature vector of every row, Σ_b c_b W_b f_b: the feature part of the tower. */
    FloatMatrix vectors(Map<String, FloatMatrix> w, float scale, int dim) {
        float[][] proj = projections(w, scale);
        float[] coef = coefficients(w, proj);
        int count = features.blockCount();
        int n = values.rows();
        float[] out = new float[n * dim];
        for (int b = 0; b < count; b++) {
            for (int r = 0; r < n; r++) {
                float c = coef[r * count + b];
                for (int j = 0; j < dim; j++) {
                    out[r * dim + j] += c * proj[b][r * dim + j];
                }
            }
        }
        return new FloatMatrix(n, dim, out);
    }

    /**
     * What every source contributed: its coefficient (mean over rows), its share of the summed norms
     * of c_b W_b f_b, and its share of the variance of its part of the score over {@code pairs}
     * sampled (row, other-side row) pairs, dotted with the other side's full vectors.
     */
    List<SourceContribution> contributions(Map<String, FloatMatrix> w, float scale, FloatMatrix other, int pairs, long seed) {
        float[][] proj = projections(w, scale);
        float[] coef = coefficients(w, proj);
        int count = features.blockCount();
        int n = values.rows();
        int dim = other.cols();
        double[] coefSum = new double[count];
        double[] normSum = new double[count];
        for (int r = 0; r < n; r++) {
            for (int b = 0; b < count; b++) {
                float c = coef[r * count + b];
                coefSum[b] += c;
                double sq = 0;
                for (int j = 0; j < dim; j++) {
                    double v = c * proj[b][r * dim + j];
                    sq += v * v;
                }
                normSum[b] += Math.sqrt(sq);
            }
        }
        double[] mean = new double[count];
        double[] sq = new double[count];
        SplittableRandom random = new SplittableRandom(seed);
        for (int t = 0; t < pairs && n > 0 && other.rows() > 0; t++) {
            int r = random.nextInt(n);
            int o = random.nextInt(other.rows());
            for (int b = 0; b < count; b++) {
                double s = 0;
                for (int j = 0; j < dim; j++) {
                    s += proj[b][r * dim + j] * other.data()[o * dim + j];
                }
                s *= coef[r * count + b];
                mean[b] += s;
                sq[b] += s * s;
            }
        }
        double[] variance = new double[count];
        double totalVariance = 0;
        double totalNorm = 0;
        for (int b = 0; b < count; b++) {
            double m = mean[b] / Math.max(pairs, 1);
            variance[b] = Math.max(sq[b] / Math.max(pairs, 1) - m * m, 0);
            totalVariance += variance[b];
            totalNorm += normSum[b];
        }
        List<SourceContribution> out = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            double c = n == 0 ? 0 : coefSum[b] / n;
            if (mode == Fusion.Mode.WEIGHTED) {
                c = features.fusion().weight(features.sources().get(b));
            }
            out.add(new SourceContribution(prefix, features.sources().get(b), mode, c,
                    totalNorm == 0 ? 0 : normSum[b] / totalNorm, totalVariance == 0 ? 0 : variance[b] / totalVariance));
        }
        return out;
    }

    private float[] slice(int b) {
        int n = values.rows();
        int width = features.widths()[b];
        int start = features.start(b);
        float[] out = new float[n * width];
        for (int r = 0; r < n; r++) {
            System.arraycopy(values.data(), r * values.cols() + start, out, r * width, width);
        }
        return out;
    }

    private static FloatMatrix weighted(FusedFeatures f) {
        float[] d = f.values().data().clone();
        int cols = f.values().cols();
        for (int b = 0; b < f.blockCount(); b++) {
            float w = (float) f.fusion().weight(f.sources().get(b));
            int start = f.start(b);
            for (int r = 0; r < f.values().rows(); r++) {
                for (int k = 0; k < f.widths()[b]; k++) {
                    d[r * cols + start + k] *= w;
                }
            }
        }
        return new FloatMatrix(f.values().rows(), cols, d);
    }
}
