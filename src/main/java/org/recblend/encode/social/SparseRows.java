package org.recblend.encode.social;

import java.util.Arrays;

/**
 * A sparse matrix in compressed rows (rows × cols), columns sorted within a row. Small and
 * immutable; just what profile aggregation and the truncated SVD need.
 */
public final class SparseRows {
    private final int rows;
    private final int cols;
    private final int[] offsets;
    private final int[] index;
    private final float[] value;

    SparseRows(int rows, int cols, int[] offsets, int[] index, float[] value) {
        if (offsets.length != rows + 1 || index.length != value.length || offsets[rows] != index.length) {
            throw new IllegalArgumentException("Inconsistent sparse rows");
        }
        this.rows = rows;
        this.cols = cols;
        this.offsets = offsets;
        this.index = index;
        this.value = value;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Stored entries over all rows. */
    public int nonZeros() {
        return index.length;
    }

    public int rowSize(int row) {
        return offsets[row + 1] - offsets[row];
    }

    /** The column of the k-th entry of a row. */
    public int col(int row, int k) {
        return index[offsets[row] + k];
    }

    public float value(int row, int k) {
        return value[offsets[row] + k];
    }

    /** Row {@code row} as a dense vector of length {@code cols()}, written into {@code out}. */
    public void denseRow(int row, float[] out) {
        Arrays.fill(out, 0f);
        for (int p = offsets[row]; p < offsets[row + 1]; p++) {
            out[index[p]] = value[p];
        }
    }

    /** {@code this × x}: x is cols × k column-major ({@code x[c]} is column c, length cols), result rows × k. */
    double[][] times(double[][] x) {
        int k = x.length;
        double[][] y = new double[k][rows];
        for (int r = 0; r < rows; r++) {
            for (int p = offsets[r]; p < offsets[r + 1]; p++) {
                int c = index[p];
                double v = value[p];
                for (int j = 0; j < k; j++) {
                    y[j][r] += v * x[j][c];
                }
            }
        }
        return y;
    }

    /** {@code this^T × y}: y is rows × k column-major, result cols × k. */
    double[][] transposeTimes(double[][] y) {
        int k = y.length;
        double[][] x = new double[k][cols];
        for (int r = 0; r < rows; r++) {
            for (int p = offsets[r]; p < offsets[r + 1]; p++) {
                int c = index[p];
                double v = value[p];
                for (int j = 0; j < k; j++) {
                    x[j][c] += v * y[j][r];
                }
            }
        }
        return x;
    }

    /** Collects entries row by row; a row's entries may come in any order and repeat (they are summed). */
    static final class Builder {
        private final int rows;
        private final int cols;
        private final int[] offsets;
        private int[] index = new int[1024];
        private float[] value = new float[1024];
        private int size;
        private int row;

        Builder(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
            this.offsets = new int[rows + 1];
        }

        /** Ends the current row with the entries of {@code dense} at the positions {@code touched[0..count)}. */
        void row(float[] dense, int[] touched, int count) {
            Arrays.sort(touched, 0, count);
            if (size + count > index.length) {
                int c = Math.max(size + count, index.length * 2);
                index = Arrays.copyOf(index, c);
                value = Arrays.copyOf(value, c);
            }
            for (int k = 0; k < count; k++) {
                int c = touched[k];
                if (dense[c] != 0) {
                    index[size] = c;
                    value[size++] = dense[c];
                }
            }
            offsets[++row] = size;
        }

        SparseRows build() {
            if (row != rows) {
                throw new IllegalStateException(row + " of " + rows + " rows written");
            }
            return new SparseRows(rows, cols, offsets, Arrays.copyOf(index, size), Arrays.copyOf(value, size));
        }
    }
}
