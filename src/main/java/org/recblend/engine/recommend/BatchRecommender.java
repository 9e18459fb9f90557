package org.recblend.engine.recommend;

import java.util.Arrays;
import org.recblend.domain.InteractionTable;
import org.recblend.engine.Recommender;
import org.recblend.engine.Parallel;
import org.recblend.engine.eval.TopK;
import org.recblend.task.TaskMonitor;

/**
 * Scores every user of a model and keeps their top K, in parallel over users. Items the user has
 * in the {@code seen} table (usually the training part) can be left out, so lists hold only new
 * items. Ties rank the lower item index first, so lists are the same on every run.
 */
public final class BatchRecommender {
    private BatchRecommender() {
    }

    /**
     * Top-K lists for every user the model knows.
     *
     * @param seen        rows whose items are left out of each user's list when {@code excludeSeen}
     * @param excludeSeen whether to leave seen items out
     */
    public static Recommendations recommend(Recommender model, InteractionTable seen, int k, boolean excludeSeen,
                                            int threads, TaskMonitor monitor) {
        if (k < 1) {
            throw new IllegalArgumentException("K must be at least 1, got " + k);
        }
        int nUsers = model.users().size();
        int nItems = model.items().size();
        if (seen.items().size() != nItems || seen.users().size() != nUsers) {
            throw new IllegalArgumentException("The model (" + nUsers + " users, " + nItems + " items) and the seen rows ("
                    + seen.users().size() + " users, " + seen.items().size() + " items) are over different id spaces");
        }
        int[][] seenRows = excludeSeen ? seen.rowsByUser() : null;
        int[][] lists = new int[nUsers][];
        float[][] listScores = new float[nUsers][];
        Parallel.forEach(nUsers, threads, () -> {
            float[] scores = new float[nItems];
            TopK top = new TopK(k);
            float[] out = new float[k];
            return u -> {
                model.score(u, scores);
                if (seenRows != null) {
                    for (int r : seenRows[u]) {
                        scores[seen.item(r)] = Float.NaN;
                    }
                }
                top.clear();
                for (int i = 0; i < nItems; i++) {
                    if (!Float.isNaN(scores[i])) {
                        top.offer(i, scores[i]);
                    }
                }
                int[] list = top.drain(out);
                lists[u] = list;
                listScores[u] = Arrays.copyOf(out, list.length);
            };
        }, monitor, "recommending");
        int[] offsets = new int[nUsers + 1];
        for (int u = 0; u < nUsers; u++) {
            offsets[u + 1] = offsets[u] + lists[u].length;
        }
        int[] items = new int[offsets[nUsers]];
        float[] scores = new float[offsets[nUsers]];
        int[] users = new int[nUsers];
        for (int u = 0; u < nUsers; u++) {
            users[u] = u;
            System.arraycopy(lists[u], 0, items, offsets[u], lists[u].length);
            System.arraycopy(listScores[u], 0, scores, offsets[u], lists[u].length);
        }
        return new Recommendations(model.users(), model.items(), k, users, offsets, items, scores);
    }
}
