package org.recblend.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.engine.Recommender;
import org.recblend.task.TaskMonitor;

class RankingMetricsTest {
    private static final IdIndex USERS = IdIndex.numbered("u", 2);
    private static final IdIndex ITEMS = IdIndex.numbered("i", 6);

    /** Scores fixed per item (the same for every user): item k scores {@code scores[k]}. */
    private static Recommender fixed(float... scores) {
        return new Recommender() {
            @Override
            public String kind() {
                return "fixed";
            }

            @Override
            public IdIndex users() {
                return USERS;
            }

            @Override
            public IdIndex items() {
                return ITEMS;
            }

            @Override
            public void score(int user, float[] out) {
                System.arraycopy(scores, 0, out, 0, scores.length);
            }
        };
    }

    private static InteractionTable rows(int[] user, int[] item) {
        return InteractionTable.of(USERS, ITEMS, user, item, new float[user.length], new long[user.length]);
    }

    /** Items 0-2 warm, 3-5 cold; user 0 holds out cold items 3 and 5, user 1 holds out cold item 4. */
    private static Split coldSplit() {
        return new Split(rows(new int[] {0, 1, 1}, new int[] {0, 1, 2}), InteractionTable.empty(USERS, ITEMS),
                rows(new int[] {0, 0, 1}, new int[] {3, 5, 4}));
    }

    @Test
    void coldItemsAreRankedAmongThemselvesOnly() {
        // warm items score highest but must not count; cold order 5 > 4 > 3
        RankingMetrics.Cold c = RankingMetrics.coldItems(fixed(9, 9, 9, 1, 2, 3), coldSplit(), TaskMonitor.none());
        assertThat(c.coldItems()).isEqualTo(3);
        assertThat(c.users()).isEqualTo(2);
        // user 0: positives {3, 5}, negative {4}: 5 > 4 wins, 3 < 4 loses -> 0.5; user 1: positive 4 beats 3, loses to 5 -> 0.5
        assertThat(c.auc()).isCloseTo(0.5, within(1e-12));
        // user 0: ranks 5, 4, 3 -> relevant at ranks 1 and 3; ideal ranks 1 and 2
        double user0 = (1 + 1 / log2(4)) / (1 + 1 / log2(3));
        double user1 = (1 / log2(3)) / 1;
        assertThat(c.ndcg()).isCloseTo((user0 + user1) / 2, within(1e-12));
    }

    @Test
    void tiesCountHalfAndOnlyItemsWithHeldOutRowsAreCandidates() {
        assertThat(RankingMetrics.coldItems(fixed(0, 0, 0, 1, 1, 1), coldSplit(), TaskMonitor.none()).auc()).isCloseTo(0.5, within(1e-12));
        Split oneUser = new Split(rows(new int[] {0}, new int[] {0}), InteractionTable.empty(USERS, ITEMS),
                rows(new int[] {0, 1}, new int[] {5, 3}));
        RankingMetrics.Cold c = RankingMetrics.coldItems(fixed(0, 0, 0, 1, 2, 3), oneUser, TaskMonitor.none());
        // item 4 has no held-out row, so the cold candidates are 3 and 5: user 0 ranks its 5 first (AUC 1, NDCG 1),
        // user 1 its 3 second (AUC 0, NDCG 1/log2 3)
        assertThat(c.coldItems()).isEqualTo(2);
        assertThat(c.users()).isEqualTo(2);
        assertThat(c.auc()).isCloseTo(0.5, within(1e-12));
        assertThat(c.ndcg()).isCloseTo((1 + 1 / log2(3)) / 2, within(1e-12));
    }

    @Test
    void ndcgByGroupSkipsTrainingItemsAndSeparatesTheGroups() {
        Split split = new Split(rows(new int[] {0, 1}, new int[] {5, 5}), InteractionTable.empty(USERS, ITEMS),
                rows(new int[] {0, 1}, new int[] {4, 0}));
        // item 5 scores highest but is a training item of both users; then 4, 3, 2, 1, 0
        double[] g = RankingMetrics.ndcgByGroup(fixed(0, 1, 2, 3, 4, 5), split, new boolean[] {true, false}, TaskMonitor.none());
        assertThat(g[0]).isCloseTo(1.0, within(1e-12));
        // user 1's test item 0 scores lowest of the five candidates: rank 5
        assertThat(g[1]).isCloseTo(1 / log2(6), within(1e-12));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
