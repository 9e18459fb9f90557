package org.recblend.nodes.train;

import java.util.List;
import org.recblend.domain.IdIndex;
import org.recblend.domain.ItemTable;
import org.recblend.domain.Split;
import org.recblend.engine.feature.FeatureSet;
import org.recblend.engine.feature.ItemFeatures;
import org.recblend.engine.model.DeepModel;
import org.recblend.engine.model.FloatMatrix;
import org.recblend.engine.model.HybridTowers;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;

/**
 * Trains the Hybrid two-tower model: ID embeddings plus whatever features arrive (item content
 * from an ItemTable, and feature sets of the fuse stage for items and users).
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
     */
    public record Settings(int dim, int epochs, int batchSize, double learningRate, double regularisation, double idDropout,
                           double featureRate, SamplerKind sampler, long seed, int patience, Objective objective)
            implements DeepSettings {
        @Override
        public void validate() throws InvalidSettingsException {
            DeepSettings.checkDim("dim", dim);
            if (!(idDropout >= 0 && idDropout < 1)) {
                throw new InvalidSettingsException("idDropout must be in [0, 1), not " + idDropout);
            }
            if (!(featureRate > 0 && featureRate <= 10)) {
                throw new InvalidSettingsException("featureRate must be above 0 and at most 10, not " + featureRate);
            }
            validateCommon();
        }

        @Override
        public Settings withSeed(long newSeed) {
            return new Settings(dim, epochs, batchSize, learningRate, regularisation, idDropout, featureRate, sampler, newSeed,
                    patience, objective);
        }
    }

    public HybridTrain() {
        super(ID, "Hybrid (ID + features)", Settings.class,
                List.of(PortSpec.optional(ITEMS, PortTypes.ITEM_TABLE), PortSpec.optional(ITEM_FEATURES, FeaturePorts.FEATURE_SET),
                        PortSpec.optional(USER_FEATURES, FeaturePorts.FEATURE_SET)),
                "User and item towers: an ID embedding plus a linear map of the features (item categories as multi-hot,"
                        + " numeric attributes standardised, and any feature sets wired in). Items without training"
                        + " interactions are scored from their features alone.");
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(128, 80, 1024, 0.005, 0.005, 0.1, 1, SamplerKind.UNIFORM, 42, 0, Objective.RANKING);
    }

    @Override
    DeepModel model(Settings s, Split split, List<PortData> inputs, ExecutionContext ctx) {
        IdIndex users = split.train().users();
        IdIndex items = split.train().items();
        FeatureSet itemSet = null;
        if (inputs.size() > 1 && inputs.get(1) != null) {
            itemSet = ItemFeatures.of(inputs.get(1).as(ItemTable.class));
        }
        if (inputs.size() > 2 && inputs.get(2) != null) {
            FeatureSet more = inputs.get(2).as(FeatureSet.class);
            itemSet = itemSet == null ? more : join(itemSet, more, items);
        }
        FeatureSet userSet = inputs.size() > 3 && inputs.get(3) != null ? inputs.get(3).as(FeatureSet.class) : null;
        FloatMatrix itemMatrix = itemSet == null ? null : itemSet.matrixFor(items);
        FloatMatrix userMatrix = userSet == null ? null : userSet.matrixFor(users);
        ctx.log("hybrid features: items " + (itemSet == null ? "none" : itemSet.width() + " columns " + blockNames(itemSet))
                + ", users " + (userSet == null ? "none" : userSet.width() + " columns " + blockNames(userSet)));
        return new HybridTowers(users, items, s.dim(), userMatrix, itemMatrix, warm(split.train().userCounts()),
                warm(split.train().itemCounts()), s.idDropout(), ratingOffset(s, split.train())).optFeatureScale(s.featureRate());
    }

    private static FeatureSet join(FeatureSet a, FeatureSet b, IdIndex items) {
        return a.alignedTo(items).plus(b.alignedTo(items));
    }

    private static String blockNames(FeatureSet f) {
        return f.blocks().stream().map(b -> b.name() + "(" + b.values().cols() + ")").toList().toString();
    }
}
