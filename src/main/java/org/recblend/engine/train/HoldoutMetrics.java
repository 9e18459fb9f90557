package org.recblend.engine.train;

import java.util.Arrays;
import java.util.BitSet;
import org.recblend.domain.InteractionTable;
import org.recblend.engine.Parallel;
import org.recblend.engine.Recommender;
import org.recblend.task.TaskMonitor;

/**
 * The few held-out metrics the training loop needs for early stopping and for its own reports:
 * top-k ranking over all items minus the user's training items (every held-out row relevant), and
 * RMSE/MAE of predicted ratings. The full evaluator with segments lives in the evaluate stage.
 */
public final class HoldoutMetrics {
    private HoldoutMetrics() {
    }

    /** Mean NDCG, precision and recall at k over the users that have held-out rows. */
    public record Ranking(int k, double ndcg, double precision, double recall, int users) {
    }

    /** Root mean squared and mean absolute error of predicted against held-out weights. */
    public record Rating(double rmse, double mae, int rows) {
    }

    /**
     * Scored on all cores (the loop calls it every epoch, and one core took longer than the epoch on
     * Amazon Scientific's 8,442 users); per-user values are summed in user order, so the result does
     * not depend on the thread count.
     */
    public static Ranking ranking(Recommender model, InteractionTable train, InteractionTable holdout, int k, TaskMonitor monitor) {
        int[][] seen = train.rowsByUser();
        int[][] held = holdout.rowsByUser();
        int nItems = model.items().size();
        double[] ndcgs = new double[held.length];
        double[] precisions = new double[held.length];
        double[] recalls = new double[held.length];
        Parallel.forEach(held.length, Parallel.defaultThreads(), () -> {
            float[] scores = new float[nItems];
            BitSet relevant = new BitSet(nItems);
            int[] top = new int[k];
            return u -> {
                if (held[u].length == 0) {
                    return;
                }
                model.score(u, scores);
                for (int r : seen[u]) {
                    scores[train.item(r)] = Float.NEGATIVE_INFINITY;
                }
                relevant.clear();
                for (int r : held[u]) {
                    relevant.set(holdout.item(r));
                }
                int n = topK(scores, top);
                double dcg = 0;
                int hits = 0;
                for (int r = 0; r < n; r++) {
                    if (relevant.get(top[r])) {
                        dcg += 1 / log2(r + 2);
                        hits++;
                    }
                }
                int nRel = relevant.cardinality();
                double idcg = 0;
                for (int r = 0; r < Math.min(k, nRel); r++) {
                    idcg += 1 / log2(r + 2);
                }
                ndcgs[u] = dcg / idcg;
                precisions[u] = (double) hits / k;
                recalls[u] = (double) hits / nRel;
            };
        }, TaskMonitor.cancelOnly(monitor), "");
        double ndcg = 0;
        double precision = 0;
        double recall = 0;
        int users = 0;
        for (int u = 0; u < held.length; u++) {
            if (held[u].length > 0) {
                ndcg += ndcgs[u];
                precision += precisions[u];
                recall += recalls[u];
                users++;
            }
        }
        return users == 0 ? new Ranking(k, 0, 0, 0, 0) : new Ranking(k, ndcg / users, precision / users, recall / users, users);
    }

    public static Rating rating(Recommender model, InteractionTable holdout, TaskMonitor monitor) {
        int[][] held = holdout.rowsByUser();
        float[] scores = new float[model.items().size()];
        double se = 0;
        double ae = 0;
        int n = 0;
        for (int u = 0; u < held.length; u++) {
            if (held[u].length == 0) {
                continue;
            }
            monitor.checkCancelled();
            model.score(u, scores);
            for (int r : held[u]) {
                double e = scores[holdout.item(r)] - holdout.weight(r);
                se += e * e;
                ae += Math.abs(e);
                n++;
            }
        }
        return n == 0 ? new Rating(Double.NaN, Double.NaN, 0) : new Rating(Math.sqrt(se / n), ae / n, n);
    }

    /** Fills {@code top} with the indices of the highest finite scores, best first (ties: lower index); returns how many. */
    static int topK(float[] scores, int[] top) {
        int k = top.length;
        float[] best = new float[k];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (s == Float.NEGATIVE_INFINITY || (n == k && s <= best[k - 1])) {
                continue;
            }
            int pos = n < k ? n++ : k - 1;
            while (pos > 0 && best[pos - 1] < s) {
                best[pos] = best[pos - 1];
                top[pos] = top[pos - 1];
                pos--;
            }
            best[pos] = s;
            top[pos] = i;
        }
        return n;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
