package org.recblend.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.task.CancellableMonitor;
import org.recblend.task.CancelledException;
import org.recblend.testutil.PlantedData;

class EvaluatorTest {
    private static final double EPS = 1e-9;

    /** Rows given as {user, item} pairs over the given id spaces. */
    static InteractionTable rows(IdIndex users, IdIndex items, int[]... pairs) {
        InteractionTable.Builder b = InteractionTable.builder(users, items);
        for (int[] p : pairs) {
            b.add(p[0], p[1], p.length > 2 ? p[2] : 1f, InteractionTable.NO_TIME);
        }
        return b.build();
    }

    static Split split(IdIndex users, IdIndex items, InteractionTable train, InteractionTable test) {
        return new Split(train, InteractionTable.empty(users, items), test);
    }

    /** One user, six items scored 6, 5, …, 1 (item 0 best); item 5 seen in training; items 1 and 3 held out. */
    private static final IdIndex U1 = IdIndex.numbered("u", 1);
    private static final IdIndex I6 = IdIndex.numbered("i", 6);
    private static final Split ONE_USER = split(U1, I6, rows(U1, I6, new int[] {0, 5}), rows(U1, I6, new int[] {0, 1}, new int[] {0, 3}));
    private static final FixedScores DESCENDING = new FixedScores(U1, I6, new float[][] {{6, 5, 4, 3, 2, 1}});

    @Test
    void rankingMetricsOfOneUserByHand() {
        EvaluationResult r = Evaluator.evaluate(DESCENDING, ONE_USER, EvalOptions.defaults().withKs(1, 3, 5));
        // top 3 after removing seen item 5: 0, 1, 2 -> one hit at rank 2
        assertThat(r.value(MetricNames.PRECISION, 3)).isCloseTo(1 / 3.0, within(EPS));
        assertThat(r.value(MetricNames.RECALL, 3)).isCloseTo(0.5, within(EPS));
        double dcg = 1 / log2(3);
        assertThat(r.value(MetricNames.NDCG, 3)).isCloseTo(dcg / (1 + dcg), within(EPS));
        assertThat(r.value(MetricNames.MAP, 3)).isCloseTo(0.5 / 2, within(EPS));
        assertThat(r.value(MetricNames.MRR, 3)).isCloseTo(0.5, within(EPS));
        assertThat(r.value(MetricNames.HIT_RATE, 3)).isEqualTo(1);
        assertThat(r.value(MetricNames.HIT_RATE, 1)).isEqualTo(0);
        assertThat(r.value(MetricNames.NDCG, 1)).isEqualTo(0);
        // top 5: 0,1,2,3,4 -> hits at ranks 2 and 4
        assertThat(r.value(MetricNames.NDCG, 5)).isCloseTo((1 / log2(3) + 1 / log2(5)) / (1 + 1 / log2(3)), within(EPS));
        assertThat(r.value(MetricNames.MAP, 5)).isCloseTo((1 / 2.0 + 2 / 4.0) / 2, within(EPS));
        assertThat(r.value(MetricNames.PRECISION, 5)).isCloseTo(0.4, within(EPS));
        assertThat(r.value(MetricNames.RECALL, 5)).isCloseTo(1, within(EPS));
        // positives 1 and 3 against negatives 0, 2, 4: (1 beats 2, 4) + (3 beats 4) = 3 of 6 pairs
        assertThat(r.value(MetricNames.AUC, 0)).isCloseTo(0.5, within(EPS));
        assertThat(r.evaluatedUsers()).isEqualTo(1);
    }

    @Test
    void curvesHoldEveryKUpToFiftyWhateverTheCutOffs() {
        EvaluationResult r = Evaluator.evaluate(DESCENDING, ONE_USER, EvalOptions.defaults().withKs(3));
        assertThat(r.curveNames()).containsExactly(MetricNames.NDCG, MetricNames.RECALL);
        double[] ndcg = r.curve(MetricNames.NDCG);
        double[] recall = r.curve(MetricNames.RECALL);
        assertThat(ndcg).hasSize(Evaluator.CURVE_MAX_K);
        EvaluationResult all = Evaluator.evaluate(DESCENDING, ONE_USER, EvalOptions.defaults().withKs(1, 2, 3, 4, 5, 6, 50));
        for (int k : new int[] {1, 2, 3, 4, 5, 6, 50}) {
            assertThat(ndcg[k - 1]).as("ndcg@" + k).isCloseTo(all.value(MetricNames.NDCG, k), within(EPS));
            assertThat(recall[k - 1]).as("recall@" + k).isCloseTo(all.value(MetricNames.RECALL, k), within(EPS));
        }
        // five candidates only (item 5 is seen): from K = 5 on nothing changes
        assertThat(recall[49]).isEqualTo(1);
        assertThat(ndcg[49]).isEqualTo(ndcg[4]);
    }

    @Test
    void catalogueMetricsByHand() {
        EvaluationResult r = Evaluator.evaluate(DESCENDING, ONE_USER, EvalOptions.defaults().withKs(3));
        assertThat(r.value(MetricNames.COVERAGE, 3)).isCloseTo(0.5, within(EPS));
        // counts 1,1,1,0,0,0 -> Gini 0.5
        assertThat(r.value(MetricNames.GINI, 3)).isCloseTo(0.5, within(EPS));
        // items 0..2 have no training row: share max(0,1)/1 user = 1 -> self-information 0
        assertThat(r.value(MetricNames.NOVELTY, 3)).isCloseTo(0, within(EPS));
    }

    @Test
    void seenItemsStayWhenAsked() {
        EvaluationResult r = Evaluator.evaluate(new FixedScores(U1, I6, new float[][] {{1, 5, 4, 3, 2, 6}}), ONE_USER,
                EvalOptions.defaults().withKs(1).withExcludeSeen(false));
        assertThat(r.value(MetricNames.HIT_RATE, 1)).isEqualTo(0);
        EvaluationResult excluded = Evaluator.evaluate(new FixedScores(U1, I6, new float[][] {{1, 5, 4, 3, 2, 6}}), ONE_USER,
                EvalOptions.defaults().withKs(1));
        assertThat(excluded.value(MetricNames.HIT_RATE, 1)).isEqualTo(1);
    }

    @Test
    void giniOfKnownDistributions() {
        assertThat(Evaluator.gini(new long[] {5, 5, 5, 5})).isEqualTo(0);
        assertThat(Evaluator.gini(new long[] {0, 0, 0, 8})).isCloseTo(0.75, within(EPS));
        // 1,2,3,4: sum (2i-n-1)x = -3*1 -1*2 +1*3 +3*4 = 10; 10 / (4*10) = 0.25
        assertThat(Evaluator.gini(new long[] {4, 1, 3, 2})).isCloseTo(0.25, within(EPS));
        assertThat(Evaluator.gini(new long[] {0, 0})).isEqualTo(0);
    }

    @Test
    void tiedScoresCountHalfInAuc() {
        // all scores equal: every pair is a tie, AUC 0.5; rank order falls back to item index
        FixedScores flat = new FixedScores(U1, I6, new float[][] {{1, 1, 1, 1, 1, 1}});
        EvaluationResult r = Evaluator.evaluate(flat, ONE_USER, EvalOptions.defaults().withKs(2));
        assertThat(r.value(MetricNames.AUC, 0)).isCloseTo(0.5, within(EPS));
        assertThat(r.value(MetricNames.PRECISION, 2)).isCloseTo(0.5, within(EPS));
    }

    /** Three users with 2, 8 and 25 training rows fall in the three activity segments. */
    @Test
    void userSegmentsByTrainingActivity() {
        IdIndex users = IdIndex.numbered("u", 3);
        IdIndex items = IdIndex.numbered("i", 40);
        InteractionTable.Builder train = InteractionTable.builder(users, items);
        int[] counts = {2, 8, 25};
        for (int u = 0; u < 3; u++) {
            for (int i = 0; i < counts[u]; i++) {
                train.add(u, i, 1, InteractionTable.NO_TIME);
            }
        }
        // each user's held-out item is 30; user 0 ranks it first, the others last
        InteractionTable test = rows(users, items, new int[] {0, 30}, new int[] {1, 30}, new int[] {2, 30});
        float[][] table = new float[3][40];
        for (int u = 0; u < 3; u++) {
            for (int i = 0; i < 40; i++) {
                table[u][i] = 40 - i;
            }
        }
        table[0][30] = 100;
        table[1][30] = -1;
        table[2][30] = -1;
        EvaluationResult r = Evaluator.evaluate(new FixedScores(users, items, table), split(users, items, train.build(), test),
                EvalOptions.defaults().withKs(10));
        assertThat(r.value(MetricNames.HIT_RATE, 10, MetricNames.USERS_LT5)).isEqualTo(1);
        assertThat(r.value(MetricNames.HIT_RATE, 10, MetricNames.USERS_5_20)).isEqualTo(0);
        assertThat(r.value(MetricNames.HIT_RATE, 10, MetricNames.USERS_GT20)).isEqualTo(0);
        assertThat(r.value(MetricNames.USERS, 0, MetricNames.USERS_GT20)).isEqualTo(1);
        assertThat(r.value(MetricNames.HIT_RATE, 10)).isCloseTo(1 / 3.0, within(EPS));
        double[] perUser = r.perUser(MetricNames.NDCG, 10);
        assertThat(perUser).containsExactly(1, 0, 0);
        // items 25..39 have no training rows: cold; item 30 ranks first of them only for user 0
        assertThat(r.value(MetricNames.USERS, 0, MetricNames.COLD_ITEMS)).isEqualTo(3);
        assertThat(r.value(MetricNames.NDCG, 10, MetricNames.COLD_ITEMS)).isCloseTo(1 / 3.0, within(EPS));
        assertThat(r.value(MetricNames.AUC, 0, MetricNames.COLD_ITEMS)).isCloseTo(1 / 3.0, within(EPS));
    }

    @Test
    void usersWithoutHeldOutItemsAreNotEvaluated() {
        IdIndex users = IdIndex.numbered("u", 2);
        Split s = split(users, I6, rows(users, I6, new int[] {0, 0}, new int[] {1, 0}), rows(users, I6, new int[] {0, 1}));
        EvaluationResult r = Evaluator.evaluate(new FixedScores(users, I6, new float[][] {{0, 1, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}}), s,
                EvalOptions.defaults().withKs(1));
        assertThat(r.evaluatedUsers()).isEqualTo(1);
        assertThat(r.value(MetricNames.PRECISION, 1)).isEqualTo(1);
        assertThat(r.perUser(MetricNames.PRECISION, 1)[1]).isNaN();
    }

    @Test
    void ratingMetricsForRatingPredictors() {
        record Rated(IdIndex users, IdIndex items) implements org.recblend.engine.Recommender, RatingPredictor {
            public String kind() {
                return "rated";
            }

            public void score(int user, float[] out) {
                java.util.Arrays.fill(out, 0);
            }

            public float predictRating(int user, int item) {
                return 3;
            }
        }
        Split s = split(U1, I6, rows(U1, I6, new int[] {0, 0, 4}), rows(U1, I6, new int[] {0, 1, 5}, new int[] {0, 2, 2}));
        EvaluationResult r = Evaluator.evaluate(new Rated(U1, I6), s, EvalOptions.defaults().withKs(1));
        // errors -2 and +1
        assertThat(r.value(MetricNames.RMSE, 0)).isCloseTo(Math.sqrt(2.5), within(1e-6));
        assertThat(r.value(MetricNames.MAE, 0)).isCloseTo(1.5, within(1e-6));
        assertThat(Evaluator.evaluate(DESCENDING, ONE_USER).find(MetricNames.RMSE, 0, MetricNames.ALL)).isEmpty();
    }

    @Test
    void sameResultOnOneThreadAndMany() {
        Split s = PlantedData.generate(300, 120, 7).split();
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        float[][] table = new float[300][120];
        for (float[] row : table) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextInt(20);
            }
        }
        FixedScores noisy = new FixedScores(s.train().users(), s.train().items(), table);
        EvaluationResult one = Evaluator.evaluate(noisy, s, EvalOptions.defaults().withThreads(1));
        EvaluationResult four = Evaluator.evaluate(noisy, s, EvalOptions.defaults().withThreads(4));
        assertThat(four).isEqualTo(one);
    }

    @Test
    void refusesAModelOfAnotherItemSpace() {
        FixedScores wrong = new FixedScores(U1, IdIndex.numbered("i", 5), new float[][] {{1, 2, 3, 4, 5}});
        assertThatThrownBy(() -> Evaluator.evaluate(wrong, ONE_USER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scores 5 items but the split has 6");
    }

    @Test
    void stopsWhenCancelled() {
        CancellableMonitor monitor = new CancellableMonitor();
        monitor.cancel();
        assertThatThrownBy(() -> Evaluator.evaluate(DESCENDING, ONE_USER, EvalOptions.defaults(), monitor))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void optionsRejectBadCutOffs() {
        assertThatThrownBy(() -> new EvalOptions(List.of(0), EvalOptions.Target.TEST, true, 1))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new EvalOptions(List.of(), EvalOptions.Target.TEST, true, 1))
                .hasMessageContaining("at least one cut-off");
    }

    @Test
    void comparesTwoEvaluationsUserByUser() {
        IdIndex users = IdIndex.numbered("u", 3);
        Split s = split(users, I6, rows(users, I6, new int[] {0, 5}, new int[] {1, 5}, new int[] {2, 5}),
                rows(users, I6, new int[] {0, 0}, new int[] {1, 1}, new int[] {2, 2}));
        // A ranks each user's held-out item first; B ranks item 4 first, then 0, 1, 2, 3
        float[][] a = {{9, 1, 1, 1, 1, 0}, {1, 9, 1, 1, 1, 0}, {1, 1, 9, 1, 1, 0}};
        float[][] b = {{4, 3, 2, 1, 5, 0}, {4, 3, 2, 1, 5, 0}, {4, 3, 2, 1, 5, 0}};
        EvaluationResult ra = Evaluator.evaluate(new FixedScores(users, I6, a), s, EvalOptions.defaults().withKs(1));
        EvaluationResult rb = Evaluator.evaluate(new FixedScores(users, I6, b), s, EvalOptions.defaults().withKs(1));
        WilcoxonSignedRank.Result r = ra.compareWith(rb, "ndcg@1");
        // NDCG@1: A = 1, 1, 1; B = 0, 0, 0 -> three positive differences of equal size
        assertThat(r.pairs()).isEqualTo(3);
        assertThat(r.wPlus()).isEqualTo(6);
        assertThat(r.meanDiff()).isEqualTo(1);
        assertThat(r).isEqualTo(WilcoxonSignedRank.test(ra.perUser("ndcg@1"), rb.perUser("ndcg@1")));
        assertThatThrownBy(() -> ra.compareWith(Evaluator.evaluate(DESCENDING, ONE_USER), "ndcg@1"))
                .hasMessageContaining("different users");
        assertThatThrownBy(() -> ra.perUser("ndcg@7")).hasMessageContaining("No per-user values for ndcg@7");
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
