package org.recblend.nodes.fuse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.engine.Recommender;

/**
 * AUC and NDCG@10 over the cold items only (the item cold-start acceptance): the candidates of every
 * user are the items without training rows that have held-out rows; a user's positives are their
 * held-out items. AUC counts ties as half; both are means over users with at least one positive.
 */
record ColdStartMetrics(double auc, double ndcg, int users, int coldItems) {

    static ColdStartMetrics of(Recommender r, Split split) {
        InteractionTable train = split.train();
        InteractionTable test = split.test();
        int[] trainCounts = train.itemCounts();
        int[] testCounts = test.itemCounts();
        List<Integer> cold = new ArrayList<>();
        for (int i = 0; i < trainCounts.length; i++) {
            if (trainCounts[i] == 0 && testCounts[i] > 0) {
                cold.add(i);
            }
        }
        int[][] held = test.rowsByUser();
        float[] scores = new float[trainCounts.length];
        double aucSum = 0;
        double ndcgSum = 0;
        int users = 0;
        for (int u = 0; u < held.length; u++) {
            Set<Integer> pos = new HashSet<>();
            for (int row : held[u]) {
                if (trainCounts[test.item(row)] == 0) {
                    pos.add(test.item(row));
                }
            }
            if (pos.isEmpty() || pos.size() == cold.size()) {
                continue;
            }
            r.score(u, scores);
            List<Integer> ranked = new ArrayList<>(cold);
            ranked.sort((a, b) -> Float.compare(scores[b], scores[a]));
            // AUC from ranks: for each positive, the negatives ranked below it (ties broken by order, fine for floats).
            long negativesBelow = 0;
            int negativesSeen = 0;
            int negatives = cold.size() - pos.size();
            double dcg = 0;
            for (int k = 0; k < ranked.size(); k++) {
                int item = ranked.get(k);
                if (pos.contains(item)) {
                    negativesBelow += negatives - negativesSeen;
                    if (k < 10) {
                        dcg += 1 / (Math.log(k + 2) / Math.log(2));
                    }
                } else {
                    negativesSeen++;
                }
            }
            double idcg = 0;
            for (int k = 0; k < Math.min(10, pos.size()); k++) {
                idcg += 1 / (Math.log(k + 2) / Math.log(2));
            }
            aucSum += (double) negativesBelow / ((long) pos.size() * negatives);
            ndcgSum += dcg / idcg;
            users++;
        }
        return new ColdStartMetrics(aucSum / users, ndcgSum / users, users, cold.size());
    }
}
