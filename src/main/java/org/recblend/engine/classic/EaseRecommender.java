package org.recblend.engine.classic;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.engine.Recommender;
import org.recblend.task.TaskMonitor;

/**
 * EASE (Steck 2019), the closed-form linear item-item model: with G = XᵀX + λI over the binary
 * user-item matrix X and P = G⁻¹, the weights are B = I − P·diag(1/diag(P)), i.e.
 * B[j][i] = −P[j][i] / P[i][i] and a zero diagonal. A user's score for item i is the sum of B[j][i]
 * over their training items j. Training inverts an items × items matrix, so it needs memory
 * quadratic in the items: {@link #checkMemory} refuses before allocating when that does not fit.
 */
public final class EaseRecommender implements Recommender {
    private static final long serialVersionUID = 1L;
    public static final String KIND = "ease";
    /** Matrices of items² doubles alive at the peak of training (Gram/Cholesky, inverse factor, weights and slack). */
    public static final int MATRICES = 3;

    private final IdIndex users;
    private final IdIndex items;
    private final UserItems history;
    /** Row-major items × items weights: row j holds what history item j adds to every item. */
    private final float[] weights;

    private EaseRecommender(IdIndex users, IdIndex items, UserItems history, float[] weights) {
        this.users = users;
        this.items = items;
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
        parallelRows(n, phase(monitor, 0.7, 0.25, "inverse"), a -> {
            double[] ta = t[a];
            for (int b = a; b < n; b++) {
                double[] tb = t[b];
                // T[a] starts at column a, T[b] at column b (b ≥ a)
                p[a][b] = dot(ta, b - a, tb, 0, tb.length);
            }
        });
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

    /** In-place Cholesky G = L Lᵀ into the lower triangle, column by column, rows of a column in parallel. */
    private static void cholesky(double[][] g, TaskMonitor monitor) {
        int n = g.length;
        for (int j = 0; j < n; j++) {
            if ((j & 0x1F) == 0) {
                monitor.checkCancelled();
                monitor.progress(0.1 + 0.3 * j / n, "Cholesky factor");
            }
            double[] lj = g[j];
            double d = lj[j] - dot(lj, lj, j);
            if (!(d > 0)) {
                throw new IllegalStateException("EASE: the regularised Gram matrix is not positive definite at item " + j
                        + "; raise λ");
            }
            double ljj = Math.sqrt(d);
            lj[j] = ljj;
            int col = j;
            int rows = n - j - 1;
            if (rows * (long) j > 20_000) {
                IntStream.range(j + 1, n).parallel().forEach(i -> g[i][col] = (g[i][col] - dot(g[i], lj, col)) / ljj);
            } else {
                for (int i = j + 1; i < n; i++) {
                    g[i][col] = (g[i][col] - dot(g[i], lj, col)) / ljj;
                }
            }
        }
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
        parallelRows(n, monitor, j -> {
            double[] m = new double[n - j];
            m[0] = 1 / l[j][j];
            for (int i = j + 1; i < n; i++) {
                double[] li = l[i];
                m[i - j] = -dot(li, j, m, 0, i - j) / li[i];
            }
            t[j] = m;
        });
        return t;
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
    public String kind() {
        return KIND;
    }

    @Override
    public IdIndex users() {
        return users;
    }

    @Override
    public IdIndex items() {
        return items;
    }

    @Override
    public void score(int user, float[] out) {
        int n = items.size();
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
        return weights[j * items.size() + i];
    }
}
