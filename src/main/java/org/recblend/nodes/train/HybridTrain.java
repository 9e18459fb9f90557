package org.recblend.nodes.train;

import org.recblend.pipeline.SettingDoc;
import java.util.Map;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.recblend.domain.IdIndex;
import org.recblend.domain.ItemTable;
import org.recblend.domain.Split;
import org.recblend.engine.feature.FeatureBlock;
import org.recblend.engine.feature.FeatureSet;
import org.recblend.engine.feature.ItemFeatures;
import org.recblend.engine.feature.UserProfileFeatures;
import org.recblend.engine.model.DeepModel;
import org.recblend.engine.model.FusedFeatures;
import org.recblend.engine.model.HybridTowers;
import org.recblend.engine.model.SourceContribution;
import org.recblend.engine.train.HoldoutMetrics;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.engine.train.TrainingLoop;
import org.recblend.engine.train.TrainingOutcome;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;

/**
 * Trains the Hybrid two-tower model: ID embeddings plus whatever features arrive (item content
 * from an ItemTable, and feature sets of the fuse stage for items and users), fused per source by
 * the mode the fuse node set. After training it stores what every source contributed in the run's
 * metrics, and with {@code ablation} retrains once without each source and stores NDCG@10 of each.
 */
public final class HybridTrain extends DeepTrainKind<HybridTrain.Settings> {
    public static final String ID = "train.hybrid";
    static final String ITEMS = "items";
    static final String ITEM_FEATURES = "item features";
    static final String USER_FEATURES = "user features";

    /**
     * @param idDropout   share of training pairs whose item ID embedding is switched off, so features learn to carry cold items
     * @param featureRate learning rate of the feature maps relative to the ID embeddings' (Adam's step is scaled by
     *                    multiplying the maps by this constant); below 1 the features move more slowly than the IDs
     * @param coldRidge   penalty (relative to the mean feature variance) of the ridge map from item features to the
     *                    ID embedding and bias of warm items, which gives cold items an ID part; 0 turns it off
     * @param ablation    after training, retrain once without each feature source and store NDCG@10 with and without it
     * @param coldTarget  what the cold items' ridge map predicts: the whole item vector (the default of new nodes) or the
     *                    ID part, to which the item's feature path is added (decisions 0017, 0018)
     * @param userProfile each user also gets, per item source, the mean of that source over their training items
     *                    ("profile:…" user blocks), so item text reaches users with few interactions
     * @param coldRidgeAuto choose the cold map's penalty by generalised cross-validation on the warm items (1/16 to 64 ×
     *                    the mean feature variance) instead of taking coldRidge, which then only switches the map on
     *                    (above 0) or off (0); decision 0019
     */
    public record Settings(int dim, int epochs, int batchSize, double learningRate, double regularisation, double idDropout,
                           double featureRate, SamplerKind sampler, long seed, int patience, Objective objective,
                           double coldRidge, boolean ablation, HybridTowers.ColdTarget coldTarget, boolean userProfile,
                           boolean coldRidgeAuto)
            implements DeepSettings {
        public Settings {
            coldTarget = coldTarget == null ? HybridTowers.ColdTarget.ID_PART : coldTarget;
        }

        /** With the fixed cold-map penalty. */
        public Settings(int dim, int epochs, int batchSize, double learningRate, double regularisation, double idDropout,
                        double featureRate, SamplerKind sampler, long seed, int patience, Objective objective,
                        double coldRidge, boolean ablation, HybridTowers.ColdTarget coldTarget, boolean userProfile) {
            this(dim, epochs, batchSize, learningRate, regularisation, idDropout, featureRate, sampler, seed, patience, objective,
                    coldRidge, ablation, coldTarget, userProfile, false);
        }

        /** Without user profiles. */
        public Settings(int dim, int epochs, int batchSize, double learningRate, double regularisation, double idDropout,
                        double featureRate, SamplerKind sampler, long seed, int patience, Objective objective,
                        double coldRidge, boolean ablation, HybridTowers.ColdTarget coldTarget) {
            this(dim, epochs, batchSize, learningRate, regularisation, idDropout, featureRate, sampler, seed, patience, objective,
                    coldRidge, ablation, coldTarget, false);
        }

        /** The settings before the cold map's target could be chosen (the ID part). */
        public Settings(int dim, int epochs, int batchSize, double learningRate, double regularisation, double idDropout,
                        double featureRate, SamplerKind sampler, long seed, int patience, Objective objective,
                        double coldRidge, boolean ablation) {
            this(dim, epochs, batchSize, learningRate, regularisation, idDropout, featureRate, sampler, seed, patience, objective,
                    coldRidge, ablation, HybridTowers.ColdTarget.ID_PART);
        }

        /** The settings before cold-item ridge and ablation (both off). */
        public Settings(int dim, int epochs, int batchSize, double learningRate, double regularisation, double idDropout,
                        double featureRate, SamplerKind sampler, long seed, int patience, Objective objective) {
            this(dim, epochs, batchSize, learningRate, regularisation, idDropout, featureRate, sampler, seed, patience, objective,
                    0, false, HybridTowers.ColdTarget.ID_PART);
        }

        @Override
        public void validate() throws InvalidSettingsException {
            DeepSettings.checkDim("dim", dim);
            if (!(idDropout >= 0 && idDropout < 1)) {
                throw new InvalidSettingsException("idDropout must be in [0, 1), not " + idDropout);
            }
            if (!(featureRate > 0 && featureRate <= 10)) {
                throw new InvalidSettingsException("featureRate must be above 0 and at most 10, not " + featureRate);
            }
            if (!(coldRidge >= 0 && coldRidge <= 1e6)) {
                throw new InvalidSettingsException("coldRidge must be 0 (off) or a penalty up to 1e6, not " + coldRidge);
            }
            validateCommon();
        }

        @Override
        public Settings withSeed(long newSeed) {
            return new Settings(dim, epochs, batchSize, learningRate, regularisation, idDropout, featureRate, sampler, newSeed,
                    patience, objective, coldRidge, ablation, coldTarget, userProfile, coldRidgeAuto);
        }

        /** The same settings with ablation on or off. */
        public Settings withAblation(boolean on) {
            return new Settings(dim, epochs, batchSize, learningRate, regularisation, idDropout, featureRate, sampler, seed,
                    patience, objective, coldRidge, on, coldTarget, userProfile, coldRidgeAuto);
        }
    }

    public HybridTrain() {
        super(ID, "Hybrid (ID + features)", Settings.class,
                List.of(PortSpec.optional(ITEMS, PortTypes.ITEM_TABLE), PortSpec.optional(ITEM_FEATURES, FeaturePorts.FEATURE_SET),
                        PortSpec.optional(USER_FEATURES, FeaturePorts.FEATURE_SET)),
                "User and item towers: an ID embedding plus the features projected per source and fused as the fuse node"
                        + " says (concatenation, fixed weights, learned gates or attention; item categories as multi-hot and"
                        + " numeric attributes standardised when an ItemTable is wired in directly). With userProfile, each"
                        + " user is also described by the mean item features of their training items. Items without training"
                        + " interactions get their vector (coldTarget WHOLE_VECTOR, the default) or their ID part (ID_PART)"
                        + " mapped from the features by ridge regression fitted on the warm items, its penalty chosen by"
                        + " generalised cross-validation (coldRidgeAuto). Source contributions (and,"
                        + " with ablation, NDCG@10 without each source) are stored with the run.");
    }

    @Override
    public Map<String, SettingDoc> settingDocs() {
        SettingDoc.Builder docs = SettingDoc.builder().group("Model")
                .setting("dim", "Dimensions", "Embedding size of users and items")
                .setting("idDropout", "ID dropout", "Share of training pairs whose item ID embedding is switched off, so"
                        + " features learn to carry cold items")
                .setting("featureRate", "Feature learning rate", "Learning rate of the feature maps relative to the ID"
                        + " embeddings'; below 1 the features move more slowly than the IDs")
                .setting("userProfile", "User profiles", "Each user also gets, per item source, the mean of that source over"
                        + " their training items, so item text reaches users with few interactions");
        trainingDocs(docs).group("Cold items")
                .setting("coldRidge", "Cold ridge penalty", "Penalty (relative to the mean feature variance) of the ridge map"
                        + " from item features that gives cold items an ID part; 0 turns the map off")
                .setting("coldRidgeAuto", "Choose penalty by GCV", "Choose the penalty by generalised cross-validation on the"
                        + " warm items (1/16 to 64 × the mean feature variance); the penalty above then only switches the"
                        + " map on (above 0) or off (0)")
                .setting("coldTarget", "Cold map target", "What the map predicts: the whole item vector, or the ID part to"
                        + " which the item's feature path is added")
                .group("Reports")
                .setting("ablation", "Ablation", "After training, retrain once without each feature source and store NDCG@10"
                        + " with and without it");
        return docs.build();
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(128, 80, 1024, 0.005, 0.005, 0.1, 1, SamplerKind.UNIFORM, 42, 0, Objective.RANKING, 1.0, false,
                HybridTowers.ColdTarget.WHOLE_VECTOR, false, true);
    }

    @Override
    DeepModel model(Settings s, Split split, List<PortData> inputs, ExecutionContext ctx) {
        return towers(s, split, inputs, ctx::log);
    }

    /**
     * The towers a run of this node trained, rebuilt from its settings and inputs (split first, as the
     * node receives them) without training: with the run's trained weights they explain its scores
     * source by source (the user inspector reads the inputs from the run's cached outputs).
     */
    public static HybridTowers towers(Settings s, Split split, List<PortData> inputs) {
        return towers(s, split, inputs, line -> { });
    }

    private static HybridTowers towers(Settings s, Split split, List<PortData> inputs, java.util.function.Consumer<String> log) {
        IdIndex users = split.train().users();
        IdIndex items = split.train().items();
        FeatureSet itemSet = null;
        if (inputs.size() > 1 && inputs.get(1) != null) {
            itemSet = ItemFeatures.of(inputs.get(1).as(ItemTable.class));
        }
        if (inputs.size() > 2 && inputs.get(2) != null) {
            FeatureSet more = sided(inputs.get(2).as(FeatureSet.class), FeatureSet.Side.ITEM, ITEM_FEATURES);
            itemSet = itemSet == null ? more : join(itemSet, more, items);
        }
        FeatureSet userSet = inputs.size() > 3 && inputs.get(3) != null
                ? sided(inputs.get(3).as(FeatureSet.class), FeatureSet.Side.USER, USER_FEATURES) : null;
        if (s.userProfile() && itemSet != null && itemSet.width() > 0) {
            FeatureSet profiles = UserProfileFeatures.of(itemSet, split.train());
            userSet = userSet == null || userSet.width() == 0 ? profiles
                    : userSet.alignedTo(users).plus(profiles);
        }
        FusedFeatures itemFused = itemSet == null ? null : itemSet.fused(items);
        FusedFeatures userFused = userSet == null ? null : userSet.fused(users);
        log.accept("hybrid features: items " + describe(itemSet) + ", users " + describe(userSet));
        return build(s, split, userFused, itemFused);
    }

    private static HybridTowers build(Settings s, Split split, FusedFeatures user, FusedFeatures item) {
        return new HybridTowers(split.train().users(), split.train().items(), s.dim(), user, item,
                warm(split.train().userCounts()), warm(split.train().itemCounts()), s.idDropout(), ratingOffset(s, split.train()))
                .optFeatureScale(s.featureRate()).optColdRidge(s.coldRidge()).optColdRidgeByGcv(s.coldRidgeAuto())
                .optColdTarget(s.coldTarget());
    }

    private static FeatureSet sided(FeatureSet set, FeatureSet.Side want, String port) {
        if (set.side() != want) {
            throw new IllegalArgumentException("The '" + port + "' input received " + set.side().name().toLowerCase()
                    + " features: wire the fuse node's " + set.side().name().toLowerCase() + " output to the '"
                    + set.side().name().toLowerCase() + " features' input");
        }
        return set;
    }

    private static FeatureSet join(FeatureSet a, FeatureSet b, IdIndex items) {
        Set<String> names = new HashSet<>();
        a.blocks().forEach(x -> names.add(x.name()));
        for (FeatureBlock x : b.blocks()) {
            if (names.contains(x.name())) {
                throw new IllegalArgumentException("The item source '" + x.name() + "' arrives twice, from the 'items' and the"
                        + " 'item features' inputs: wire the ItemTable to the fuse node or to the Hybrid, not both");
            }
        }
        return a.alignedTo(items).plus(b.alignedTo(items));
    }

    private static String describe(FeatureSet f) {
        if (f == null || f.width() == 0) {
            return "none";
        }
        String blocks = f.blocks().stream().map(b -> b.name() + "(" + b.values().cols() + ")").toList().toString();
        String mode = f.fusion().mode() == org.recblend.engine.model.Fusion.Mode.CONCAT ? "" : " fused by " + f.fusion().mode().name().toLowerCase();
        return f.width() + " columns " + blocks + mode;
    }

    @Override
    void trained(Settings s, DeepModel model, TrainingOutcome out, Split split, ExecutionContext ctx) throws Exception {
        HybridTowers hybrid = (HybridTowers) model;
        if (!Double.isNaN(hybrid.coldRidgeUsed())) {
            ctx.log(String.format(java.util.Locale.ROOT, "cold items mapped from their features, ridge penalty %.4g × the mean"
                    + " feature variance%s", hybrid.coldRidgeUsed(), s.coldRidgeAuto() ? " (chosen by GCV)" : ""));
        }
        List<SourceContribution> contributions = hybrid.contributions(out.recommender().weights());
        for (SourceContribution c : contributions) {
            ctx.log(String.format("source %s %s: %s %.3f, norm share %.3f, score-variance share %.3f", c.side(), c.source(),
                    ContributionMetrics.coefficientName(c.mode()), c.coefficient(), c.normShare(), c.varianceShare()));
        }
        ContributionMetrics metrics = new ContributionMetrics(ctx);
        metrics.saveContributions(contributions);
        if (s.ablation() && !contributions.isEmpty()) {
            ablate(s, hybrid, out, split, ctx, metrics);
        }
    }

    /** Retrains once without each source; NDCG@10 on the test part (validation when there is no test). */
    private void ablate(Settings s, HybridTowers full, TrainingOutcome out, Split split, ExecutionContext ctx,
                        ContributionMetrics metrics) {
        var holdout = split.test().size() > 0 ? split.test() : split.validation();
        if (holdout.size() == 0) {
            ctx.log("ablation skipped: the split has no test or validation rows");
            return;
        }
        double all = HoldoutMetrics.ranking(out.recommender(), split.train(), holdout, 10, ctx).ndcg();
        ctx.log(String.format("ablation: NDCG@10 with all sources %.4f", all));
        List<Ablated> runs = new ArrayList<>();
        FusedFeatures items = full.itemFeatures();
        FusedFeatures users = full.userFeatures();
        for (int b = 0; items != null && b < items.blockCount(); b++) {
            runs.add(new Ablated("item", items.sources().get(b), build(s, split, users, items.without(b))));
        }
        for (int b = 0; users != null && b < users.blockCount(); b++) {
            runs.add(new Ablated("user", users.sources().get(b), build(s, split, users.without(b), items)));
        }
        List<ContributionMetrics.Ablation> results = new ArrayList<>();
        for (Ablated a : runs) {
            ctx.checkCancelled();
            TrainingOutcome o = new TrainingLoop(a.model, s.training()).fit(split.train(), split.validation(), ctx);
            double without = HoldoutMetrics.ranking(o.recommender(), split.train(), holdout, 10, ctx).ndcg();
            ctx.log(String.format("ablation: without %s %s NDCG@10 %.4f (%+.4f)", a.side, a.source, without, without - all));
            results.add(new ContributionMetrics.Ablation(a.side, a.source, without));
        }
        metrics.saveAblation(all, results);
    }

    private record Ablated(String side, String source, HybridTowers model) {
    }
}
