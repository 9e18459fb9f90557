package org.recblend.results;

import java.util.SplittableRandom;

/**
 * Principal components of row vectors by power iteration with deflation: each component is the
 * dominant eigenvector of the covariance, found by repeating v ← Xᵀ(X v) on the centred rows, so the
 * covariance matrix is never formed (O(rows × dim) per step, also for 384-dimension text vectors).
 * Two or three components are all a map needs; a library for that would be a heavy dependency.
 *
 * @param mean        the column means that were subtracted
 * @param components  unit vectors, one per component, strongest first
 * @param variances   the variance along each component (eigenvalues of the covariance), descending
 * @param total       the total variance (trace of the covariance), for the share each component explains
 * @param coordinates the rows projected on the components: [row][component]
 */
public record ItemMapPca(double[] mean, double[][] components, double[] variances, double total, double[][] coordinates) {
    private static final int MAX_STEPS = 1000;
    private static final double TOLERANCE = 1e-10;

    /** The share of the total variance component {@code c} explains. */
    public double explained(int c) {
        return total == 0 ? 0 : variances[c] / total;
    }

    /**
     * Fits {@code count} components to the rows {@code use} selects (null: all) and projects those rows.
     *
     * @param values row-major {@code rows × dim}
     */
    public static ItemMapPca fit(float[] values, int rows, int dim, int count, int[] use, long seed) {
        int[] r = use != null ? use : java.util.stream.IntStream.range(0, rows).toArray();
        int n = r.length;
        double[] mean = new double[dim];
        for (int row : r) {
            for (int c = 0; c < dim; c++) {
                mean[c] += values[row * dim + c];
            }
        }
        for (int c = 0; c < dim; c++) {
            mean[c] /= Math.max(n, 1);
        }
        double[][] x = new double[n][dim];
        double total = 0;
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < dim; c++) {
                double v = values[r[k] * dim + c] - mean[c];
                x[k][c] = v;
                total += v * v;
            }
        }
        double denom = Math.max(n - 1, 1);
        total /= denom;
        int m = Math.min(count, dim);
        double[][] comps = new double[m][];
        double[] vars = new double[m];
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < m; c++) {
            double[] v = new double[dim];
            for (int j = 0; j < dim; j++) {
                v[j] = random.nextDouble() - 0.5;
            }
            orthogonalise(v, comps, c);
            normalise(v);
            double lambda = 0;
            for (int step = 0; step < MAX_STEPS; step++) {
                double[] w = covTimes(x, v, denom);
                orthogonalise(w, comps, c);
                double norm = normalise(w);
                double change = 0;
                for (int j = 0; j < dim; j++) {
                    change += Math.abs(w[j] - v[j]);
                }
                v = w;
                boolean converged = Math.abs(norm - lambda) <= TOLERANCE * Math.max(norm, 1e-30) && change < 1e-7;
                lambda = norm;
                if (converged || norm == 0) {
                    break;
                }
            }
            comps[c] = v;
            vars[c] = lambda;
        }
        double[][] coords = new double[n][m];
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < m; c++) {
                double s = 0;
                for (int j = 0; j < dim; j++) {
                    s += x[k][j] * comps[c][j];
                }
                coords[k][c] = s;
            }
        }
        return new ItemMapPca(mean, comps, vars, total, coords);
    }

    /** C v with C = XᵀX / denom, as Xᵀ(X v). */
    private static double[] covTimes(double[][] x, double[] v, double denom) {
        int dim = v.length;
        double[] out = new double[dim];
        for (double[] row : x) {
            double s = 0;
            for (int j = 0; j < dim; j++) {
                s += row[j] * v[j];
            }
            if (s == 0) {
                continue;
            }
            for (int j = 0; j < dim; j++) {
                out[j] += s * row[j];
            }
        }
        for (int j = 0; j < dim; j++) {
            out[j] /= denom;
        }
        return out;
    }

    /** Removes the parts along the first {@code count} components (deflation). */
    private static void orthogonalise(double[] v, double[][] comps, int count) {
        for (int c = 0; c < count; c++) {
            double d = 0;
            for (int j = 0; j < v.length; j++) {
                d += v[j] * comps[c][j];
            }
            for (int j = 0; j < v.length; j++) {
                v[j] -= d * comps[c][j];
            }
        }
    }

    private static double normalise(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        double n = Math.sqrt(s);
        if (n > 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] /= n;
            }
        }
        return n;
    }
}
