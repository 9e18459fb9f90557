package org.recblend.nodes.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.SourceKind;
import org.recblend.domain.Split;
import org.recblend.sample.PlantedData;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.store.ProjectStore;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.DatasetFixture;

class TrainNodesTest {
    @TempDir
    Path dir;

    @Test
    void badSettingsAreRefusedWithTheFieldNamed() {
        BprTrain.Settings bpr = new BprTrain().defaultSettings();
        assertThatThrownBy(() -> new BprTrain.Settings(0, 5, 64, 0.01, 0, SamplerKind.UNIFORM, 1, 0, Objective.RANKING).validate())
                .isInstanceOf(InvalidSettingsException.class).hasMessage("dim must be between 1 and 4096, not 0");
        assertThatThrownBy(() -> new BprTrain.Settings(8, 0, 64, 0.01, 0, SamplerKind.UNIFORM, 1, 0, Objective.RANKING).validate())
                .hasMessage("epochs must be between 1 and 10000, not 0");
        assertThatThrownBy(() -> new BprTrain.Settings(8, 5, 0, 0.01, 0, SamplerKind.UNIFORM, 1, 0, Objective.RANKING).validate())
                .hasMessageStartingWith("batchSize must be");
        assertThatThrownBy(() -> new BprTrain.Settings(8, 5, 64, -1, 0, SamplerKind.UNIFORM, 1, 0, Objective.RANKING).validate())
                .hasMessageStartingWith("learningRate must be");
        assertThatThrownBy(() -> new BprTrain.Settings(8, 5, 64, 0.1, -2, SamplerKind.UNIFORM, 1, 0, Objective.RANKING).validate())
                .hasMessageStartingWith("regularisation must be");
        assertThatThrownBy(() -> new BprTrain.Settings(8, 5, 64, 0.1, 0, SamplerKind.UNIFORM, 1, -1, Objective.RANKING).validate())
                .hasMessageStartingWith("patience must be");
        assertThatThrownBy(() -> new NeuMfTrain.Settings(8, 8, List.of(), 5, 64, 0.01, 0, SamplerKind.UNIFORM, 1, 0, Objective.RANKING).validate())
                .hasMessageStartingWith("layers must name at least one");
        assertThatThrownBy(() -> new HybridTrain.Settings(8, 5, 64, 0.01, 0, 1.0, 1, SamplerKind.UNIFORM, 1, 0, Objective.RANKING).validate())
                .hasMessage("idDropout must be in [0, 1), not 1.0");
        assertThatThrownBy(() -> new HybridTrain.Settings(8, 5, 64, 0.01, 0, 0.1, 0, SamplerKind.UNIFORM, 1, 0, Objective.RANKING).validate())
                .hasMessage("featureRate must be above 0 and at most 10, not 0.0");
        assertThat(bpr.withSeed(7).seed()).isEqualTo(7);
    }

    @Test
    void theNodesAreFoundByServiceLoader() {
        NodeKindRegistry registry = NodeKindRegistry.load();
        assertThat(registry.find(BprTrain.ID)).isPresent();
        assertThat(registry.find(NeuMfTrain.ID)).isPresent();
        assertThat(registry.find(HybridTrain.ID)).isPresent();
    }

    @Test
    void aPipelineTrainsStoresCurvesAndRatingMetrics() throws Exception {
        PlantedData d = PlantedData.generate(80, 60, 12, 3, 0, 5);
        NodeKindRegistry registry = NodeKindRegistry.load();
        Pipeline p = new Pipeline(registry, "train");
        p.addNode("data", CollectDataset.ID, new CollectDataset.Settings("planted", List.of(),
                List.of(CollectDataset.Part.INTERACTIONS, CollectDataset.Part.ITEMS)));
        p.addNode("split", RandomSplit.ID, new RandomSplit.Settings(0.2, 0.1, 1));
        p.addNode("bpr", BprTrain.ID, new BprTrain.Settings(8, 3, 64, 0.01, 0.01, SamplerKind.POPULARITY, 1, 2, Objective.RANKING));
        p.addNode("mf", BprTrain.ID, new BprTrain.Settings(8, 2, 64, 0.01, 0.01, SamplerKind.UNIFORM, 1, 0, Objective.RATING));
        p.addNode("neumf", NeuMfTrain.ID, new NeuMfTrain.Settings(8, 8, List.of(8), 2, 64, 0.01, 0.01, SamplerKind.UNIFORM, 1, 0, Objective.RANKING));
        p.addNode("hybrid", HybridTrain.ID, new HybridTrain.Settings(8, 2, 64, 0.01, 0.01, 0.3, 1, SamplerKind.UNIFORM, 1, 0, Objective.RANKING));
        p.connect("data", "interactions", "split", "interactions");
        for (String n : List.of("bpr", "mf", "neumf", "hybrid")) {
            p.connect("split", "split", n, "split");
        }
        p.connect("data", "items", "hybrid", "items");
        try (ProjectStore store = ProjectStore.create(dir.resolve("p"))) {
            fill(store, d);
            RunResult run = new PipelineRunner(store).run(p, RunOptions.all(), TaskMonitor.none());
            assertThat(run.status()).as(run.message()).isEqualTo(RunStatus.DONE);
            TrainedModel bpr = run.output(p, "bpr", "model", TrainedModel.class);
            assertThat(bpr.kind()).isEqualTo("bpr");
            assertThat(bpr.settings()).containsEntry("dim", 8).containsEntry("sampler", "POPULARITY");
            assertThat(bpr.curve()).hasSize(3);
            assertThat(run.output(p, "hybrid", "model", TrainedModel.class).kind()).isEqualTo("hybrid");
            assertThat(run.output(p, "neumf", "model", TrainedModel.class).recommender().items().size()).isEqualTo(60);
            assertThat(run.output(p, "mf", "model", TrainedModel.class).kind()).isEqualTo("mf-rating");
            assertThat(query(store, "SELECT COUNT(*) FROM training_curves WHERE node_id = 'bpr' AND valid_metric_name = 'ndcg@10'"
                    + " AND run_id = " + run.runId())).isEqualTo(3);
            assertThat(query(store, "SELECT COUNT(*) FROM training_curves WHERE node_id = 'mf' AND valid_metric_name = 'rmse'")).isEqualTo(2);
            assertThat(query(store, "SELECT COUNT(*) FROM metrics WHERE node_id = 'mf' AND name IN ('rmse', 'mae')"
                    + " AND run_id = " + run.runId())).isEqualTo(2);
            try (Stream<Path> left = Files.walk(store.artifactsDir().resolve("checkpoints"))) {
                assertThat(left.filter(Files::isRegularFile)).as("no checkpoints after finished runs").isEmpty();
            }
        }
    }

    @Test
    void aCancelledNodeResumesFromItsCheckpointOnTheNextRun() throws Exception {
        PlantedData d = PlantedData.generate(80, 60, 12, 3, 0, 5);
        BprTrain kind = new BprTrain();
        BprTrain.Settings s = new BprTrain.Settings(8, 4, 16, 0.01, 0.01, SamplerKind.UNIFORM, 1, 0, Objective.RANKING);
        try (ProjectStore store = ProjectStore.create(dir.resolve("c"))) {
            Ctx cancelling = new Ctx(store, "epoch 3/4");
            assertThatThrownBy(() -> kind.execute(s, List.of(PortData.of(PortTypes.SPLIT, d.split)), cancelling))
                    .isInstanceOf(CancelledException.class);
            try (Stream<Path> files = Files.walk(store.artifactsDir().resolve("checkpoints"))) {
                assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())).containsExactly("checkpoint.bin");
            }
            Ctx again = new Ctx(store, null);
            TrainedModel m = kind.execute(s, List.of(PortData.of(PortTypes.SPLIT, d.split)), again).get(0).as(TrainedModel.class);
            assertThat(again.log).anyMatch(l -> l.equals("resuming bpr after epoch 2 from its checkpoint"));
            assertThat(again.log).noneMatch(l -> l.startsWith("epoch 1:"));
            assertThat(m.curve()).hasSize(4);
        }
    }

    /** A context with a store that cancels when a progress message contains the given text. */
    private static final class Ctx implements ExecutionContext {
        final List<String> log = new ArrayList<>();
        final ProjectStore store;
        final String cancelAt;
        volatile boolean cancelled;

        Ctx(ProjectStore store, String cancelAt) {
            this.store = store;
            this.cancelAt = cancelAt;
        }

        @Override
        public String nodeId() {
            return "bpr";
        }

        @Override
        public ProjectStore store() {
            return store;
        }

        @Override
        public OptionalInt runId() {
            return OptionalInt.empty();
        }

        @Override
        public void progress(double fraction, String message) {
            if (cancelAt != null && message.contains(cancelAt)) {
                cancelled = true;
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void log(String message) {
            log.add(message);
        }
    }

    private static void fill(ProjectStore store, PlantedData d) {
        DatasetFixture fx = DatasetFixture.create(store, "planted");
        int source = fx.source("ratings", SourceKind.BEHAVIOUR);
        List<DatasetFixture.Row> rows = new ArrayList<>();
        for (Split part : List.of(d.split)) {
            for (var t : List.of(part.train(), part.test())) {
                for (int r = 0; r < t.size(); r++) {
                    rows.add(new DatasetFixture.Row(t.users().id(t.user(r)), t.items().id(t.item(r)), (double) t.weight(r), null));
                }
            }
        }
        fx.interactions(source, rows);
        int content = fx.source("genres", SourceKind.ITEM_CONTENT);
        for (int i = 0; i < d.items.size(); i += 1) {
            fx.itemCategory(content, d.items.items().id(i), d.items.info(i).categories().get(0));
        }
    }

    private static int query(ProjectStore store, String sql) {
        return store.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
