package org.recblend.engine.model;

import java.io.Serializable;
import java.util.List;

/**
 * The features of one side of a two-tower model: blocks side by side in one matrix (rows follow
 * the side's id index), the name and width of every block, and how the blocks are fused.
 */
public record FusedFeatures(FloatMatrix values, List<String> sources, int[] widths, Fusion fusion) implements Serializable {
    public FusedFeatures {
        sources = List.copyOf(sources);
        if (sources.size() != widths.length) {
            throw new IllegalArgumentException(sources.size() + " source names for " + widths.length + " blocks");
        }
        int sum = 0;
        for (int w : widths) {
            sum += w;
        }
        if (sum != values.cols()) {
            throw new IllegalArgumentException("Blocks of " + sum + " columns for a matrix of " + values.cols());
        }
    }

    /** One block, concatenation: the Hybrid model as it was before per-source fusion. */
    public static FusedFeatures single(FloatMatrix values) {
        return new FusedFeatures(values, List.of("features"), new int[] {values.cols()}, Fusion.CONCAT);
    }

    public int blockCount() {
        return widths.length;
    }

    /** The first column of block {@code b}. */
    public int start(int b) {
        int s = 0;
        for (int k = 0; k < b; k++) {
            s += widths[k];
        }
        return s;
    }

    /** The same features without block {@code b} (for ablation); null when it was the only one. */
    public FusedFeatures without(int b) {
        if (widths.length == 1) {
            return null;
        }
        int rows = values.rows();
        int cols = values.cols() - widths[b];
        float[] out = new float[rows * cols];
        int skip = start(b);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            System.arraycopy(values.data(), r * values.cols(), out, o, skip);
            System.arraycopy(values.data(), r * values.cols() + skip + widths[b], out, o + skip, values.cols() - skip - widths[b]);
        }
        List<String> names = new java.util.ArrayList<>(sources);
        names.remove(b);
        int[] w = new int[widths.length - 1];
        for (int k = 0, j = 0; k < widths.length; k++) {
            if (k != b) {
                w[j++] = widths[k];
            }
        }
        return new FusedFeatures(new FloatMatrix(rows, cols, out), names, w, fusion);
    }
}
