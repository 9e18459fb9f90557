package org.recblend.nodes.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.SourceKind;
import org.recblend.engine.EpochRecord;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.RunListener;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.DatasetFixture;
import org.recblend.testutil.PlantedData;

/**
 * The live channel of a training run: every epoch's loss and validation metric reach the run's
 * listener while the node executes, in epoch order, equal to the curve the model keeps; log lines
 * reach it too, tagged with their node.
 */
class LiveMetricsTest {
    @TempDir
    Path dir;

    record Point(String node, String series, int step, double value) {
    }

    @Test
    void lossAndValidationMetricOfEveryEpochReachTheListener() throws Exception {
        Pipeline p = new Pipeline(NodeKindRegistry.load(), "live");
        p.addNode("data", CollectDataset.ID, new CollectDataset.Settings("planted", List.of(), List.of(CollectDataset.Part.INTERACTIONS)));
        p.addNode("split", RandomSplit.ID, new RandomSplit.Settings(0.2, 0.2, 42));
        p.addNode("bpr", BprTrain.ID, new BprTrain.Settings(16, 4, 256, 0.01, 0.001, SamplerKind.UNIFORM, 1, 0, Objective.RANKING));
        p.connect("data", "interactions", "split", "interactions");
        p.connect("split", "split", "bpr", "split");

        List<Point> points = Collections.synchronizedList(new ArrayList<>());
        List<String> logs = Collections.synchronizedList(new ArrayList<>());
        RunListener listener = new RunListener() {
            @Override
            public void nodeMetric(String nodeId, String series, int step, double value) {
                points.add(new Point(nodeId, series, step, value));
            }

            @Override
            public void nodeLog(String nodeId, String line) {
                logs.add(nodeId + "|" + line);
            }
        };
        try (ProjectStore store = project(dir.resolve("p"))) {
            RunResult run = new PipelineRunner(store).run(p, RunOptions.all().withListener(listener), TaskMonitor.none());
            assertThat(run.status()).as(run.message()).isEqualTo(RunStatus.DONE);
            List<EpochRecord> curve = run.output(p, "bpr", "model", TrainedModel.class).curve();
            assertThat(curve).hasSize(4);

            List<Point> loss = points.stream().filter(x -> x.series().equals(ExecutionContext.LOSS)).toList();
            List<Point> valid = points.stream().filter(x -> x.series().equals("ndcg@10")).toList();
            assertThat(points).as("only the training node reports series").allSatisfy(x -> assertThat(x.node()).isEqualTo("bpr"));
            assertThat(loss).extracting(Point::step).containsExactly(1, 2, 3, 4);
            assertThat(valid).extracting(Point::step).containsExactly(1, 2, 3, 4);
            for (int e = 0; e < 4; e++) {
                assertThat(loss.get(e).value()).isCloseTo(curve.get(e).trainLoss(), within(1e-12));
                assertThat(valid.get(e).value()).isCloseTo(curve.get(e).validMetric(), within(1e-12));
            }
            assertThat(loss.get(3).value()).as("BPR learns").isLessThan(loss.get(0).value());
            assertThat(logs).anyMatch(l -> l.startsWith("bpr|epoch 1: loss"));
            assertThat(logs).anyMatch(l -> l.startsWith("null|Run "));
        }
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
