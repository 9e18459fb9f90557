package org.recblend.nodes.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.engine.Recommender;
import org.recblend.engine.feature.FeatureSet;
import org.recblend.engine.model.Fusion;
import org.recblend.engine.model.HybridTowers;
import org.recblend.nodes.train.HybridTrain;
import org.recblend.pipeline.PortData;

/**
 * Each fusion mode on planted data with one informative item source and one of pure noise: the
 * informative source ends with the higher gate, attention weight or contribution, the figures are
 * stored with the run, ablation shows the drop without it, and cold items rank well.
 */
class FusionModesTest {
    static FusionFixture fx;
    @TempDir
    Path dir;
    FusionFixture.RunContext ctx;

    @BeforeAll
    static void generate() {
        fx = new FusionFixture(11);
    }

    @AfterEach
    void close() {
        if (ctx != null) {
            ctx.store.close();
        }
    }

    private Map<String, Double> run(Fusion.Mode mode, Map<String, Double> weights, double coldRidge, boolean ablation) throws Exception {
        ctx = new FusionFixture.RunContext(dir);
        List<PortData> fused = fx.fuse(new FuseFeatures.Settings(mode, weights, true), fx.good, fx.noise, false, ctx);
        fx.train(FusionFixture.hybrid(coldRidge, ablation), fused.get(0).as(FeatureSet.class), fused.get(1).as(FeatureSet.class), ctx);
        return ctx.metrics("item");
    }

    @Test
    void theGateOfTheInformativeSourceEndsHigher() throws Exception {
        Map<String, Double> m = run(Fusion.Mode.GATED, Map.of(), 0, false);
        assertThat(m.get("gate:text:good")).as("gates %s", m).isGreaterThan(m.get("gate:text:noise") + 0.1);
        assertThat(m.get("contribution:text:good")).isGreaterThan(m.get("contribution:text:noise"));
        assertThat(m.get("variance-share:text:good")).isGreaterThan(0.6);
        assertThat(m.get("contribution:text:good") + m.get("contribution:text:noise")).isCloseTo(1.0,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(ctx.log).anyMatch(l -> l.startsWith("hybrid features: items 16 columns [text:good(8), text:noise(8)] fused by gated"));
    }

    @Test
    void theAttentionOnTheInformativeSourceEndsHigher() throws Exception {
        Map<String, Double> m = run(Fusion.Mode.ATTENTION, Map.of(), 0, false);
        assertThat(m.get("attention:text:good")).as("attention %s", m).isGreaterThan(0.5);
        assertThat(m.get("attention:text:good") + m.get("attention:text:noise")).isCloseTo(1.0,
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(m.get("contribution:text:good")).isGreaterThan(m.get("contribution:text:noise"));
    }

    @Test
    void concatenationAndFixedWeightsStoreTheirContributions() throws Exception {
        Map<String, Double> concat = run(Fusion.Mode.CONCAT, Map.of(), 0, false);
        assertThat(concat.get("weight:text:good")).isEqualTo(1.0);
        assertThat(concat.get("variance-share:text:good")).as("%s", concat).isGreaterThan(concat.get("variance-share:text:noise"));
        close();
        Map<String, Double> weighted = run(Fusion.Mode.WEIGHTED, Map.of("text:good", 1.0, "text:noise", 0.1), 0, false);
        assertThat(weighted.get("weight:text:noise")).isEqualTo(0.1);
        assertThat(weighted.get("contribution:text:noise")).as("%s vs concat %s", weighted, concat)
                .isLessThan(concat.get("contribution:text:noise"));
    }

    @Test
    void ablationShowsTheDropWithoutTheInformativeSource() throws Exception {
        run(Fusion.Mode.GATED, Map.of(), 0, true);
        Map<String, Double> all = ctx.metrics("all");
        Map<String, Double> m = ctx.metrics("item");
        double with = all.get("ablation:all");
        double withoutGood = m.get("ablation:without:text:good");
        double withoutNoise = m.get("ablation:without:text:noise");
        assertThat(withoutGood).as("NDCG@10 with all %.4f, without noise %.4f", with, withoutNoise).isLessThan(with * 0.95);
        assertThat(withoutGood).isLessThan(withoutNoise);
        assertThat(ctx.log).anyMatch(l -> l.startsWith("ablation: without item text:good NDCG@10"));
    }

    @Test
    void coldItemsRankWellAndTheRidgeMapDoesNotHurtThem() throws Exception {
        // A group oracle (score = the user's training share of the item's group) reaches 0.635 here; the
        // feature path alone already places cold items, so the ridge map adds little on this data.
        ctx = new FusionFixture.RunContext(dir);
        List<PortData> fused = fx.fuse(new FuseFeatures.Settings(Fusion.Mode.GATED, Map.of(), true), fx.good, fx.noise, false, ctx);
        FeatureSet items = fused.get(0).as(FeatureSet.class);
        Recommender ridge = fx.train(FusionFixture.hybrid(1.0, false), items, null, ctx);
        Recommender plain = fx.train(FusionFixture.hybrid(0, false), items, null, ctx);
        double withRidge = fx.coldAuc(ridge);
        double without = fx.coldAuc(plain);
        assertThat(withRidge).as("cold-item AUC with the ridge map (without %.3f)", without).isGreaterThan(0.7);
        assertThat(withRidge).isGreaterThanOrEqualTo(without - 0.01);
    }

    @Test
    void mappingTheWholeItemVectorAlsoPlacesColdItems() throws Exception {
        ctx = new FusionFixture.RunContext(dir);
        List<PortData> fused = fx.fuse(new FuseFeatures.Settings(Fusion.Mode.GATED, Map.of(), true), fx.good, fx.noise, false, ctx);
        FeatureSet items = fused.get(0).as(FeatureSet.class);
        Recommender whole = fx.train(FusionFixture.hybrid(1.0, false, HybridTowers.ColdTarget.WHOLE_VECTOR), items, null, ctx);
        Recommender none = fx.train(FusionFixture.hybrid(0, false, HybridTowers.ColdTarget.WHOLE_VECTOR), items, null, ctx);
        assertThat(fx.coldAuc(whole)).as("cold-item AUC, whole vectors mapped (feature path only: %.3f)", fx.coldAuc(none))
                .isGreaterThan(0.7);
        float[] a = new float[whole.items().size()];
        float[] b = new float[none.items().size()];
        whole.score(0, a);
        none.score(0, b);
        assertThat(a).as("the map changes the cold items' scores").isNotEqualTo(b);
    }

    @Test
    void theColdMapsPenaltyChosenByGcvIsLoggedAndPlacesColdItems() throws Exception {
        ctx = new FusionFixture.RunContext(dir);
        List<PortData> fused = fx.fuse(new FuseFeatures.Settings(Fusion.Mode.GATED, Map.of(), true), fx.good, fx.noise, false, ctx);
        HybridTrain.Settings s = FusionFixture.hybrid(1.0, false, HybridTowers.ColdTarget.WHOLE_VECTOR);
        HybridTrain.Settings auto = new HybridTrain.Settings(s.dim(), s.epochs(), s.batchSize(), s.learningRate(), s.regularisation(),
                s.idDropout(), s.featureRate(), s.sampler(), s.seed(), s.patience(), s.objective(), s.coldRidge(), s.ablation(),
                s.coldTarget(), false, true);
        Recommender model = fx.train(auto, fused.get(0).as(FeatureSet.class), null, ctx);
        assertThat(fx.coldAuc(model)).as("cold-item AUC, penalty by GCV").isGreaterThan(0.7);
        assertThat(ctx.log).anyMatch(l -> l.matches("cold items mapped from their features, ridge penalty [0-9.]+ × the mean"
                + " feature variance \\(chosen by GCV\\)"));
        assertThat(new HybridTrain().defaultSettings().coldRidgeAuto()).as("new nodes choose the penalty").isTrue();
    }

    @Test
    void userProfilesCarryTheItemSourcesToTheUserTower() throws Exception {
        ctx = new FusionFixture.RunContext(dir);
        List<PortData> fused = fx.fuse(new FuseFeatures.Settings(Fusion.Mode.GATED, Map.of(), true), fx.good, fx.noise, false, ctx);
        HybridTrain.Settings s = withUserProfile(FusionFixture.hybrid(1.0, false, HybridTowers.ColdTarget.WHOLE_VECTOR));
        fx.train(s, fused.get(0).as(FeatureSet.class), null, ctx);
        assertThat(ctx.log).anyMatch(l -> l.startsWith("hybrid features: items 16 columns [text:good(8), text:noise(8)] fused by gated,"
                + " users 16 columns [profile:text:good(8), profile:text:noise(8)] fused by gated"));
        Map<String, Double> users = ctx.metrics("user");
        assertThat(users.get("gate:profile:text:good")).as("user-side gates %s", users)
                .isGreaterThan(users.get("gate:profile:text:noise"));
    }

    private static HybridTrain.Settings withUserProfile(HybridTrain.Settings s) {
        return new HybridTrain.Settings(s.dim(), s.epochs(), s.batchSize(), s.learningRate(), s.regularisation(), s.idDropout(),
                s.featureRate(), s.sampler(), s.seed(), s.patience(), s.objective(), s.coldRidge(), s.ablation(), s.coldTarget(), true);
    }
}
