package org.recblend.engine.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.engine.Recommender;
import org.recblend.engine.eval.EvalOptions;
import org.recblend.engine.eval.Evaluator;
import org.recblend.engine.eval.MetricNames;
import org.recblend.task.CancellableMonitor;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.PlantedData;

/** The classic models on generated data with planted taste groups. */
class ClassicModelsPlantedTest {
    private static final Split SPLIT = PlantedData.generate(400, 200, 11).split();

    private static double ndcg(Recommender r) {
        return Evaluator.evaluate(r, SPLIT, EvalOptions.defaults().withKs(10)).value(MetricNames.NDCG, 10);
    }

    /** Scores drawn at random once per (user, item), seeded. */
    private record RandomScores(IdIndex users, IdIndex items, long seed) implements Recommender {
        public String kind() {
            return "random";
        }

        public void score(int user, float[] out) {
            SplittableRandom r = new SplittableRandom(seed * 31 + user);
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) r.nextDouble();
            }
        }
    }

    @Test
    void popularityBeatsRandomAndLearnedModelsBeatPopularity() {
        InteractionTable train = SPLIT.train();
        double random = ndcg(new RandomScores(train.users(), train.items(), 5));
        double popularity = ndcg(PopularityRecommender.train(train, PopularityRecommender.Measure.USERS));
        double knn = ndcg(ItemKnnRecommender.train(train, 50, 10, 2, TaskMonitor.none()));
        double ease = ndcg(EaseRecommender.train(train, 50, TaskMonitor.none()));
        assertThat(popularity).isGreaterThan(random * 1.5);
        assertThat(knn).isGreaterThan(popularity * 1.1);
        assertThat(ease).isGreaterThan(popularity * 1.1);
    }

    @Test
    void popularityCountsUsersOrWeights() {
        IdIndex users = IdIndex.numbered("u", 3);
        IdIndex items = IdIndex.numbered("i", 3);
        InteractionTable t = InteractionTable.builder(users, items)
                .add(0, 0, 1, 0).add(1, 0, 1, 0).add(2, 1, 5, 0).add(2, 1, 5, 1).build();
        float[] out = new float[3];
        PopularityRecommender.train(t, PopularityRecommender.Measure.USERS).score(0, out);
        assertThat(out).containsExactly(2, 1, 0);
        PopularityRecommender.train(t, PopularityRecommender.Measure.WEIGHT_SUM).score(0, out);
        assertThat(out).containsExactly(2, 10, 0);
    }

    /** Items 0 and 1 share both users, item 2 one of them: cosine 2/(√(2·2)+s) and 1/(√(2·1)+s). */
    @Test
    void itemKnnSimilarityIsShrunkCosine() {
        IdIndex users = IdIndex.numbered("u", 2);
        IdIndex items = IdIndex.numbered("i", 3);
        InteractionTable t = InteractionTable.builder(users, items)
                .add(0, 0, 1, 0).add(0, 1, 1, 0).add(1, 0, 1, 0).add(1, 1, 1, 0).add(1, 2, 1, 0).build();
        ItemKnnRecommender knn = ItemKnnRecommender.train(t, 5, 1, 1, TaskMonitor.none());
        assertThat(knn.neighbours(0)).containsExactly(1, 2);
        assertThat(knn.similarities(0)[0]).isEqualTo((float) (2 / (2 + 1.0)));
        assertThat(knn.similarities(0)[1]).isEqualTo((float) (1 / (Math.sqrt(2) + 1)));
        // user 0 has items 0 and 1: item 2 gets sim(0,2) + sim(1,2)
        float[] out = new float[3];
        knn.score(0, out);
        assertThat(out[2]).isEqualTo((float) (2 / (Math.sqrt(2) + 1)), org.assertj.core.api.Assertions.within(1e-6f));
        assertThat(ItemKnnRecommender.train(t, 1, 0, 1, TaskMonitor.none()).neighbours(0)).containsExactly(1);
    }

    /** With one user holding items 0 and 1: G = [[1+λ, 1], [1, 1+λ]]; B[0][1] = −P01/P11 = 1/(1+λ). */
    @Test
    void easeWeightsMatchTheClosedForm() {
        IdIndex users = IdIndex.numbered("u", 1);
        IdIndex items = IdIndex.numbered("i", 3);
        InteractionTable t = InteractionTable.builder(users, items).add(0, 0, 1, 0).add(0, 1, 1, 0).build();
        EaseRecommender ease = EaseRecommender.train(t, 2, TaskMonitor.none());
        assertThat(ease.weight(0, 1)).isCloseTo(1 / 3f, org.assertj.core.api.Assertions.within(1e-6f));
        assertThat(ease.weight(1, 0)).isCloseTo(1 / 3f, org.assertj.core.api.Assertions.within(1e-6f));
        assertThat(ease.weight(0, 0)).isZero();
        assertThat(ease.weight(0, 2)).isZero();
    }

    /** On a random matrix, B must satisfy (XᵀX + λI)·B = (XᵀX + λI) − diag(…) off the diagonal: check against direct G·B. */
    @Test
    void easeSolvesTheNormalEquations() {
        InteractionTable train = PlantedData.generate(60, 30, 3).split().train();
        double lambda = 5;
        EaseRecommender ease = EaseRecommender.train(train, lambda, TaskMonitor.none());
        int n = 30;
        double[][] g = new double[n][n];
        UserItems ui = UserItems.of(train);
        for (int u = 0; u < ui.users(); u++) {
            for (int a : ui.items(u)) {
                for (int b : ui.items(u)) {
                    g[a][b]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            g[i][i] += lambda;
        }
        // EASE's stationarity: (G·B)[a][b] = G[a][b] for a ≠ b, since G·B = G − G·P·D = G − D (P = G⁻¹)
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a == b) {
                    continue;
                }
                double gb = 0;
                for (int k = 0; k < n; k++) {
                    gb += g[a][k] * ease.weight(k, b);
                }
                assertThat(gb).as("(G·B)[%d][%d]", a, b).isCloseTo(g[a][b], org.assertj.core.api.Assertions.within(1e-3));
            }
        }
    }

    @Test
    void easeRefusesACatalogueThatDoesNotFit() {
        assertThatThrownBy(() -> EaseRecommender.checkMemory(100_000, 2L << 30))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EASE cannot train on 100,000 items")
                .hasMessageContaining("needs about 228,881 MB")
                .hasMessageContaining("only 2,048 MB")
                .hasMessageContaining("ItemKNN");
        EaseRecommender.checkMemory(1_000, 2L << 30);
    }

    /** Training runs in parallel, but every value is computed by one thread in a fixed order: two runs agree exactly. */
    @Test
    void trainingTwiceGivesIdenticalMetrics() {
        InteractionTable train = SPLIT.train();
        EvalOptions options = EvalOptions.defaults().withKs(5, 10);
        assertThat(Evaluator.evaluate(EaseRecommender.train(train, 50, TaskMonitor.none()), SPLIT, options))
                .isEqualTo(Evaluator.evaluate(EaseRecommender.train(train, 50, TaskMonitor.none()), SPLIT, options));
        assertThat(Evaluator.evaluate(ItemKnnRecommender.train(train, 20, 5, 2, TaskMonitor.none()), SPLIT, options))
                .isEqualTo(Evaluator.evaluate(ItemKnnRecommender.train(train, 20, 5, 1, TaskMonitor.none()), SPLIT, options));
    }

    @Test
    void trainingStopsWhenCancelled() {
        CancellableMonitor cancelled = new CancellableMonitor();
        cancelled.cancel();
        assertThatThrownBy(() -> EaseRecommender.train(SPLIT.train(), 10, cancelled)).isInstanceOf(CancelledException.class);
        assertThatThrownBy(() -> ItemKnnRecommender.train(SPLIT.train(), 10, 0, 2, cancelled)).isInstanceOf(CancelledException.class);
    }
}
