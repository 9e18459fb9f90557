package org.recblend.encode;

import java.util.SplittableRandom;

/**
 * The top right singular vectors of a sparse matrix by randomized SVD (Halko, Martinsson and Tropp
 * 2011): a seeded Gaussian sketch, a few power iterations with re-orthonormalisation, then the exact SVD
 * of the small projected matrix (through a Jacobi eigen-decomposition). Deterministic for a seed.
 */
final class RandomizedSvd {
    private static final int OVERSAMPLE = 10;
    private static final int POWER_ITERATIONS = 4;

    private RandomizedSvd() {
    }

    /** A sparse matrix in compressed rows: row r holds columns {@code cols[start[r]..start[r+1])}. */
    record Csr(int rows, int cols, int[] start, int[] col, double[] val) {
    }

    /**
     * The first {@code k} right singular vectors as a {@code cols × k} row-major array (columns past the
     * matrix's rank are zero), each with its largest entry positive.
     */
    static double[] rightVectors(Csr x, int k, long seed, org.recblend.task.TaskMonitor monitor) {
        int l = Math.min(k + OVERSAMPLE, Math.min(x.rows(), x.cols()));
        if (l == 0) {
            return new double[x.cols() * k];
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] omega = new double[x.cols() * l];
        for (int i = 0; i < omega.length; i++) {
            omega[i] = gaussian(random);
        }
        double[] y = times(x, omega, l);
        orthonormalise(y, x.rows(), l);
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            monitor.checkCancelled();
            double[] z = transposeTimes(x, y, l);
            orthonormalise(z, x.cols(), l);
            y = times(x, z, l);
            orthonormalise(y, x.rows(), l);
        }
        // B = Qᵀ X is l × cols; its right singular vectors are those of X (within the sketch)
        double[] bt = transposeTimes(x, y, l); // cols × l, = Bᵀ
        double[] bbt = new double[l * l];
        for (int c = 0; c < x.cols(); c++) {
            int base = c * l;
            for (int i = 0; i < l; i++) {
                double v = bt[base + i];
                if (v == 0) {
                    continue;
                }
                for (int j = i; j < l; j++) {
                    bbt[i * l + j] += v * bt[base + j];
                }
            }
        }
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < i; j++) {
                bbt[i * l + j] = bbt[j * l + i];
            }
        }
        double[] eigenvectors = new double[l * l];
        double[] eigenvalues = jacobi(bbt, l, eigenvectors);
        Integer[] order = new Integer[l];
        for (int i = 0; i < l; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(eigenvalues[b], eigenvalues[a]));
        double[] v = new double[x.cols() * k];
        for (int comp = 0; comp < Math.min(k, l); comp++) {
            int e = order[comp];
            double sigma = Math.sqrt(Math.max(eigenvalues[e], 0));
            if (sigma < 1e-10) {
                continue;
            }
            // w = Bᵀ u / σ
            double maxAbs = 0;
            int argMax = 0;
            for (int c = 0; c < x.cols(); c++) {
                double s = 0;
                for (int i = 0; i < l; i++) {
                    s += bt[c * l + i] * eigenvectors[i * l + e];
                }
                s /= sigma;
                v[c * k + comp] = s;
                if (Math.abs(s) > maxAbs) {
                    maxAbs = Math.abs(s);
                    argMax = c;
                }
            }
            if (v[argMax * k + comp] < 0) {
                for (int c = 0; c < x.cols(); c++) {
                    v[c * k + comp] = -v[c * k + comp];
                }
            }
        }
        return v;
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-300))) * Math.cos(2 * Math.PI * u2);
    }

    /** X · M, M being {@code cols × l} row-major; the result is {@code rows × l}. */
    static double[] times(Csr x, double[] m, int l) {
        double[] out = new double[x.rows() * l];
        for (int r = 0; r < x.rows(); r++) {
            int o = r * l;
            for (int p = x.start()[r]; p < x.start()[r + 1]; p++) {
                double v = x.val()[p];
                int base = x.col()[p] * l;
                for (int j = 0; j < l; j++) {
                    out[o + j] += v * m[base + j];
                }
            }
        }
        return out;
    }

    /** Xᵀ · M, M being {@code rows × l}; the result is {@code cols × l}. */
    static double[] transposeTimes(Csr x, double[] m, int l) {
        double[] out = new double[x.cols() * l];
        for (int r = 0; r < x.rows(); r++) {
            int base = r * l;
            for (int p = x.start()[r]; p < x.start()[r + 1]; p++) {
                double v = x.val()[p];
                int o = x.col()[p] * l;
                for (int j = 0; j < l; j++) {
                    out[o + j] += v * m[base + j];
                }
            }
        }
        return out;
    }

    /** Modified Gram-Schmidt on the {@code l} columns of a {@code n × l} row-major matrix; dependent columns become zero. */
    static void orthonormalise(double[] a, int n, int l) {
        for (int j = 0; j < l; j++) {
            for (int i = 0; i < j; i++) {
                double dot = 0;
                for (int r = 0; r < n; r++) {
                    dot += a[r * l + i] * a[r * l + j];
                }
                if (dot != 0) {
                    for (int r = 0; r < n; r++) {
                        a[r * l + j] -= dot * a[r * l + i];
                    }
                }
            }
            double norm = 0;
            for (int r = 0; r < n; r++) {
                norm += a[r * l + j] * a[r * l + j];
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < n; r++) {
                a[r * l + j] = norm < 1e-12 ? 0 : a[r * l + j] / norm;
            }
        }
    }

    /** Eigenvalues of a symmetric {@code n × n} matrix (destroyed) by cyclic Jacobi; eigenvectors in the columns of {@code vectors}. */
    static double[] jacobi(double[] a, int n, double[] vectors) {
        for (int i = 0; i < n; i++) {
            vectors[i * n + i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double v = a[i * n + j] * a[i * n + j];
                    total += v;
                    off += i != j ? v : 0;
                }
            }
            if (off <= 1e-22 * Math.max(total, 1e-300)) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p * n + q];
                    if (Math.abs(apq) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k * n + p];
                        double akq = a[k * n + q];
                        a[k * n + p] = c * akp - s * akq;
                        a[k * n + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p * n + k];
                        double aqk = a[q * n + k];
                        a[p * n + k] = c * apk - s * aqk;
                        a[q * n + k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = vectors[k * n + p];
                        double vkq = vectors[k * n + q];
                        vectors[k * n + p] = c * vkp - s * vkq;
                        vectors[k * n + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i * n + i];
        }
        return values;
    }
}
