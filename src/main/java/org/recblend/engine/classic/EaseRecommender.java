package org.recblend.engine.classic;

import org.recblend.engine.Parallel;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.engine.BaseRecommender;
import org.recblend.task.TaskMonitor;

/**
 * EASE (Steck 2019), the closed-form linear item-item model: with G = XᵀX + λI over the binary
 * user-item matrix X and P = G⁻¹, the weights are B = I − P·diag(1/diag(P)), i.e.
 * B[j][i] = −P[j][i] / P[i][i] and a zero diagonal. A user's score for item i is the sum of B[j][i]
 * over their training items j. Training inverts an items × items matrix, so it needs memory
 * quadratic in the items: {@link #checkMemory} refuses before allocating when that does not fit.
 */
public final class EaseRecommender extends BaseRecommender {
    private static final long serialVersionUID = 1L;
    public static final String KIND = "ease";
    /** Matrices of items² doubles alive at the peak of training (Gram/Cholesky, inverse factor, weights and slack). */
    public static final int MATRICES = 3;

    private final UserItems history;
    /** Row-major items × items weights: row j holds what history item j adds to every item. */
    private final float[] weights;

    private EaseRecommender(IdIndex users, IdIndex items, UserItems history, float[] weights) {
        super(KIND, users, items);
        this.history = history;
        this.weights = weights;
    }

    /** Bytes EASE needs for this many items: items² × 8 bytes × {@value #MATRICES}. */
    public static long bytesNeeded(int items) {
        return (long) items * items * Double.BYTES * MATRICES;
    }

    /** Heap the JVM can still allocate: the maximum minus what is in use. */
    public static long freeHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Throws when EASE on this many items would not fit in the free heap, with a message saying what
     * it needs, what there is and what to do instead.
     */
    public static void checkMemory(int items, long freeBytes) {
        long need = bytesNeeded(items);
        if (need > freeBytes) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "EASE cannot train on %,d items: it needs about %,d MB (items² × 8 bytes × %d matrices) but only %,d MB"
                            + " of memory are free. Reduce the items (a k-core or popularity filter), give the workbench more"
                            + " memory (-Xmx), or use ItemKNN, which needs far less.",
                    items, need >> 20, MATRICES, freeBytes >> 20));
        }
    }

    /**
     * Trains on the binary training matrix.
     *
     * @param lambda the L2 regularisation (e.g. 500 for MovieLens 100K)
     */
    public static EaseRecommender train(InteractionTable train, double lambda, TaskMonitor monitor) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("EASE needs a positive regularisation λ, got " + lambda);
        }
        int n = train.items().size();
        checkMemory(n, freeHeap());
        UserItems history = UserItems.of(train);
        monitor.progress(0, "item co-occurrences");
        double[][] g = gram(history, n, lambda, monitor);
        monitor.progress(0.1, "Cholesky factor");
        cholesky(g, monitor);
        monitor.progress(0.4, "inverse factor");
        double[][] t = inverseFactorRows(g, phase(monitor, 0.4, 0.3, "inverse factor"));
        monitor.progress(0.7, "inverse");
        // P = Mᵀ M with M = L⁻¹; row a of T is column a of M, so P[a][b] = T[a]·T[b] over k ≥ max(a, b)
        double[][] p = g;
        // four rows of P at a time: each row of T read from memory serves four dot products
        parallelRows((n + 3) / 4, phase(monitor, 0.7, 0.25, "inverse"), block -> productRows(t, p, block * 4));
        monitor.checkCancelled();
        float[] w = new float[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                // P is kept in its upper triangle; P[j][i] = P[min][max]
                double pji = j <= i ? p[j][i] : p[i][j];
                w[j * n + i] = i == j ? 0f : (float) (-pji / p[i][i]);
            }
        }
        monitor.progress(1, "done");
        return new EaseRecommender(train.users(), train.items(), history, w);
    }

    /** XᵀX + λI in the lower triangle (binary X). */
    private static double[][] gram(UserItems history, int n, double lambda, TaskMonitor monitor) {
        double[][] g = new double[n][n];
        for (int u = 0; u < history.users(); u++) {
            if ((u & 0xFF) == 0) {
                monitor.checkCancelled();
            }
            int c = history.count(u);
            for (int x = 0; x < c; x++) {
                int a = history.item(u, x);
                double[] row = g[a];
                for (int y = 0; y <= x; y++) {
                    // items ascending, so item(u, y) ≤ a
                    row[history.item(u, y)] += 1;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            g[i][i] += lambda;
        }
        return g;
    }

    /**
     * In-place Cholesky G = L Lᵀ into the lower triangle, left-looking, four columns at a time: the
     * 4 × 4 diagonal block first, then every row below it (in parallel) with four dot products that
     * share one pass over the row.
     */
    private static void cholesky(double[][] g, TaskMonitor monitor) {
        int n = g.length;
        for (int j = 0; j < n; j += 4) {
            if ((j & 0x1F) == 0) {
                monitor.checkCancelled();
                monitor.progress(0.1 + 0.3 * j / n, "Cholesky factor");
            }
            int w = Math.min(4, n - j);
            for (int r = j; r < j + w; r++) {
                for (int c = j; c <= r; c++) {
                    double v = g[r][c] - dot(g[r], g[c], c);
                    if (r == c) {
                        if (!(v > 0)) {
                            throw new IllegalStateException("EASE: the regularised Gram matrix is not positive definite at item "
                                    + r + "; raise λ");
                        }
                        g[r][r] = Math.sqrt(v);
                    } else {
                        g[r][c] = v / g[c][c];
                    }
                }
            }
            if (w < 4) {
                continue;
            }
            int col = j;
            long work = (long) (n - j - 4) * j;
            if (work > 50_000) {
                IntStream.range(j + 4, n).parallel().forEach(i -> choleskyRow(g, i, col));
            } else {
                for (int i = j + 4; i < n; i++) {
                    choleskyRow(g, i, col);
                }
            }
        }
    }

    /** Row i's entries in columns j..j+3 of L, from its finished entries left of j and the finished rows j..j+3. */
    private static void choleskyRow(double[][] g, int i, int j) {
        double[] gi = g[i];
        double[] l0 = g[j];
        double[] l1 = g[j + 1];
        double[] l2 = g[j + 2];
        double[] l3 = g[j + 3];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int k = 0; k < j; k++) {
            double v = gi[k];
            s0 += v * l0[k];
            s1 += v * l1[k];
            s2 += v * l2[k];
            s3 += v * l3[k];
        }
        double x0 = (gi[j] - s0) / l0[j];
        double x1 = (gi[j + 1] - s1 - x0 * l1[j]) / l1[j + 1];
        double x2 = (gi[j + 2] - s2 - x0 * l2[j] - x1 * l2[j + 1]) / l2[j + 2];
        double x3 = (gi[j + 3] - s3 - x0 * l3[j] - x1 * l3[j + 1] - x2 * l3[j + 2]) / l3[j + 3];
        gi[j] = x0;
        gi[j + 1] = x1;
        gi[j + 2] = x2;
        gi[j + 3] = x3;
    }

    /** Σ a[k]·b[k] for k < len. */
    private static double dot(double[] a, double[] b, int len) {
        return dot(a, 0, b, 0, len);
    }

    /** Σ a[ao + k]·b[bo + k] for k < len, with four accumulators so the additions overlap. */
    private static double dot(double[] a, int ao, double[] b, int bo, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += a[ao + k] * b[bo + k];
            s1 += a[ao + k + 1] * b[bo + k + 1];
            s2 += a[ao + k + 2] * b[bo + k + 2];
            s3 += a[ao + k + 3] * b[bo + k + 3];
        }
        for (; k < len; k++) {
            s0 += a[ao + k] * b[bo + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The columns of M = L⁻¹ as rows: T[j][i − j] = M[i][j] for i ≥ j. Column j solves L m = e_j by
     * forward substitution, independently of the others, so columns run in parallel.
     */
    private static double[][] inverseFactorRows(double[][] l, TaskMonitor monitor) {
        int n = l.length;
        double[][] t = new double[n][];
        // four columns at a time: each row of L read from memory serves four substitutions
        parallelRows((n + 3) / 4, monitor, block -> inverseColumns(l, t, block * 4));
        return t;
    }

    /** Columns j0..j0+3 (fewer at the end) of L⁻¹ by forward substitution, into t[j0..]. */
    private static void inverseColumns(double[][] l, double[][] t, int j0) {
        int n = l.length;
        int w = Math.min(4, n - j0);
        double[][] ms = new double[w][];
        for (int c = 0; c < w; c++) {
            ms[c] = new double[n - j0 - c];
        }
        int head = w < 4 ? n : j0 + 4;
        for (int i = j0; i < head; i++) {
            for (int c = 0; c < w && j0 + c <= i; c++) {
                int j = j0 + c;
                ms[c][i - j] = i == j ? 1 / l[j][j] : -dot(l[i], j, ms[c], 0, i - j) / l[i][i];
            }
        }
        if (w == 4) {
            double[] m0 = ms[0];
            double[] m1 = ms[1];
            double[] m2 = ms[2];
            double[] m3 = ms[3];
            for (int i = j0 + 4; i < n; i++) {
                double[] li = l[i];
                double s0 = li[j0] * m0[0] + li[j0 + 1] * m0[1] + li[j0 + 2] * m0[2];
                double s1 = li[j0 + 1] * m1[0] + li[j0 + 2] * m1[1];
                double s2 = li[j0 + 2] * m2[0];
                double s3 = 0;
                for (int k = j0 + 3; k < i; k++) {
                    double v = li[k];
                    s0 += v * m0[k - j0];
                    s1 += v * m1[k - j0 - 1];
                    s2 += v * m2[k - j0 - 2];
                    s3 += v * m3[k - j0 - 3];
                }
                double d = li[i];
                m0[i - j0] = -s0 / d;
                m1[i - j0 - 1] = -s1 / d;
                m2[i - j0 - 2] = -s2 / d;
                m3[i - j0 - 3] = -s3 / d;
            }
        }
        for (int c = 0; c < w; c++) {
            t[j0 + c] = ms[c];
        }
    }

    /**
     * Rows a0..a0+3 (fewer at the end) of P = Mᵀ M in the upper triangle: P[a][b] = T[a]·T[b] over
     * the columns k ≥ b (T[a] starts at column a, T[b] at column b).
     */
    private static void productRows(double[][] t, double[][] p, int a0) {
        int n = t.length;
        int w = Math.min(4, n - a0);
        int head = w < 4 ? n : a0 + 3;
        for (int b = a0; b < head; b++) {
            for (int c = 0; c < w && a0 + c <= b; c++) {
                int a = a0 + c;
                p[a][b] = dot(t[a], b - a, t[b], 0, t[b].length);
            }
        }
        if (w < 4) {
            return;
        }
        double[] t0 = t[a0];
        double[] t1 = t[a0 + 1];
        double[] t2 = t[a0 + 2];
        double[] t3 = t[a0 + 3];
        for (int b = a0 + 3; b < n; b++) {
            double[] tb = t[b];
            int o0 = b - a0;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int k = 0; k < tb.length; k++) {
                double v = tb[k];
                s0 += t0[k + o0] * v;
                s1 += t1[k + o0 - 1] * v;
                s2 += t2[k + o0 - 2] * v;
                s3 += t3[k + o0 - 3] * v;
            }
            p[a0][b] = s0;
            p[a0 + 1][b] = s1;
            p[a0 + 2][b] = s2;
            p[a0 + 3][b] = s3;
        }
    }

    private static void parallelRows(int n, TaskMonitor monitor, java.util.function.IntConsumer body) {
        Parallel.forEach(n, Parallel.defaultThreads(), () -> body, monitor, "");
    }

    /** The monitor with one phase's progress mapped into [base, base + span] under a fixed message. */
    private static TaskMonitor phase(TaskMonitor monitor, double base, double span, String message) {
        return new TaskMonitor() {
            @Override
            public void progress(double fraction, String ignored) {
                monitor.progress(base + span * Math.max(0, Math.min(1, fraction)), message);
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }

            @Override
            public void log(String line) {
                monitor.log(line);
            }
        };
    }




    @Override
    public void score(int user, float[] out) {
        int n = items().size();
        Arrays.fill(out, 0);
        for (int p = 0; p < history.count(user); p++) {
            int base = history.item(user, p) * n;
            for (int i = 0; i < n; i++) {
                out[i] += weights[base + i];
            }
        }
    }

    /** The weight of history item j towards item i. */
    public float weight(int j, int i) {
        return weights[j * items().size() + i];
    }
}
