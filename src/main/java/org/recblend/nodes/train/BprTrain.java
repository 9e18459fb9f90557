package org.recblend.nodes.train;

import org.recblend.pipeline.SettingDoc;
import java.util.Map;
import java.util.List;
import org.recblend.domain.Split;
import org.recblend.engine.model.DeepModel;
import org.recblend.engine.model.MatrixFactorization;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.PortData;

/** Trains BPR matrix factorisation (or, with the rating objective, biased MF on ratings). */
public final class BprTrain extends DeepTrainKind<BprTrain.Settings> {
    public static final String ID = "train.bpr";

    /**
     * @param dim            factors per user and item
     * @param regularisation L2 weight on the embedding rows of a batch
     * @param patience       epochs without a better validation NDCG before stopping (0: off; needs a validation split)
     */
    public record Settings(int dim, int epochs, int batchSize, double learningRate, double regularisation,
                           SamplerKind sampler, long seed, int patience, Objective objective) implements DeepSettings {
        @Override
        public void validate() throws InvalidSettingsException {
            DeepSettings.checkDim("dim", dim);
            validateCommon();
        }

        @Override
        public Settings withSeed(long newSeed) {
            return new Settings(dim, epochs, batchSize, learningRate, regularisation, sampler, newSeed, patience, objective);
        }
    }

    public BprTrain() {
        super(ID, "BPR matrix factorisation", Settings.class, List.of(),
                "Matrix factorisation trained with Bayesian personalised ranking: for each training interaction a"
                        + " sampled unseen item should score lower. Adam on DJL's PyTorch engine. With the rating objective"
                        + " it fits the ratings instead (MSE) and reports test RMSE and MAE.");
    }

    @Override
    public Map<String, SettingDoc> settingDocs() {
        return trainingDocs(SettingDoc.builder().group("Model")
                .setting("dim", "Factors", "Factors per user and item")).build();
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(128, 80, 1024, 0.005, 0.005, SamplerKind.UNIFORM, 42, 0, Objective.RANKING);
    }

    @Override
    DeepModel model(Settings s, Split split, List<PortData> inputs, ExecutionContext ctx) {
        String kind = s.training().objective() == Objective.RATING ? "mf-rating" : MatrixFactorization.KIND;
        return new MatrixFactorization(kind, split.train().users(), split.train().items(), s.dim(), ratingOffset(s, split.train()));
    }
}
