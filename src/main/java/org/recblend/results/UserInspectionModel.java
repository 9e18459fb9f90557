package org.recblend.results;

import java.util.List;
import java.util.Optional;
import org.recblend.domain.Split;
import org.recblend.engine.Recommender;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.model.DeepRecommender;
import org.recblend.engine.model.EmbeddingSource;
import org.recblend.engine.model.FloatMatrix;
import org.recblend.engine.model.FriendBoostRecommender;
import org.recblend.engine.model.HybridTowers;
import org.recblend.nodes.train.HybridTrain;
import org.recblend.pipeline.Connection;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortTypes;

/**
 * One model of one run as the inspector needs it: the split it was trained and evaluated on, the
 * trained model (to score when the run stored no lists, and for item vectors), and the explainer of
 * its scores. Any of these is absent when the run's cached outputs are gone; the view then says so.
 *
 * @param choice        the run and node
 * @param split         the split wired into the model's node in that run
 * @param model         the trained model
 * @param contributions splits scores by source (behaviour only without a model)
 * @param itemVectors   the model's item vectors, centred, for "because you liked …" (null when it has none)
 */
public record UserInspectionModel(UserInspectionRuns.ModelChoice choice, Optional<Split> split, Optional<TrainedModel> model,
                                  UserInspectionContributions contributions, ItemMapVectors itemVectors) {

    /** Reads the model's outputs of that run from the output cache; nothing is trained or scored here. */
    public static UserInspectionModel load(UserInspectionRuns runs, UserInspectionRuns.ModelChoice choice) {
        Optional<TrainedModel> model = runs.output(choice.runId(), choice.nodeId(), "model", TrainedModel.class);
        Optional<Split> split = splitOf(runs, choice.runId(), choice.nodeId(), 0);
        UserInspectionContributions contributions = null;
        ItemMapVectors vectors = null;
        if (model.isPresent()) {
            Recommender r = model.get().recommender();
            if (r instanceof EmbeddingSource e) {
                FloatMatrix items = e.itemEmbeddings();
                vectors = ItemMapVectors.centred(items.data(), items.rows(), items.cols());
            } else if (r instanceof FriendBoostRecommender f && f.base() instanceof EmbeddingSource e) {
                FloatMatrix items = e.itemEmbeddings();
                vectors = ItemMapVectors.centred(items.data(), items.rows(), items.cols());
            }
            contributions = hybrid(runs, choice, model.get(), split).orElse(UserInspectionContributions.plain(r));
        }
        return new UserInspectionModel(choice, split, model, contributions, vectors);
    }

    /** The split upstream of a node: its own "split" input, or (social fusion) that of the model it wraps. */
    private static Optional<Split> splitOf(UserInspectionRuns runs, int runId, String nodeId, int depth) {
        Optional<Connection> wire = runs.incoming(runId, nodeId, "split");
        if (wire.isPresent()) {
            return runs.output(runId, wire.get().fromNode(), wire.get().fromPort(), Split.class);
        }
        Optional<Connection> model = runs.incoming(runId, nodeId, "model");
        return model.isPresent() && depth < 5 ? splitOf(runs, runId, model.get().fromNode(), depth + 1) : Optional.empty();
    }

    private static Optional<UserInspectionContributions> hybrid(UserInspectionRuns runs, UserInspectionRuns.ModelChoice choice,
                                                                TrainedModel model, Optional<Split> split) {
        if (!(model.recommender() instanceof DeepRecommender deep) || !HybridTowers.KIND.equals(model.kind()) || split.isEmpty()) {
            return Optional.empty();
        }
        var node = runs.graph(choice.runId()).map(p -> p.node(choice.nodeId())).orElse(null);
        if (node == null || !(node.settings().orElse(null) instanceof HybridTrain.Settings settings)) {
            return Optional.empty();
        }
        Optional<List<PortData>> inputs = runs.inputs(choice.runId(), choice.nodeId());
        if (inputs.isEmpty() || inputs.get().isEmpty() || inputs.get().get(0) == null
                || !inputs.get().get(0).type().equals(PortTypes.SPLIT)) {
            return Optional.empty();
        }
        HybridTowers towers = HybridTrain.towers(settings, split.get(), inputs.get());
        HybridTowers.SourceParts parts = towers.sourceParts(deep.weights());
        int[] counts = split.get().train().itemCounts();
        boolean[] warm = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            warm[i] = counts[i] > 0;
        }
        return Optional.of(UserInspectionContributions.hybrid(deep, parts, warm));
    }
}
