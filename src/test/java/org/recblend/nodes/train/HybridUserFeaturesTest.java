package org.recblend.nodes.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.engine.Recommender;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.classic.PopularityRecommender;
import org.recblend.engine.feature.FeatureBlock;
import org.recblend.engine.feature.FeatureSet;
import org.recblend.engine.model.FloatMatrix;
import org.recblend.engine.train.HoldoutMetrics;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.nodes.TestContext;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortTypes;
import org.recblend.task.TaskMonitor;

/**
 * The Hybrid node's user-feature input: on generated data where a user attribute (an occupation)
 * decides which group of items the user likes, the feature lets the model rank cold users (no
 * training rows) and users with one training row far better than the same model without it.
 */
class HybridUserFeaturesTest {
    static final int USERS = 360;
    static final int ITEMS = 120;
    static final int GROUPS = 4;
    static final int COLD = 60;
    static final int SPARSE = 60;

    static Split split;
    static FeatureSet occupations;
    static boolean[] cold;
    static boolean[] sparse;

    @BeforeAll
    static void generate() {
        SplittableRandom r = new SplittableRandom(17);
        IdIndex users = IdIndex.numbered("u", USERS);
        IdIndex items = IdIndex.numbered("i", ITEMS);
        int[] itemGroup = new int[ITEMS];
        double[] pop = new double[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            itemGroup[i] = i % GROUPS;
            pop[i] = Math.pow(r.nextDouble(), 2) + 0.05;
        }
        cold = new boolean[USERS];
        sparse = new boolean[USERS];
        float[] oneHot = new float[USERS * GROUPS];
        InteractionTable.Builder train = InteractionTable.builder(users, items);
        InteractionTable.Builder test = InteractionTable.builder(users, items);
        for (int u = 0; u < USERS; u++) {
            int g = r.nextInt(GROUPS);
            oneHot[u * GROUPS + g] = 1;
            cold[u] = u < COLD;
            sparse[u] = u >= COLD && u < COLD + SPARSE;
            List<Integer> chosen = new ArrayList<>();
            while (chosen.size() < 16) {
                int i = r.nextInt(ITEMS);
                double accept = pop[i] * (itemGroup[i] == g ? 1.0 : 0.05);
                if (!chosen.contains(i) && r.nextDouble() < accept) {
                    chosen.add(i);
                }
            }
            for (int k = 0; k < chosen.size(); k++) {
                boolean toTrain = !cold[u] && (sparse[u] ? k < 1 : r.nextDouble() >= 0.25);
                (toTrain ? train : test).add(u, chosen.get(k), 1f, InteractionTable.NO_TIME);
            }
        }
        split = new Split(train.build(), InteractionTable.empty(users, items), test.build());
        List<String> columns = Arrays.asList("clerk", "doctor", "engineer", "artist");
        occupations = new FeatureSet(FeatureSet.Side.USER, users,
                List.of(new FeatureBlock("occupation", columns, new FloatMatrix(USERS, GROUPS, oneHot))));
    }

    @Test
    void aUserFeatureRanksColdAndSparseUsersBetter() throws Exception {
        Recommender with = train(occupations);
        Recommender without = train(null);
        Recommender popularity = PopularityRecommender.train(split.train(), PopularityRecommender.Measure.USERS);

        double coldWith = ndcg(with, cold);
        double coldWithout = ndcg(without, cold);
        double coldPopularity = ndcg(popularity, cold);
        assertThat(coldWith).as("cold users: with the occupation %.3f vs without %.3f", coldWith, coldWithout)
                .isGreaterThan(coldWithout * 1.5);
        assertThat(coldWith).as("cold users vs popularity %.3f", coldPopularity).isGreaterThan(coldPopularity * 1.5);

        double sparseWith = ndcg(with, sparse);
        double sparseWithout = ndcg(without, sparse);
        assertThat(sparseWith).as("users with one training row: with %.3f vs without %.3f", sparseWith, sparseWithout)
                .isGreaterThan(sparseWithout * 1.05);
    }

    @Test
    void theNodeLogsTheUserFeatureColumns() throws Exception {
        TestContext ctx = new TestContext();
        run(occupations, 1, ctx);
        assertThat(ctx.log).anyMatch(l -> l.equals("hybrid features: items none, users 4 columns [occupation(4)]"));
    }

    private static Recommender train(FeatureSet userFeatures) throws Exception {
        return run(userFeatures, 15, new TestContext());
    }

    private static Recommender run(FeatureSet userFeatures, int epochs, TestContext ctx) throws Exception {
        HybridTrain kind = new HybridTrain();
        HybridTrain.Settings s = new HybridTrain.Settings(16, epochs, 256, 0.01, 0.01, 0, 1, SamplerKind.UNIFORM, 3, 0,
                Objective.RANKING);
        s.validate();
        List<PortData> in = new ArrayList<>();
        in.add(PortData.of(PortTypes.SPLIT, split));
        in.add(null);
        in.add(null);
        in.add(userFeatures == null ? null : PortData.of(FeaturePorts.FEATURE_SET, userFeatures));
        return kind.execute(s, in, ctx).get(0).as(TrainedModel.class).recommender();
    }

    /** NDCG@10 over the held-out rows of the chosen users only. */
    private static double ndcg(Recommender r, boolean[] users) {
        InteractionTable test = split.test().filter(row -> users[split.test().user(row)]);
        return HoldoutMetrics.ranking(r, split.train(), test, 10, TaskMonitor.none()).ndcg();
    }
}
