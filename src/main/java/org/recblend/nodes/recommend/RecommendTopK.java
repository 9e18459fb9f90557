package org.recblend.nodes.recommend;

import org.recblend.pipeline.SettingDoc;
import java.util.Map;
import java.util.List;
import org.recblend.domain.Split;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.Parallel;
import org.recblend.engine.recommend.BatchRecommender;
import org.recblend.engine.recommend.Recommendations;
import org.recblend.nodes.train.TrainPorts;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeDescriptor;
import org.recblend.pipeline.BaseNodeKind;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.Stage;

/**
 * Top-K recommendations for every user of a trained model, items seen in training left out unless
 * asked otherwise. In a run the lists are also stored in table {@code recommendations} (export them
 * with {@link RecommendationRepository#exportCsv}).
 */
public final class RecommendTopK extends BaseNodeKind<RecommendTopK.Settings> {
    public static final String ID = "recommend.topk";

    /**
     * @param k           items per user
     * @param excludeSeen whether items the user has in the training part are left out
     * @param store       whether to store the lists in the project when run in a pipeline run
     */
    public record Settings(int k, boolean excludeSeen, boolean store) implements NodeSettings {
        @Override
        public void validate() throws InvalidSettingsException {
            if (k < 1 || k > 10_000) {
                throw new InvalidSettingsException("K must be between 1 and 10,000, not " + k);
            }
        }
    }

    private static final NodeDescriptor DESCRIPTOR = new NodeDescriptor(ID, "Top-K recommendations", Stage.RECOMMEND,
            List.of(PortSpec.of("model", TrainPorts.TRAINED_MODEL), PortSpec.of("split", PortTypes.SPLIT)),
            List.of(PortSpec.of("recommendations", RecommendPorts.RECOMMENDATIONS)),
            "Scores every item for every user and keeps the K best, leaving out what the user already has in"
                    + " training. The lists are stored with the run and can be exported as CSV.");

    public RecommendTopK() {
        super(DESCRIPTOR, Settings.class);
    }

    @Override
    public Map<String, SettingDoc> settingDocs() {
        return SettingDoc.builder()
                .setting("k", "Items per user (K)", "How many items each user gets, 1 to 10,000")
                .setting("excludeSeen", "Leave out seen items", "Leave out items the user has in the training part")
                .setting("store", "Store the lists", "Store the lists in the project when run in a pipeline run")
                .build();
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(10, true, true);
    }

    @Override
    public List<PortData> execute(Settings s, List<PortData> inputs, ExecutionContext ctx) throws Exception {
        TrainedModel model = inputs.get(0).as(TrainedModel.class);
        Split split = inputs.get(1).as(Split.class);
        Recommendations recs = BatchRecommender.recommend(model.recommender(), split.train(), s.k(), s.excludeSeen(),
                Parallel.defaultThreads(), new ScaledMonitor(ctx, 0, 0.7));
        ctx.log(recs + " from " + model.kind());
        if (s.store() && ctx.runId().isPresent()) {
            ctx.checkCancelled();
            new RecommendationRepository(ctx.store()).save(ctx.runId().getAsInt(), ctx.nodeId(), recs, new ScaledMonitor(ctx, 0.7, 0.3));
            ctx.log("stored " + recs.size() + " rows in run " + ctx.runId().getAsInt());
        }
        ctx.progress(1, "done");
        return List.of(PortData.of(RecommendPorts.RECOMMENDATIONS, recs));
    }
}
