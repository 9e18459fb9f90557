package org.recblend.cli;

import java.util.Arrays;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.engine.Recommender;
import org.recblend.task.TaskMonitor;

/** The fusion benchmark's own ranking measures, where the evaluator's protocol (rank every unseen item) is not the one asked for. */
final class RankingMetrics {
    static final int K = 10;

    private RankingMetrics() {
    }

    /** AUC and NDCG@10 over the cold items only, and how many users they average over. */
    record Cold(double auc, double ndcg, int users, int coldItems) {
    }

    /**
     * Item cold start: the candidates are the items with held-out rows and no training row; for each
     * user with held-out cold items only those candidates are ranked, and the user's held-out cold
     * items are the relevant ones. AUC: share of (relevant, other candidate) pairs ordered right,
     * ties counting half; NDCG@10 with binary relevance.
     */
    static Cold coldItems(Recommender model, Split split, TaskMonitor monitor) {
        InteractionTable test = split.test();
        int[] trainCounts = split.train().itemCounts();
        int[] testCounts = test.itemCounts();
        int n = Math.min(model.items().size(), trainCounts.length);
        int[] cold = java.util.stream.IntStream.range(0, n).filter(i -> trainCounts[i] == 0 && testCounts[i] > 0).toArray();
        boolean[] isCold = new boolean[trainCounts.length];
        for (int i : cold) {
            isCold[i] = true;
        }
        float[] scores = new float[model.items().size()];
        int[][] byUser = test.rowsByUser();
        double aucSum = 0;
        double ndcgSum = 0;
        int users = 0;
        boolean[] relevant = new boolean[trainCounts.length];
        Integer[] order = new Integer[cold.length];
        for (int u = 0; u < byUser.length; u++) {
            if (u % 64 == 0) {
                monitor.checkCancelled();
            }
            int positives = 0;
            for (int row : byUser[u]) {
                int i = test.item(row);
                if (isCold[i] && !relevant[i]) {
                    relevant[i] = true;
                    positives++;
                }
            }
            if (positives == 0 || positives == cold.length || u >= model.users().size()) {
                clear(relevant, test, byUser[u]);
                continue;
            }
            model.score(u, scores);
            double wins = 0;
            for (int p : cold) {
                if (!relevant[p]) {
                    continue;
                }
                for (int q : cold) {
                    if (!relevant[q]) {
                        wins += scores[p] > scores[q] ? 1 : scores[p] == scores[q] ? 0.5 : 0;
                    }
                }
            }
            aucSum += wins / ((double) positives * (cold.length - positives));
            for (int k = 0; k < cold.length; k++) {
                order[k] = cold[k];
            }
            Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
            double dcg = 0;
            for (int r = 0; r < Math.min(K, order.length); r++) {
                if (relevant[order[r]]) {
                    dcg += 1 / log2(r + 2);
                }
            }
            ndcgSum += dcg / idcg(positives);
            users++;
            clear(relevant, test, byUser[u]);
        }
        return new Cold(users == 0 ? Double.NaN : aucSum / users, users == 0 ? Double.NaN : ndcgSum / users, users, cold.length);
    }

    /**
     * NDCG@10 over all items minus the user's training items, every held-out item relevant, averaged
     * separately over the users in {@code group} and the others: {@code [group, others]}.
     */
    static double[] ndcgByGroup(Recommender model, Split split, boolean[] group, TaskMonitor monitor) {
        InteractionTable train = split.train();
        InteractionTable test = split.test();
        int items = model.items().size();
        int[][] trainBy = train.rowsByUser();
        int[][] testBy = test.rowsByUser();
        float[] scores = new float[items];
        boolean[] relevant = new boolean[items];
        double[] sum = new double[2];
        int[] count = new int[2];
        for (int u = 0; u < testBy.length && u < model.users().size(); u++) {
            if (u % 64 == 0) {
                monitor.checkCancelled();
            }
            int positives = 0;
            for (int row : testBy[u]) {
                int i = test.item(row);
                if (!relevant[i]) {
                    relevant[i] = true;
                    positives++;
                }
            }
            if (positives == 0) {
                continue;
            }
            model.score(u, scores);
            for (int row : trainBy[u]) {
                scores[train.item(row)] = Float.NEGATIVE_INFINITY;
            }
            int[] top = topK(scores, K);
            double dcg = 0;
            for (int r = 0; r < top.length; r++) {
                if (relevant[top[r]] && scores[top[r]] != Float.NEGATIVE_INFINITY) {
                    dcg += 1 / log2(r + 2);
                }
            }
            int g = group[u] ? 0 : 1;
            sum[g] += dcg / idcg(positives);
            count[g]++;
            clear(relevant, test, testBy[u]);
        }
        return new double[] {count[0] == 0 ? Double.NaN : sum[0] / count[0], count[1] == 0 ? Double.NaN : sum[1] / count[1]};
    }

    private static int[] topK(float[] scores, int k) {
        int[] top = new int[Math.min(k, scores.length)];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if (size < top.length) {
                int p = size++;
                while (p > 0 && scores[top[p - 1]] < scores[i]) {
                    top[p] = top[p - 1];
                    p--;
                }
                top[p] = i;
            } else if (scores[i] > scores[top[size - 1]]) {
                int p = size - 1;
                while (p > 0 && scores[top[p - 1]] < scores[i]) {
                    top[p] = top[p - 1];
                    p--;
                }
                top[p] = i;
            }
        }
        return top;
    }

    private static void clear(boolean[] relevant, InteractionTable test, int[] rows) {
        for (int row : rows) {
            relevant[test.item(row)] = false;
        }
    }

    private static double idcg(int positives) {
        double s = 0;
        for (int r = 0; r < Math.min(K, positives); r++) {
            s += 1 / log2(r + 2);
        }
        return s;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
