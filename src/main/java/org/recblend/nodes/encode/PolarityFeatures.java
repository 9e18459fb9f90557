package org.recblend.nodes.encode;

import java.util.HashSet;
import java.util.Set;
import org.recblend.domain.Embeddings;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.domain.TextCorpus;
import org.recblend.task.TaskMonitor;

/**
 * Aggregates per-text polarity scores into per-user and per-item features: mean polarity, share of
 * positive texts, share of negative texts, and log(1 + number of texts). An entity without texts
 * has a row of zeros and is not present.
 */
final class PolarityFeatures {
    /** The feature columns, in order. */
    static final String[] COLUMNS = {"mean polarity", "share positive", "share negative", "log(1 + texts)"};
    /** Scores within ±THRESHOLD count as neutral. */
    static final double THRESHOLD = 0.05;

    private PolarityFeatures() {
    }

    /** The texts of {@code corpus} to score: of the chosen kinds, and not about a held-out user-item pair. */
    static boolean[] selected(TextCorpus corpus, Set<String> kinds, Split split, TaskMonitor monitor) {
        Set<Long> heldOut = split == null ? Set.of() : heldOutPairs(corpus, split);
        boolean[] keep = new boolean[corpus.size()];
        for (int r = 0; r < keep.length; r++) {
            if ((r & 0xFFFF) == 0) {
                monitor.checkCancelled();
            }
            keep[r] = (kinds.isEmpty() || kinds.contains(corpus.kind(r))) && corpus.text(r) != null
                    && !corpus.text(r).isBlank() && !heldOut.contains(pair(corpus.user(r), corpus.item(r)));
        }
        return keep;
    }

    /** The user-item pairs of the split's validation and test parts, in the corpus' id spaces. */
    private static Set<Long> heldOutPairs(TextCorpus corpus, Split split) {
        Set<Long> out = new HashSet<>();
        for (InteractionTable part : new InteractionTable[] {split.validation(), split.test()}) {
            if (part == null) {
                continue;
            }
            boolean sameSpaces = part.users().equals(corpus.users()) && part.items().equals(corpus.items());
            for (int r = 0; r < part.size(); r++) {
                int u = sameSpaces ? part.user(r) : corpus.users().indexOf(part.users().id(part.user(r)));
                int i = sameSpaces ? part.item(r) : corpus.items().indexOf(part.items().id(part.item(r)));
                if (u >= 0 && i >= 0) {
                    out.add(pair(u, i));
                }
            }
        }
        return out;
    }

    private static long pair(int user, int item) {
        return ((long) user << 32) | (item & 0xFFFFFFFFL);
    }

    /** The features of every user ({@code byUser}) or item, from the scores of the selected rows. */
    static Embeddings aggregate(String source, Embeddings.Side side, TextCorpus corpus, boolean[] keep, double[] scoreOfRow) {
        IdIndex ids = side == Embeddings.Side.USER ? corpus.users() : corpus.items();
        int n = ids.size();
        int d = COLUMNS.length;
        double[] sum = new double[n];
        int[] pos = new int[n];
        int[] neg = new int[n];
        int[] count = new int[n];
        for (int r = 0; r < keep.length; r++) {
            if (!keep[r]) {
                continue;
            }
            int e = side == Embeddings.Side.USER ? corpus.user(r) : corpus.item(r);
            double s = scoreOfRow[r];
            sum[e] += s;
            count[e]++;
            pos[e] += s > THRESHOLD ? 1 : 0;
            neg[e] += s < -THRESHOLD ? 1 : 0;
        }
        float[] values = new float[n * d];
        boolean[] present = new boolean[n];
        for (int e = 0; e < n; e++) {
            if (count[e] == 0) {
                continue;
            }
            present[e] = true;
            values[e * d] = (float) (sum[e] / count[e]);
            values[e * d + 1] = (float) pos[e] / count[e];
            values[e * d + 2] = (float) neg[e] / count[e];
            values[e * d + 3] = (float) Math.log1p(count[e]);
        }
        return new Embeddings(source, side, ids, d, values, present);
    }
}
