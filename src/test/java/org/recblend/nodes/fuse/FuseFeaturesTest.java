package org.recblend.nodes.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recblend.domain.Embeddings;
import org.recblend.engine.feature.FeatureBlock;
import org.recblend.engine.feature.FeatureSet;
import org.recblend.engine.model.Fusion;
import org.recblend.nodes.TestContext;
import org.recblend.nodes.train.FeaturePorts;
import org.recblend.nodes.train.HybridTrain;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.SettingsCodec;

/** The fuse node's blocks, sides and metadata, and every wiring or settings mistake a user can make. */
class FuseFeaturesTest {
    static FusionFixture fx;

    @BeforeAll
    static void generate() {
        fx = new FusionFixture(11);
    }

    private static FuseFeatures.Settings mode(Fusion.Mode m) {
        return new FuseFeatures.Settings(m, Map.of(), true);
    }

    @Test
    void sourcesBecomeNamedBlocksPerSideWithTheModeAndWeights() throws Exception {
        Embeddings users = userEmbeddings("social:friends-mean");
        FuseFeatures.Settings s = new FuseFeatures.Settings(Fusion.Mode.WEIGHTED,
                Map.of("text:good", 2.0, "categories", 1.0, "noise", 0.5, "social:friends-mean", 1.0), true);
        List<PortData> out = fx.fuse(s, fx.good, users, true, new TestContext());
        FeatureSet items = out.get(0).as(FeatureSet.class);
        FeatureSet userSet = out.get(1).as(FeatureSet.class);
        assertThat(items.side()).isEqualTo(FeatureSet.Side.ITEM);
        // the ItemTable's categories and each numeric attribute ("noise" in the planted data) are blocks of their own
        assertThat(items.blocks()).extracting(FeatureBlock::name).containsExactly("categories", "noise", "text:good");
        assertThat(userSet.side()).isEqualTo(FeatureSet.Side.USER);
        assertThat(userSet.blocks()).extracting(FeatureBlock::name).containsExactly("social:friends-mean");
        assertThat(items.fusion().mode()).isEqualTo(Fusion.Mode.WEIGHTED);
        assertThat(items.fusion().weight("text:good")).isEqualTo(2.0);
        // normalised: every block's rows have mean length 1
        for (FeatureBlock b : items.blocks()) {
            double sum = 0;
            for (int r = 0; r < b.values().rows(); r++) {
                double sq = 0;
                for (int c = 0; c < b.values().cols(); c++) {
                    sq += Math.pow(b.values().get(r, c), 2);
                }
                sum += Math.sqrt(sq);
            }
            assertThat(sum / b.values().rows()).as(b.name()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-3));
        }
        FuseFeatures.Settings only = new FuseFeatures.Settings(Fusion.Mode.GATED, Map.of(), false, List.of("noise"));
        assertThat(fx.fuse(only, null, null, true, new TestContext()).get(0).as(FeatureSet.class).blocks())
                .extracting(FeatureBlock::name).containsExactly("noise");
    }

    @Test
    void aSideWithoutSourcesIsAnEmptySetThatTheHybridIgnores() throws Exception {
        List<PortData> out = fx.fuse(mode(Fusion.Mode.GATED), fx.good, null, false, new TestContext());
        assertThat(out.get(1).as(FeatureSet.class).blocks()).isEmpty();
        TestContext ctx = new TestContext();
        HybridTrain.Settings h = new HybridTrain.Settings(8, 1, 256, 0.01, 0.01, 0.3, 1,
                org.recblend.engine.train.SamplerKind.UNIFORM, 1, 0, org.recblend.engine.train.Objective.RANKING, 1, false);
        fx.train(h, out.get(0).as(FeatureSet.class), out.get(1).as(FeatureSet.class), ctx);
        assertThat(ctx.log).anyMatch(l -> l.equals("hybrid features: items 8 columns [text:good(8)] fused by gated, users none"));
    }

    @Test
    void noInputIsAConfigurationError() {
        FuseFeatures kind = new FuseFeatures();
        List<PortSpec> none = Arrays.asList(new PortSpec[kind.descriptor().inputs().size()]);
        assertThatThrownBy(() -> kind.configure(kind.defaultSettings(), none)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("Connect at least one source");
        assertThatThrownBy(() -> fx.fuse(mode(Fusion.Mode.CONCAT), null, null, false, new TestContext()))
                .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("Connect at least one source");
    }

    @Test
    void weightsMustMatchTheSources() {
        FuseFeatures.Settings unknown = new FuseFeatures.Settings(Fusion.Mode.WEIGHTED, Map.of("text:good", 1.0, "text:bad", 1.0), true);
        assertThatThrownBy(() -> fx.fuse(unknown, fx.good, fx.noise, false, new TestContext()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("The weights do not match the sources [text:good, text:noise]; no source is named [text:bad];"
                        + " no weight for [text:noise]");
        assertThatThrownBy(() -> new FuseFeatures.Settings(Fusion.Mode.WEIGHTED, Map.of(), true).validate())
                .hasMessageStartingWith("Weighted fusion needs a weight for every source");
        assertThatThrownBy(() -> new FuseFeatures.Settings(Fusion.Mode.GATED, Map.of("text:good", 1.0), true).validate())
                .hasMessage("Weights are used by weighted fusion only; the mode is gated");
        assertThatThrownBy(() -> new FuseFeatures.Settings(Fusion.Mode.WEIGHTED, Map.of("text:good", -1.0), true).validate())
                .hasMessage("The weight of source 'text:good' must be a number of 0 or more, not -1.0");
        assertThatThrownBy(() -> new FuseFeatures.Settings(null, Map.of(), true).validate())
                .hasMessage("mode must be one of concat, weighted, gated, attention");
    }

    @Test
    void unknownItemContentAndDuplicateSourcesAreErrors() {
        FuseFeatures.Settings s = new FuseFeatures.Settings(Fusion.Mode.GATED, Map.of(), true, List.of("year"));
        assertThatThrownBy(() -> fx.fuse(s, null, null, true, new TestContext()))
                .hasMessage("itemContent names [year], which the ItemTable does not have; it has [categories, noise]");
        assertThatThrownBy(() -> fx.fuse(mode(Fusion.Mode.GATED), fx.good, fx.good, false, new TestContext()))
                .hasMessageStartingWith("Two item sources are both named 'text:good'");
    }

    @Test
    void userFeaturesOnTheItemInputAreAWiringError() throws Exception {
        List<PortData> out = fx.fuse(mode(Fusion.Mode.GATED), fx.good, userEmbeddings("social:x"), false, new TestContext());
        FeatureSet users = out.get(1).as(FeatureSet.class);
        assertThatThrownBy(() -> fx.train(FusionFixture.hybrid(0, false), users, null, new TestContext()))
                .hasMessage("The 'item features' input received user features: wire the fuse node's user output to the"
                        + " 'user features' input");
        List<PortData> in = new ArrayList<>();
        in.add(PortData.of(PortTypes.SPLIT, fx.data.split));
        in.add(PortData.of(PortTypes.ITEM_TABLE, fx.data.items));
        in.add(PortData.of(FeaturePorts.FEATURE_SET, fx.fuse(mode(Fusion.Mode.GATED), null, null, true, new TestContext()).get(0).value()));
        in.add(null);
        assertThatThrownBy(() -> new HybridTrain().execute(FusionFixture.hybrid(0, false), in, new TestContext()))
                .hasMessageStartingWith("The item source 'categories' arrives twice");
    }

    @Test
    void theKindIsRegisteredAndItsSettingsRoundTripThroughJson() throws Exception {
        NodeKindRegistry registry = NodeKindRegistry.load();
        assertThat(registry.find(FuseFeatures.ID)).isPresent();
        FuseFeatures kind = new FuseFeatures();
        FuseFeatures.Settings s = new FuseFeatures.Settings(Fusion.Mode.WEIGHTED, Map.of("a", 0.5), false, List.of("year"));
        assertThat(SettingsCodec.fromJson(kind, 1, SettingsCodec.toJson(s))).isEqualTo(s);
        HybridTrain h = new HybridTrain();
        HybridTrain.Settings hs = h.defaultSettings().withAblation(true);
        assertThat(SettingsCodec.fromJson(h, 1, SettingsCodec.toJson(hs))).isEqualTo(hs);
        assertThatThrownBy(() -> new HybridTrain.Settings(8, 5, 64, 0.01, 0, 0.1, 1, org.recblend.engine.train.SamplerKind.UNIFORM, 1, 0,
                org.recblend.engine.train.Objective.RANKING, -1, false).validate()).hasMessageStartingWith("coldRidge must be 0");
    }

    private static Embeddings userEmbeddings(String source) {
        var ids = fx.data.split.train().users();
        float[] v = new float[ids.size() * 4];
        boolean[] present = new boolean[ids.size()];
        for (int u = 0; u < ids.size(); u++) {
            v[u * 4 + u % 4] = 1;
            present[u] = true;
        }
        return new Embeddings(source, Embeddings.Side.USER, ids, 4, v, present);
    }
}
