package org.recblend.engine;

import org.recblend.sample.PlantedData;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recblend.domain.Split;
import org.recblend.engine.model.DeepModel;
import org.recblend.engine.model.FactorRecommender;
import org.recblend.engine.model.MatrixFactorization;
import org.recblend.engine.model.NeuMF;
import org.recblend.engine.train.HoldoutMetrics;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.engine.train.TrainingLoop;
import org.recblend.engine.train.TrainingOutcome;
import org.recblend.engine.train.TrainingSettings;
import org.recblend.task.TaskMonitor;

/** Every learned model beats popularity on data with planted tastes; seeds repeat exactly. */
class PlantedModelsTest {
    static PlantedData data;
    static double popularity;

    @BeforeAll
    static void generate() {
        data = PlantedData.generate(300, 200, 25, 5, 0, 7);
        popularity = ndcg(new PopularityScorer(data.split.train()));
    }

    static double ndcg(Recommender r) {
        return HoldoutMetrics.ranking(r, data.split.train(), data.split.test(), 10, TaskMonitor.none()).ndcg();
    }

    static TrainingOutcome fit(DeepModel m, int epochs, double lr, SamplerKind sampler, long seed) {
        TrainingSettings s = new TrainingSettings(epochs, 256, lr, 0.01, sampler, seed, 0, Objective.RANKING, 10);
        return new TrainingLoop(m, s).fit(data.split.train(), null, TaskMonitor.none());
    }

    @Test
    void bprBeatsPopularityWithEitherSampler() {
        double uniform = ndcg(fit(Models.bpr(data.split, 16), 15, 0.01, SamplerKind.UNIFORM, 1).recommender());
        double popular = ndcg(fit(Models.bpr(data.split, 16), 15, 0.01, SamplerKind.POPULARITY, 1).recommender());
        assertThat(uniform).as("BPR uniform vs popularity %.3f", popularity).isGreaterThan(popularity * 1.3);
        assertThat(popular).as("BPR popularity-sampled vs popularity %.3f", popularity).isGreaterThan(popularity * 1.3);
    }

    @Test
    void neumfBeatsPopularity() {
        double n = ndcg(fit(Models.neumf(data.split), 15, 0.005, SamplerKind.UNIFORM, 1).recommender());
        assertThat(n).as("NeuMF vs popularity %.3f", popularity).isGreaterThan(popularity * 1.3);
    }

    @Test
    void hybridBeatsPopularity() {
        double h = ndcg(fit(Models.hybrid(data.split, data.items, 16, 0.3), 15, 0.01, SamplerKind.UNIFORM, 1).recommender());
        assertThat(h).as("Hybrid vs popularity %.3f", popularity).isGreaterThan(popularity * 1.3);
    }

    @Test
    void theSameSeedGivesTheSameModelAndAnotherSeedDoesNot() {
        TrainingOutcome a = fit(Models.bpr(data.split, 16), 4, 0.01, SamplerKind.UNIFORM, 5);
        TrainingOutcome b = fit(Models.bpr(data.split, 16), 4, 0.01, SamplerKind.UNIFORM, 5);
        TrainingOutcome c = fit(Models.bpr(data.split, 16), 4, 0.01, SamplerKind.UNIFORM, 6);
        assertThat(ndcg(a.recommender())).isEqualTo(ndcg(b.recommender()));
        assertThat(a.recommender().weights().get("user").data()).containsExactly(b.recommender().weights().get("user").data());
        assertThat(a.curve().get(3).trainLoss()).isEqualTo(b.curve().get(3).trainLoss());
        assertThat(c.recommender().weights().get("user").data()).isNotEqualTo(a.recommender().weights().get("user").data());
    }

    @Test
    void theRatingObjectiveFitsRatingsBetterThanTheMean() {
        Split s = data.split;
        double mean = 0;
        for (int r = 0; r < s.train().size(); r++) {
            mean += s.train().weight(r);
        }
        mean /= s.train().size();
        double baseline = 0;
        for (int r = 0; r < s.test().size(); r++) {
            baseline += Math.pow(s.test().weight(r) - mean, 2);
        }
        baseline = Math.sqrt(baseline / s.test().size());
        TrainingSettings ts = new TrainingSettings(20, 256, 0.01, 0.01, SamplerKind.UNIFORM, 1, 0, Objective.RATING, 10);
        for (DeepModel m : new DeepModel[] {
                new MatrixFactorization("mf-rating", s.train().users(), s.train().items(), 16, (float) mean),
                new NeuMF(s.train().users(), s.train().items(), 8, 8, java.util.List.of(16), (float) mean)}) {
            TrainingOutcome o = new TrainingLoop(m, ts).fit(s.train(), null, TaskMonitor.none());
            HoldoutMetrics.Rating r = HoldoutMetrics.rating(o.recommender(), s.test(), TaskMonitor.none());
            assertThat(r.rmse()).as(m.kind() + " RMSE vs the mean's %.3f", baseline).isLessThan(baseline * 0.8);
            assertThat(r.mae()).isPositive().isLessThan(r.rmse() + 1e-9);
        }
    }

    @Test
    void validationDrivesEarlyStoppingAndKeepsTheBestEpoch() {
        Split s = data.split;
        // Hold out a quarter of the test rows as validation, in the same id space.
        Split withValidation = new Split(s.train(), s.test().filter(r -> r % 2 == 0), s.test().filter(r -> r % 2 == 1));
        TrainingSettings ts = new TrainingSettings(60, 256, 0.05, 0.0, SamplerKind.UNIFORM, 1, 3, Objective.RANKING, 10);
        TrainingOutcome o = new TrainingLoop(Models.bpr(withValidation, 32), ts)
                .fit(withValidation.train(), withValidation.validation(), TaskMonitor.none());
        assertThat(o.stoppedEarly()).isTrue();
        assertThat(o.curve()).hasSizeLessThan(60);
        assertThat(o.curve().size() - o.bestEpoch()).isEqualTo(3);
        double best = o.curve().get(o.bestEpoch() - 1).validMetric();
        assertThat(o.curve()).allSatisfy(r -> assertThat(r.validMetric()).isLessThanOrEqualTo(best));
        double kept = HoldoutMetrics.ranking(o.recommender(), withValidation.train(), withValidation.validation(), 10, TaskMonitor.none()).ndcg();
        assertThat(kept).isCloseTo(best, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void hybridScoresColdItemsFromTheirFeatures() {
        PlantedData cold = PlantedData.generate(300, 200, 25, 5, 40, 11);
        Split s = cold.split;
        TrainingSettings ts = new TrainingSettings(20, 256, 0.01, 0.01, SamplerKind.UNIFORM, 1, 0, Objective.RANKING, 10);
        TrainingOutcome o = new TrainingLoop(Models.hybrid(s, cold.items, 16, 0.5), ts).fit(s.train(), null, TaskMonitor.none());
        TrainingOutcome mf = new TrainingLoop(Models.bpr(s, 16), ts).fit(s.train(), null, TaskMonitor.none());
        assertThat(coldAuc(cold, o.recommender())).as("hybrid cold-item AUC").isGreaterThan(0.7);
        assertThat(coldAuc(cold, mf.recommender())).as("pure MF cold-item AUC").isLessThan(0.6);
        assertThat(((FactorRecommender) o.recommender().delegate()).itemEmbeddings().data()).isNotEmpty();
    }

    /** Among items without training rows: how often a user's held-out cold item outscores a random other cold item. */
    private static double coldAuc(PlantedData d, Recommender r) {
        int[] counts = d.split.train().itemCounts();
        int[][] held = d.split.test().rowsByUser();
        float[] scores = new float[counts.length];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        java.util.List<Integer> coldItems = new java.util.ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                coldItems.add(i);
            }
        }
        long wins = 0;
        long pairs = 0;
        for (int u = 0; u < held.length; u++) {
            r.score(u, scores);
            java.util.Set<Integer> mine = new java.util.HashSet<>();
            for (int row : held[u]) {
                mine.add(d.split.test().item(row));
            }
            for (int row : held[u]) {
                int pos = d.split.test().item(row);
                if (counts[pos] != 0) {
                    continue;
                }
                for (int t = 0; t < 20; t++) {
                    int neg = coldItems.get(rnd.nextInt(coldItems.size()));
                    if (mine.contains(neg)) {
                        continue;
                    }
                    pairs++;
                    wins += scores[pos] > scores[neg] ? 1 : 0;
                }
            }
        }
        return (double) wins / pairs;
    }
}
