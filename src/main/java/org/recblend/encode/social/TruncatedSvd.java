package org.recblend.encode.social;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.recblend.task.TaskMonitor;

/**
 * The top singular directions of a sparse matrix by randomised subspace iteration (Halko,
 * Martinsson and Tropp 2011): a seeded Gaussian sketch with oversampling, a few power iterations,
 * then an exact eigen-decomposition of the small projected Gram matrix by Jacobi rotations.
 * Deterministic for a seed; accurate to a few per cent on the leading directions, which is all a
 * feature block needs.
 */
public final class TruncatedSvd {
    private static final int OVERSAMPLE = 10;
    private static final int POWER_ITERATIONS = 3;

    /**
     * The rank-k reduction.
     *
     * @param rows           rows × k row-major: the rows' coordinates {@code U * Sigma}
     * @param k              the rank
     * @param singularValues the k singular values, largest first
     */
    public record Result(float[] rows, int k, double[] singularValues) {
    }

    private TruncatedSvd() {
    }

    /** The rows of {@code a} in its top-k singular basis ({@code U * Sigma}); k is capped at the matrix's size. */
    public static Result rowCoordinates(SparseRows a, int k, long seed, TaskMonitor monitor) {
        if (k < 1) {
            throw new IllegalArgumentException("The rank must be at least 1, not " + k);
        }
        int n = a.rows();
        int m = a.cols();
        int rank = Math.min(k, Math.min(n, m));
        int l = Math.min(rank + OVERSAMPLE, Math.min(n, m));
        SplittableRandom random = new SplittableRandom(seed);
        double[][] omega = new double[l][m];
        for (double[] column : omega) {
            for (int c = 0; c < m; c++) {
                column[c] = gaussian(random);
            }
        }
        double[][] q = orthonormalise(a.times(omega));
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            monitor.checkCancelled();
            monitor.progress((double) it / (POWER_ITERATIONS + 1), "truncated SVD, power iteration " + (it + 1));
            q = orthonormalise(a.times(orthonormalise(a.transposeTimes(q))));
        }
        monitor.checkCancelled();
        double[][] bt = a.transposeTimes(q);  // B^T = A^T Q, m × l; B B^T is l × l
        double[][] gram = new double[l][l];
        for (int i = 0; i < l; i++) {
            for (int j = i; j < l; j++) {
                double s = 0;
                double[] x = bt[i];
                double[] y = bt[j];
                for (int c = 0; c < m; c++) {
                    s += x[c] * y[c];
                }
                gram[i][j] = s;
                gram[j][i] = s;
            }
        }
        double[][] vectors = new double[l][l];
        double[] values = jacobiEigen(gram, vectors);
        Integer[] order = new Integer[l];
        for (int i = 0; i < l; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        float[] rows = new float[n * rank];
        double[] sigma = new double[rank];
        for (int j = 0; j < rank; j++) {
            int e = order[j];
            sigma[j] = Math.sqrt(Math.max(0, values[e]));
            // U_j = Q w_e; U_j * sigma_j; sign fixed so the largest coordinate of w_e is positive
            double sign = signOfLargest(vectors, e, l);
            for (int r = 0; r < n; r++) {
                double s = 0;
                for (int i = 0; i < l; i++) {
                    s += q[i][r] * vectors[i][e];
                }
                rows[r * rank + j] = (float) (sign * s * sigma[j]);
            }
        }
        return new Result(rows, rank, sigma);
    }

    private static double signOfLargest(double[][] vectors, int column, int l) {
        double best = 0;
        for (int i = 0; i < l; i++) {
            if (Math.abs(vectors[i][column]) > Math.abs(best)) {
                best = vectors[i][column];
            }
        }
        return best < 0 ? -1 : 1;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Modified Gram-Schmidt over columns, twice for stability; a column that vanishes stays zero. */
    static double[][] orthonormalise(double[][] columns) {
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < columns.length; j++) {
                double[] x = columns[j];
                for (int i = 0; i < j; i++) {
                    double[] y = columns[i];
                    double dot = 0;
                    for (int r = 0; r < x.length; r++) {
                        dot += x[r] * y[r];
                    }
                    for (int r = 0; r < x.length; r++) {
                        x[r] -= dot * y[r];
                    }
                }
                double norm = 0;
                for (double v : x) {
                    norm += v * v;
                }
                norm = Math.sqrt(norm);
                for (int r = 0; r < x.length; r++) {
                    x[r] = norm > 1e-12 ? x[r] / norm : 0;
                }
            }
        }
        return columns;
    }

    /** Eigenvalues of a symmetric matrix (destroyed) by cyclic Jacobi; eigenvectors into the columns of {@code v}. */
    static double[] jacobiEigen(double[][] a, double[][] v) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            Arrays.fill(v[i], 0);
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < n; i++) {
                diag += a[i][i] * a[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-22 * Math.max(diag, 1e-300)) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int r = p + 1; r < n; r++) {
                    double apr = a[p][r];
                    if (Math.abs(apr) < 1e-300) {
                        continue;
                    }
                    double theta = (a[r][r] - a[p][p]) / (2 * apr);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akr = a[k][r];
                        a[k][p] = c * akp - s * akr;
                        a[k][r] = s * akp + c * akr;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double ark = a[r][k];
                        a[p][k] = c * apk - s * ark;
                        a[r][k] = s * apk + c * ark;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkr = v[k][r];
                        v[k][p] = c * vkp - s * vkr;
                        v[k][r] = s * vkp + c * vkr;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return values;
    }
}
