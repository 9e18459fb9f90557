package org.recblend.encode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.recblend.domain.Embeddings;

/**
 * Vectors with a name for every column, as the social and context encoders make them: the
 * {@link Embeddings} flow on to the fuse stage, the column names go to the log and the inspector.
 *
 * @param embeddings one row per user or item
 * @param columns    one name per column, {@code embeddings.dim()} of them
 */
public record EncodedFeatures(Embeddings embeddings, List<String> columns) {
    public EncodedFeatures {
        Objects.requireNonNull(embeddings, "embeddings");
        columns = List.copyOf(columns);
        if (columns.size() != embeddings.dim()) {
            throw new IllegalArgumentException(embeddings.source() + ": " + columns.size() + " column names for "
                    + embeddings.dim() + " columns");
        }
    }

    /**
     * The parts side by side, in order, under a new source name; a row is present when it is
     * present in any part.
     */
    public static EncodedFeatures concat(String source, List<EncodedFeatures> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Nothing to join");
        }
        Embeddings first = parts.get(0).embeddings();
        int n = first.size();
        int width = 0;
        List<String> columns = new ArrayList<>();
        for (EncodedFeatures p : parts) {
            Embeddings e = p.embeddings();
            if (e.side() != first.side() || !e.ids().equals(first.ids())) {
                throw new IllegalArgumentException("Cannot join " + e.source() + " to " + first.source()
                        + ": different sides or id spaces");
            }
            width += e.dim();
            columns.addAll(p.columns());
        }
        float[] values = new float[n * width];
        boolean[] present = new boolean[n];
        int col = 0;
        for (EncodedFeatures p : parts) {
            Embeddings e = p.embeddings();
            int d = e.dim();
            for (int r = 0; r < n; r++) {
                System.arraycopy(e.values(), r * d, values, r * width + col, d);
                present[r] |= e.present(r);
            }
            col += d;
        }
        return new EncodedFeatures(new Embeddings(source, first.side(), first.ids(), width, values, present), columns);
    }

    /** Names {@code prefix0} … {@code prefix(n-1)}. */
    public static List<String> numbered(String prefix, int n) {
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(prefix + k);
        }
        return out;
    }
}
