package org.recblend.results;

import org.recblend.engine.eval.TopK;

/**
 * Row-normalised vectors and the cosine scans the demo runs on them. With every row of unit
 * length a cosine is a dot product, so a scan of a few thousand rows of 384 floats takes a
 * millisecond or two: brute force is fast enough for a live answer and needs no index.
 */
public final class DemoVectors {
    private final int rows;
    private final int dim;
    private final float[] values;
    private final boolean[] present;

    /** Copies and normalises {@code values} ({@code rows × dim}); a row of zeros stays absent. */
    public DemoVectors(int rows, int dim, float[] values, boolean[] present) {
        if (values.length != rows * dim) {
            throw new IllegalArgumentException("expected " + rows * dim + " values, got " + values.length);
        }
        this.rows = rows;
        this.dim = dim;
        this.values = values.clone();
        this.present = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            this.present[r] = (present == null || present[r]) && normalise(this.values, r * dim, dim);
        }
    }

    /** Normalises one row in place; false when it is all zeros. */
    static boolean normalise(float[] v, int off, int dim) {
        double s = 0;
        for (int c = 0; c < dim; c++) {
            s += (double) v[off + c] * v[off + c];
        }
        if (s == 0 || Double.isNaN(s)) {
            return false;
        }
        float inv = (float) (1 / Math.sqrt(s));
        for (int c = 0; c < dim; c++) {
            v[off + c] *= inv;
        }
        return true;
    }

    /** A normalised copy of {@code v}, or null when it is all zeros. */
    public static float[] unit(float[] v) {
        float[] out = v.clone();
        return normalise(out, 0, out.length) ? out : null;
    }

    public int rows() {
        return rows;
    }

    public int dim() {
        return dim;
    }

    public boolean present(int row) {
        return present[row];
    }

    /** A copy of row {@code r} (unit length when present). */
    public float[] row(int r) {
        float[] out = new float[dim];
        System.arraycopy(values, r * dim, out, 0, dim);
        return out;
    }

    /** The cosine of two rows; 0 when either has no vector. */
    public double cosine(int a, int b) {
        if (!present[a] || !present[b]) {
            return 0;
        }
        double dot = 0;
        int oa = a * dim;
        int ob = b * dim;
        for (int c = 0; c < dim; c++) {
            dot += (double) values[oa + c] * values[ob + c];
        }
        return clamp(dot);
    }

    /** The cosine of row {@code r} and a unit vector; 0 when the row has none. */
    public double cosine(int r, float[] unit) {
        if (!present[r]) {
            return 0;
        }
        double dot = 0;
        int o = r * dim;
        for (int c = 0; c < dim; c++) {
            dot += (double) values[o + c] * unit[c];
        }
        return clamp(dot);
    }

    /** The mean of the given rows, normalised; null when none of them has a vector. */
    public float[] meanOf(int[] rowsToAverage) {
        float[] sum = new float[dim];
        boolean any = false;
        for (int r : rowsToAverage) {
            if (!present[r]) {
                continue;
            }
            any = true;
            int o = r * dim;
            for (int c = 0; c < dim; c++) {
                sum[c] += values[o + c];
            }
        }
        return any && normalise(sum, 0, dim) ? sum : null;
    }

    /** The rows most similar to a unit vector, best first, at most {@code k}. */
    public int[] nearest(float[] unit, int k) {
        if (k <= 0) {
            return new int[0];
        }
        TopK top = new TopK(k);
        for (int r = 0; r < rows; r++) {
            if (present[r]) {
                top.offer(r, (float) cosine(r, unit));
            }
        }
        return top.sorted();
    }

    /** Rounding can push a near-duplicate's cosine a hair past 1. */
    private static double clamp(double x) {
        return Math.max(-1, Math.min(1, x));
    }
}
