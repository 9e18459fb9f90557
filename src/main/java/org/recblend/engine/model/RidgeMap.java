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
        return new Moments(x, p, y, q, use).solve(lambda).map();
    }

    /**
     * Fits with the penalty among {@code grid} (relative, as in {@link #fit}) that has the lowest
     * generalised cross-validation error, sum((y - ŷ)²) · n / (n - trace(H))². Text embeddings
     * need very different penalties: MiniLM's 384 correlated columns want a strong one, TF-IDF's
     * decorrelated SVD components a weak one, so a fixed constant suits only one of them.
     */
    public static Chosen fitByGcv(float[] x, int p, float[] y, int q, boolean[] use, double[] grid) {
        Moments m = new Moments(x, p, y, q, use);
        Chosen best = null;
        for (double lambda : grid) {
            Solved s = m.solve(lambda);
            double gcv = m.gcv(s);
            if (best == null || gcv < best.gcv()) {
                best = new Chosen(s.map(), lambda, gcv);
            }
        }
        return best;
    }

    /** The relative penalties {@link #fitByGcv} tries by default: 1/16 to 64, doubling. */
    public static double[] defaultGrid() {
        double[] g = new double[11];
        for (int k = 0; k < g.length; k++) {
            g[k] = Math.pow(2, k - 4);
        }
        return g;
    }

    /** A map with the penalty that was chosen for it and that penalty's cross-validation error. */
    public record Chosen(RidgeMap map, double lambda, double gcv) {
    }

    /** A solved system: the map and the Cholesky factor of its penalised Gram matrix. */
    private record Solved(RidgeMap map, double[] chol, double penalty) {
    }

    /** Means, centred Gram matrix and cross products of the used rows: computed once for any penalty. */
    private static final class Moments {
        final float[] x;
        final float[] y;
        final int p;
        final int q;
        final boolean[] use;
        final double[] xm;
        final double[] ym;
        final double[] gram;
        final double[] xty;
        final int count;
        final double meanDiagonal;

        Moments(float[] x, int p, float[] y, int q, boolean[] use) {
            this.x = x;
            this.y = y;
            this.p = p;
            this.q = q;
            this.use = use;
            int n = use.length;
            xm = new double[p];
            ym = new double[q];
            int used = 0;
            for (int r = 0; r < n; r++) {
                if (!use[r]) {
                    continue;
                }
                used++;
                for (int c = 0; c < p; c++) {
                    xm[c] += x[r * p + c];
                }
                for (int c = 0; c < q; c++) {
                    ym[c] += y[r * q + c];
                }
            }
            count = used;
            gram = new double[p * p];
            xty = new double[p * q];
            if (used == 0) {
                meanDiagonal = 0;
                return;
            }
            for (int c = 0; c < p; c++) {
                xm[c] /= used;
            }
            for (int c = 0; c < q; c++) {
                ym[c] /= used;
            }
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
            meanDiagonal = trace / p;
        }

        Solved solve(double lambda) {
            if (count == 0) {
                return new Solved(new RidgeMap(p, q, xm, ym, new double[p * q]), null, 0);
            }
            double penalty = lambda * Math.max(meanDiagonal, 1e-12);
            double[] a = gram.clone();
            for (int k = 0; k < p; k++) {
                a[k * p + k] += penalty;
            }
            cholesky(a, p);
            double[] beta = new double[p * q];
            double[] col = new double[p];
            for (int c = 0; c < q; c++) {
                for (int k = 0; k < p; k++) {
                    col[k] = xty[k * q + c];
                }
                RidgeMap.solve(a, p, col);
                for (int k = 0; k < p; k++) {
                    beta[k * q + c] = col[k];
                }
            }
            return new Solved(new RidgeMap(p, q, xm, ym, beta), a, penalty);
        }

        /** GCV of a solved system; trace(H) = 1 + p - penalty · trace((G + penalty·I)⁻¹), the inverse's trace from L⁻¹. */
        double gcv(Solved s) {
            if (count == 0) {
                return 0;
            }
            double rss = 0;
            for (int r = 0; r < use.length; r++) {
                if (!use[r]) {
                    continue;
                }
                float[] pred = s.map().predict(x, r * p);
                for (int c = 0; c < q; c++) {
                    double e = y[r * q + c] - pred[c];
                    rss += e * e;
                }
            }
            double inverseTrace = 0;
            double[] e = new double[p];
            for (int k = 0; k < p; k++) {
                java.util.Arrays.fill(e, 0);
                e[k] = 1;
                forward(s.chol(), p, e, k);
                for (int i = k; i < p; i++) {
                    inverseTrace += e[i] * e[i];
                }
            }
            double dof = p - s.penalty() * inverseTrace;
            double left = count - dof - 1;
            return left <= 0 ? Double.POSITIVE_INFINITY : rss * count / (left * left);
        }
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

    /** Solves L·z = b in place for b that is zero before {@code from} (so z is too). */
    private static void forward(double[] l, int n, double[] b, int from) {
        for (int i = from; i < n; i++) {
            double s = b[i];
            for (int k = from; k < i; k++) {
                s -= l[i * n + k] * b[k];
            }
            b[i] = s / l[i * n + i];
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
