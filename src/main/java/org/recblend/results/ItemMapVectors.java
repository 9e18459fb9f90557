package org.recblend.results;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.recblend.engine.eval.TopK;

/**
 * Row vectors with their lengths, for cosine look-ups: the nearest neighbours of an item (item
 * explorer, the editor's embeddings preview) and how alike a recommendation is to what a user had
 * ("because you liked …"). A brute-force scan: a few anchors over 100,000 rows stay well under a
 * second, and callers run it off the UI thread. Rows of zeros have no direction and are skipped.
 */
public final class ItemMapVectors {
    private final float[] values;
    private final int rows;
    private final int dim;
    private final double[] norms;

    /** A neighbour: its row and cosine to the anchor. */
    public record Neighbour(int row, double cosine) {
    }

    /**
     * @param values  row-major, {@code rows × dim}
     * @param present which rows carry a vector (null: all); the others count as zero rows
     */
    public ItemMapVectors(float[] values, int rows, int dim, boolean[] present) {
        if (values.length != rows * dim) {
            throw new IllegalArgumentException(values.length + " values for " + rows + " rows of " + dim);
        }
        this.values = values;
        this.rows = rows;
        this.dim = dim;
        this.norms = new double[rows];
        for (int r = 0; r < rows; r++) {
            if (present != null && !present[r]) {
                continue;
            }
            double s = 0;
            for (int c = 0; c < dim; c++) {
                double x = values[r * dim + c];
                s += x * x;
            }
            norms[r] = Math.sqrt(s);
        }
    }

    /**
     * Model item vectors with their mean row subtracted. A trained model's item vectors share a strong
     * common direction (what makes an item popular at all), so their plain cosines are all near 1 and
     * say little about which items are alike; without the common part the cosine compares what sets
     * items apart (decision 0025). Text embeddings are compared as they are.
     */
    public static ItemMapVectors centred(float[] values, int rows, int dim) {
        double[] mean = new double[dim];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < dim; c++) {
                mean[c] += values[r * dim + c];
            }
        }
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < dim; c++) {
                out[r * dim + c] = (float) (values[r * dim + c] - mean[c] / Math.max(rows, 1));
            }
        }
        return new ItemMapVectors(out, rows, dim, null);
    }

    public int rows() {
        return rows;
    }

    public int dim() {
        return dim;
    }

    public float[] values() {
        return values;
    }

    /** Whether the row has a direction (a non-zero vector). */
    public boolean hasVector(int row) {
        return norms[row] > 0;
    }

    /** The cosine of two rows; 0 when either has no vector. */
    public double cosine(int a, int b) {
        if (norms[a] == 0 || norms[b] == 0) {
            return 0;
        }
        double dot = 0;
        int oa = a * dim;
        int ob = b * dim;
        for (int c = 0; c < dim; c++) {
            dot += (double) values[oa + c] * values[ob + c];
        }
        // rounding can push a near-duplicate's cosine a hair past 1
        return Math.max(-1, Math.min(1, dot / (norms[a] * norms[b])));
    }

    /** The {@code k} rows most alike to {@code anchor}, best first; the anchor and zero rows are left out. */
    public List<Neighbour> nearest(int anchor, int k) {
        return nearest(anchor, k, r -> true);
    }

    /** As {@link #nearest(int, int)}, among the rows {@code candidate} accepts. */
    public List<Neighbour> nearest(int anchor, int k, IntPredicate candidate) {
        if (k <= 0 || norms[anchor] == 0) {
            return List.of();
        }
        TopK top = new TopK(k);
        for (int r = 0; r < rows; r++) {
            if (r != anchor && norms[r] != 0 && candidate.test(r)) {
                top.offer(r, (float) cosine(anchor, r));
            }
        }
        List<Neighbour> out = new ArrayList<>(top.size());
        for (int r : top.sorted()) {
            out.add(new Neighbour(r, cosine(anchor, r)));
        }
        return out;
    }
}
