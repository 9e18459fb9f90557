package org.recblend.nodes.train;

import org.recblend.pipeline.SettingDoc;
import java.util.Map;
import java.util.List;
import org.recblend.domain.Split;
import org.recblend.engine.model.DeepModel;
import org.recblend.engine.model.NeuMF;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.PortData;

/** Trains NeuMF: a GMF tower and an MLP tower joined by a linear layer. */
public final class NeuMfTrain extends DeepTrainKind<NeuMfTrain.Settings> {
    public static final String ID = "train.neumf";

    /**
     * @param gmfDim factors of the GMF tower
     * @param mlpDim embedding size of the MLP tower
     * @param layers hidden layer widths of the MLP tower
     */
    public record Settings(int gmfDim, int mlpDim, List<Integer> layers, int epochs, int batchSize, double learningRate,
                           double regularisation, SamplerKind sampler, long seed, int patience, Objective objective)
            implements DeepSettings {
        public Settings {
            layers = layers == null ? List.of() : List.copyOf(layers);
        }

        @Override
        public void validate() throws InvalidSettingsException {
            DeepSettings.checkDim("gmfDim", gmfDim);
            DeepSettings.checkDim("mlpDim", mlpDim);
            if (layers.isEmpty()) {
                throw new InvalidSettingsException("layers must name at least one hidden layer width, e.g. [64, 32, 16]");
            }
            for (int w : layers) {
                DeepSettings.checkDim("every layer width", w);
            }
            validateCommon();
        }

        @Override
        public Settings withSeed(long newSeed) {
            return new Settings(gmfDim, mlpDim, layers, epochs, batchSize, learningRate, regularisation, sampler, newSeed,
                    patience, objective);
        }
    }

    public NeuMfTrain() {
        super(ID, "NeuMF", Settings.class, List.of(),
                "Neural collaborative filtering (He et al. 2017): the element-wise product of user and item embeddings"
                        + " (GMF) beside an MLP over their concatenation, trained pairwise (BPR loss) or on ratings.");
    }

    @Override
    public Map<String, SettingDoc> settingDocs() {
        return trainingDocs(SettingDoc.builder().group("Model")
                .setting("gmfDim", "GMF factors", "Factors of the GMF tower")
                .setting("mlpDim", "MLP embedding size", "Embedding size of the MLP tower")
                .setting("layers", "MLP layers", "Hidden layer widths of the MLP tower, e.g. 64, 32, 16")).build();
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(64, 32, List.of(64, 32, 16), 40, 1024, 0.002, 0.01, SamplerKind.UNIFORM, 42, 0, Objective.RANKING);
    }

    @Override
    DeepModel model(Settings s, Split split, List<PortData> inputs, ExecutionContext ctx) {
        return new NeuMF(split.train().users(), split.train().items(), s.gmfDim(), s.mlpDim(), s.layers(), ratingOffset(s, split.train()));
    }
}
