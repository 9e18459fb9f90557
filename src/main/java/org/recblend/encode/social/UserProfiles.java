package org.recblend.encode.social;

import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.task.TaskMonitor;

/**
 * What each user did, as a distribution over items: the behaviour vector that social encoders
 * aggregate over friends. Repeated rows of a pair add up before weighting.
 */
public final class UserProfiles {
    /** How an interaction's weight (rating, play count) counts in a profile. */
    public enum Weighting {
        /** Every item the user touched counts once. */
        BINARY,
        /** log(1 + weight): play counts are heavy-tailed, so one obsession does not drown the rest. */
        LOG,
        /** The weight itself (non-positive weights count as absent). */
        RAW
    }

    private UserProfiles() {
    }

    /** Users × items, each non-empty row summing to 1. */
    public static SparseRows of(InteractionTable table, Weighting weighting, TaskMonitor monitor) {
        int n = table.users().size();
        int m = table.items().size();
        int[][] byUser = table.rowsByUser();
        SparseRows.Builder b = new SparseRows.Builder(n, m);
        float[] dense = new float[m];
        int[] touched = new int[m];
        for (int u = 0; u < n; u++) {
            if ((u & 0x3FF) == 0) {
                monitor.checkCancelled();
            }
            int count = 0;
            for (int r : byUser[u]) {
                int i = table.item(r);
                float w = Float.isNaN(table.weight(r)) ? 1f : table.weight(r);
                float add = weighting == Weighting.BINARY ? 1f : w;
                if (!(add > 0)) {
                    continue;
                }
                if (dense[i] == 0) {
                    touched[count++] = i;
                }
                dense[i] += add;
            }
            double sum = 0;
            for (int k = 0; k < count; k++) {
                int i = touched[k];
                dense[i] = switch (weighting) {
                    case BINARY -> 1f;
                    case LOG -> (float) Math.log1p(dense[i]);
                    case RAW -> dense[i];
                };
                sum += dense[i];
            }
            for (int k = 0; k < count; k++) {
                dense[touched[k]] = sum > 0 ? (float) (dense[touched[k]] / sum) : 0f;
            }
            b.row(dense, touched, count);
            for (int k = 0; k < count; k++) {
                dense[touched[k]] = 0;
            }
        }
        return b.build();
    }

    /**
     * Each user's profile-weighted mean of item vectors (text embeddings, item factors): a dense
     * behaviour vector. Items without a vector are left out and the weights of the rest renormalised.
     *
     * @param profiles     from {@link #of}, over {@code users} × the items of {@code itemVectors}'s space
     * @param itemVectors  item-side vectors, matched to the profile's items by external id
     */
    public static Embeddings meanOfItems(SparseRows profiles, IdIndex users, IdIndex items, Embeddings itemVectors,
                                         TaskMonitor monitor) {
        if (itemVectors.side() != Embeddings.Side.ITEM) {
            throw new IllegalArgumentException("A mean of items needs item vectors, not " + itemVectors.side() + " vectors ("
                    + itemVectors.source() + ")");
        }
        int[] rowOf = new int[items.size()];
        for (int i = 0; i < rowOf.length; i++) {
            int r = itemVectors.ids().indexOf(items.id(i));
            rowOf[i] = r >= 0 && itemVectors.present(r) ? r : -1;
        }
        int n = users.size();
        int d = itemVectors.dim();
        float[] out = new float[n * d];
        boolean[] present = new boolean[n];
        float[] src = itemVectors.values();
        for (int u = 0; u < n; u++) {
            if ((u & 0x3FF) == 0) {
                monitor.checkCancelled();
            }
            double wsum = 0;
            for (int k = 0; k < profiles.rowSize(u); k++) {
                int r = rowOf[profiles.col(u, k)];
                if (r < 0) {
                    continue;
                }
                float w = profiles.value(u, k);
                wsum += w;
                for (int c = 0; c < d; c++) {
                    out[u * d + c] += w * src[r * d + c];
                }
            }
            if (wsum > 0) {
                for (int c = 0; c < d; c++) {
                    out[u * d + c] /= (float) wsum;
                }
                present[u] = true;
            }
        }
        return new Embeddings("profile-mean(" + itemVectors.source() + ")", Embeddings.Side.USER, users, d, out, present);
    }
}
