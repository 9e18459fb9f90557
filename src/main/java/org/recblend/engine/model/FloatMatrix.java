package org.recblend.engine.model;

import java.io.Serializable;

/**
 * A row-major matrix of floats copied out of native memory, so trained weights score in plain Java
 * and serialise with the model. A vector is a matrix with one row.
 */
public record FloatMatrix(int rows, int cols, float[] data) implements Serializable {
    public FloatMatrix {
        if (data.length != rows * cols) {
            throw new IllegalArgumentException("Expected " + rows + "x" + cols + " values, got " + data.length);
        }
    }

    /** Row {@code r} starts at this offset of {@link #data()}. */
    public int offset(int r) {
        return r * cols;
    }

    public float get(int r, int c) {
        return data[r * cols + c];
    }
}
