package org.recblend.domain;

import java.io.Serializable;
import java.util.Objects;

/**
 * One dense vector per entity (item or user) of an id space, as produced by an encoder: text
 * embeddings, TF-IDF vectors, social or context features. Rows follow {@code ids}; an entity without
 * a vector (no text) has a row of zeros and {@code present(row)} false.
 *
 * @param source  what made the vectors, e.g. "text:minilm-l6-v2-q" or "social:friends-mean"
 * @param side    whose vectors these are
 * @param ids     the entities, one row each
 * @param dim     the vector length
 * @param values  row-major, {@code ids.size() * dim} floats
 * @param present which rows carry a vector
 */
public record Embeddings(String source, Side side, IdIndex ids, int dim, float[] values, boolean[] present)
        implements Serializable {
    /** Whose vectors these are. */
    public enum Side { USER, ITEM }

    public Embeddings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(ids, "ids");
        if (values.length != ids.size() * dim || present.length != ids.size()) {
            throw new IllegalArgumentException("Embeddings " + source + ": expected " + ids.size() + " rows of " + dim
                    + " values, got " + values.length + " values and " + present.length + " flags");
        }
    }

    public int size() {
        return ids.size();
    }

    /** A copy of row {@code row}. */
    public float[] row(int row) {
        float[] out = new float[dim];
        System.arraycopy(values, row * dim, out, 0, dim);
        return out;
    }

    public boolean present(int row) {
        return present[row];
    }

    /** How many rows carry a vector. */
    public int presentCount() {
        int n = 0;
        for (boolean p : present) {
            n += p ? 1 : 0;
        }
        return n;
    }

    /** The cosine of two rows; 0 when either is all zeros. */
    public double cosine(int a, int b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int c = 0; c < dim; c++) {
            double x = values[a * dim + c];
            double y = values[b * dim + c];
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
