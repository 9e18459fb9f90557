package org.recblend.nodes.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.SourceKind;
import org.recblend.domain.Split;
import org.recblend.engine.EpochRecord;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.engine.eval.MetricNames;
import org.recblend.engine.train.HoldoutMetrics;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.evaluate.EvaluateModel;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.DatasetFixture;
import org.recblend.testutil.PlantedData;

/**
 * A deep model inside a whole pipeline run with a validation split: collect → split (test and
 * validation shares) → NeuMF with early stopping → ranking evaluation. The curve has a validation
 * NDCG per epoch, training stops {@code patience} epochs after the best one and keeps that epoch's
 * weights, and the run stores its curve and metrics.
 */
class DeepPipelineValidationTest {
    static final int EPOCHS = 60;
    static final int PATIENCE = 3;

    @TempDir
    Path dir;

    @Test
    void earlyStoppingOnTheValidationSplitInsideAPipelineRun() throws Exception {
        NodeKindRegistry registry = NodeKindRegistry.load();
        Pipeline p = new Pipeline(registry, "deep");
        p.addNode("data", CollectDataset.ID, new CollectDataset.Settings("planted", List.of(), List.of(CollectDataset.Part.INTERACTIONS)));
        p.addNode("split", RandomSplit.ID, new RandomSplit.Settings(0.2, 0.2, 42));
        // A high learning rate and no regularisation overfit this small data set within a few epochs.
        p.addNode("neumf", NeuMfTrain.ID, new NeuMfTrain.Settings(16, 16, List.of(32, 16), EPOCHS, 128, 0.03, 0, SamplerKind.UNIFORM,
                1, PATIENCE, Objective.RANKING));
        p.addNode("eval", EvaluateModel.ID);
        p.connect("data", "interactions", "split", "interactions");
        p.connect("split", "split", "neumf", "split");
        p.connect("neumf", "model", "eval", "model");
        p.connect("split", "split", "eval", "split");

        try (ProjectStore store = project(dir.resolve("p"))) {
            RunResult run = new PipelineRunner(store).run(p, RunOptions.all(), TaskMonitor.none());
            assertThat(run.status()).as(run.message()).isEqualTo(RunStatus.DONE);

            Split split = run.output(p, "split", "split", Split.class);
            assertThat(split.hasValidation()).isTrue();
            TrainedModel model = run.output(p, "neumf", "model", TrainedModel.class);
            List<EpochRecord> curve = model.curve();
            assertThat(curve).allSatisfy(r -> {
                assertThat(r.validMetricName()).isEqualTo("ndcg@10");
                assertThat(r.validMetric()).isBetween(0.0, 1.0);
            });
            int best = bestEpoch(curve);
            assertThat(curve).as("stopped early").hasSizeLessThan(EPOCHS);
            assertThat(best).as("the best epoch is not the first").isGreaterThan(1);
            assertThat(curve.size() - best).as("epochs after the best one").isEqualTo(PATIENCE);
            double kept = HoldoutMetrics.ranking(model.recommender(), split.train(), split.validation(), 10, TaskMonitor.none()).ndcg();
            assertThat(kept).as("the model keeps the best epoch's weights").isCloseTo(curve.get(best - 1).validMetric(), within(1e-9));
            double last = curve.get(curve.size() - 1).validMetric();
            assertThat(last).isLessThan(curve.get(best - 1).validMetric());

            List<double[]> stored = storedCurve(store, run.runId(), "neumf");
            assertThat(stored).hasSize(curve.size());
            for (int e = 0; e < curve.size(); e++) {
                assertThat(stored.get(e)[0]).isEqualTo(e + 1);
                assertThat(stored.get(e)[1]).isCloseTo(curve.get(e).trainLoss(), within(1e-12));
                assertThat(stored.get(e)[2]).isCloseTo(curve.get(e).validMetric(), within(1e-12));
            }

            EvaluationResult eval = run.output(p, "eval", "metrics", EvaluationResult.class);
            assertThat(eval.value(MetricNames.NDCG, 10)).isPositive();
            assertThat(count(store, "SELECT COUNT(*) FROM metrics WHERE run_id = ? AND node_id = 'eval' AND name = 'ndcg' AND k = 10"
                    + " AND segment = 'all'", run.runId())).isEqualTo(1);
        }
    }

    private static int bestEpoch(List<EpochRecord> curve) {
        int best = 1;
        for (EpochRecord r : curve) {
            if (r.validMetric() > curve.get(best - 1).validMetric()) {
                best = r.epoch();
            }
        }
        return best;
    }

    /** (epoch, train loss, validation metric) rows of training_curves, by epoch. */
    private static List<double[]> storedCurve(ProjectStore store, int runId, String nodeId) {
        return store.read(c -> {
            List<double[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT epoch, train_loss, valid_metric FROM training_curves"
                    + " WHERE run_id = ? AND node_id = ? AND valid_metric_name = 'ndcg@10' ORDER BY epoch")) {
                ps.setInt(1, runId);
                ps.setString(2, nodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new double[] {rs.getInt(1), rs.getDouble(2), rs.getDouble(3)});
                    }
                }
            }
            return out;
        });
    }

    private static int count(ProjectStore store, String sql, int runId) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static ProjectStore project(Path file) throws Exception {
        ProjectStore store = ProjectStore.create(file);
        DatasetFixture fx = DatasetFixture.create(store, "planted");
        int source = fx.source("ratings", SourceKind.BEHAVIOUR);
        InteractionTable all = PlantedData.generate(200, 80, 5).all();
        List<DatasetFixture.Row> rows = new ArrayList<>();
        for (int r = 0; r < all.size(); r++) {
            rows.add(new DatasetFixture.Row(all.users().id(all.user(r)), all.items().id(all.item(r)), (double) all.weight(r), all.ts(r)));
        }
        fx.interactions(source, rows);
        return store;
    }
}
