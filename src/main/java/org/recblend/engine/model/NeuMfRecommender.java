package org.recblend.engine.model;

import org.recblend.domain.IdIndex;
import org.recblend.engine.BaseRecommender;

/**
 * NeuMF scoring in plain Java. The first MLP layer is split into a user part and an item part;
 * the item part of every item is computed once, so scoring a user costs one pass of the deeper
 * layers per item.
 */
public final class NeuMfRecommender extends BaseRecommender implements EmbeddingSource {
    private static final long serialVersionUID = 1L;

    private final FloatMatrix gmfUser;
    private final FloatMatrix gmfItem;
    private final FloatMatrix mlpUser;
    private final FloatMatrix mlpItem;
    private final FloatMatrix[] w;
    private final float[][] b;
    private final float[] out;
    private final float outBias;
    private transient volatile float[] itemPart;

    NeuMfRecommender(IdIndex users, IdIndex items, FloatMatrix gmfUser, FloatMatrix gmfItem, FloatMatrix mlpUser,
                     FloatMatrix mlpItem, FloatMatrix[] w, float[][] b, float[] out, float outBias) {
        super(NeuMF.KIND, users, items);
        this.gmfUser = gmfUser;
        this.gmfItem = gmfItem;
        this.mlpUser = mlpUser;
        this.mlpItem = mlpItem;
        this.w = w;
        this.b = b;
        this.out = out;
        this.outBias = outBias;
    }




    @Override
    public void score(int user, float[] scores) {
        int dm = mlpUser.cols();
        int h0 = w[0].cols();
        float[] userPart = new float[h0];
        matVec(mlpUser.data(), user * dm, dm, w[0], 0, userPart);
        float[] items0 = itemPart();
        int dg = gmfUser.cols();
        float[] gu = gmfUser.data();
        float[] gi = gmfItem.data();
        int maxWidth = 0;
        for (FloatMatrix m : w) {
            maxWidth = Math.max(maxWidth, m.cols());
        }
        float[] x = new float[maxWidth];
        float[] y = new float[maxWidth];
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < h0; j++) {
                x[j] = Math.max(0, userPart[j] + items0[i * h0 + j] + b[0][j]);
            }
            int width = h0;
            for (int l = 1; l < w.length; l++) {
                int next = w[l].cols();
                float[] wl = w[l].data();
                for (int j = 0; j < next; j++) {
                    y[j] = b[l][j];
                }
                for (int k = 0; k < width; k++) {
                    float xk = x[k];
                    if (xk != 0) {
                        int o = k * next;
                        for (int j = 0; j < next; j++) {
                            y[j] += xk * wl[o + j];
                        }
                    }
                }
                for (int j = 0; j < next; j++) {
                    x[j] = Math.max(0, y[j]);
                }
                width = next;
            }
            float s = outBias;
            for (int k = 0; k < dg; k++) {
                s += gu[user * dg + k] * gi[i * dg + k] * out[k];
            }
            for (int j = 0; j < width; j++) {
                s += x[j] * out[dg + j];
            }
            scores[i] = s;
        }
    }

    private float[] itemPart() {
        float[] p = itemPart;
        if (p == null) {
            int dm = mlpItem.cols();
            int h0 = w[0].cols();
            p = new float[items().size() * h0];
            float[] row = new float[h0];
            for (int i = 0; i < items().size(); i++) {
                matVec(mlpItem.data(), i * dm, dm, w[0], dm, row);
                System.arraycopy(row, 0, p, i * h0, h0);
            }
            itemPart = p;
        }
        return p;
    }

    /** out = v[off..off+n) · W[rowOffset..rowOffset+n), all columns. */
    private static void matVec(float[] v, int off, int n, FloatMatrix m, int rowOffset, float[] out) {
        int cols = m.cols();
        float[] d = m.data();
        java.util.Arrays.fill(out, 0, cols, 0f);
        for (int k = 0; k < n; k++) {
            float vk = v[off + k];
            int o = (rowOffset + k) * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += vk * d[o + j];
            }
        }
    }

    @Override
    public FloatMatrix userEmbeddings() {
        return concat(gmfUser, mlpUser);
    }

    @Override
    public FloatMatrix itemEmbeddings() {
        return concat(gmfItem, mlpItem);
    }

    private static FloatMatrix concat(FloatMatrix a, FloatMatrix b) {
        int cols = a.cols() + b.cols();
        float[] d = new float[a.rows() * cols];
        for (int r = 0; r < a.rows(); r++) {
            System.arraycopy(a.data(), r * a.cols(), d, r * cols, a.cols());
            System.arraycopy(b.data(), r * b.cols(), d, r * cols + a.cols(), b.cols());
        }
        return new FloatMatrix(a.rows(), cols, d);
    }
}
