package org.recblend.engine.model;

/**
 * A linear map fitted by ridge regression (with intercept) from feature rows to target rows. The
 * Hybrid model fits one on its warm items, from their features to their trained ID embedding and
 * bias, and uses it to give cold items an ID part; the cold-start benchmark's baseline maps onto BPR's factors (docs/decisions/0017-per-source-fusion-and-cold-ridge.md).
 */
public final class RidgeMap {
    private final int p;
    private final int q;
    private final double[] xMean;
    private final double[] yMean;
    private final double[] beta;

    private RidgeMap(int p, int q, double[] xMean, double[] yMean, double[] beta) {
        this.p = p;
        this.q = q;
        this.xMean = xMean;
        this.yMean = yMean;
        this.beta = beta;
    }

    /**
     * Fits on the rows where {@code use} is true. The penalty is {@code lambda} times the mean
     * diagonal of the centred Gram matrix, so one setting suits features of any scale and count.
     *
     * @param x row-major, {@code use.length} rows of {@code p}
     * @param y row-major, {@code use.length} rows of {@code q}
     */
    public static RidgeMap fit(float[] x, int p, float[] y, int q, boolean[] use, double lambda) {
        int n = use.length;
        double[] xm = new double[p];
        double[] ym = new double[q];
        int count = 0;
        for (int r = 0; r < n; r++) {
            if (!use[r]) {
                continue;
            }
            count++;
            for (int c = 0; c < p; c++) {
                xm[c] += x[r * p + c];
            }
            for (int c = 0; c < q; c++) {
                ym[c] += y[r * q + c];
            }
        }
        if (count == 0) {
            return new RidgeMap(p, q, xm, ym, new double[p * q]);
        }
        for (int c = 0; c < p; c++) {
            xm[c] /= count;
        }
        for (int c = 0; c < q; c++) {
            ym[c] /= count;
        }
        double[] gram = new double[p * p];
        double[] xty = new double[p * q];
        double[] xc = new double[p];
        for (int r = 0; r < n; r++) {
            if (!use[r]) {
                continue;
            }
            for (int c = 0; c < p; c++) {
                xc[c] = x[r * p + c] - xm[c];
            }
            for (int a = 0; a < p; a++) {
                double xa = xc[a];
                if (xa == 0) {
                    continue;
                }
                int ga = a * p;
                for (int b = a; b < p; b++) {
                    gram[ga + b] += xa * xc[b];
                }
                int ya = a * q;
                for (int c = 0; c < q; c++) {
                    xty[ya + c] += xa * (y[r * q + c] - ym[c]);
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < p; a++) {
            trace += gram[a * p + a];
            for (int b = 0; b < a; b++) {
                gram[a * p + b] = gram[b * p + a];
            }
        }
        double penalty = lambda * Math.max(trace / p, 1e-12);
        for (int a = 0; a < p; a++) {
            gram[a * p + a] += penalty;
        }
        cholesky(gram, p);
        double[] beta = new double[p * q];
        double[] col = new double[p];
        for (int c = 0; c < q; c++) {
            for (int a = 0; a < p; a++) {
                col[a] = xty[a * q + c];
            }
            solve(gram, p, col);
            for (int a = 0; a < p; a++) {
                beta[a * q + c] = col[a];
            }
        }
        return new RidgeMap(p, q, xm, ym, beta);
    }

    /** The predicted target row of one feature row ({@code x} from {@code offset}). */
    public float[] predict(float[] x, int offset) {
        double[] out = yMean.clone();
        for (int a = 0; a < p; a++) {
            double xa = x[offset + a] - xMean[a];
            if (xa == 0) {
                continue;
            }
            for (int c = 0; c < q; c++) {
                out[c] += xa * beta[a * q + c];
            }
        }
        float[] f = new float[q];
        for (int c = 0; c < q; c++) {
            f[c] = (float) out[c];
        }
        return f;
    }

    /** In place: the lower triangle becomes L with A = L·Lᵀ (A is positive definite thanks to the penalty). */
    private static void cholesky(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * n + k] * a[j * n + k];
            }
            d = Math.sqrt(Math.max(d, 1e-12));
            a[j * n + j] = d;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = s / d;
            }
        }
    }

    /** Solves L·Lᵀ·x = b in place. */
    private static void solve(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
    }
}
