package org.recblend.ui.editor.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.Embeddings;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.ItemTable;
import org.recblend.domain.Split;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.engine.eval.MetricNames;
import org.recblend.engine.eval.MetricValue;
import org.recblend.engine.feature.FeatureSet;
import org.recblend.engine.recommend.Recommendations;
import org.recblend.nodes.templates.TemplateRuns;
import org.recblend.nodes.train.HybridTrain;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.NodeState;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.recblend.ui.editor.run.MetricPoint;

/** The previews of every kind of output, on the real outputs of a hybrid run over the retail sample. */
class PortPreviewsTest {
    @TempDir
    static Path dir;
    static ProjectStore store;
    static PipelineRunner runner;
    static Pipeline p;
    static RunResult run;

    @BeforeAll
    static void run() throws Exception {
        store = TemplateRuns.sampleProject(dir.resolve("retail"));
        runner = new PipelineRunner(store);
        p = PreviewPipelines.hybridWithTfIdf("preview model", 3);
        run = runner.run(p, RunOptions.all(), TaskMonitor.none());
        assertThat(run.status()).as(run.message()).isEqualTo(RunStatus.DONE);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static NodeOutputs outputs(String nodeId) {
        NodeOutputs out = NodeOutputs.load(runner, p.copy(), nodeId);
        assertThat(out.state()).as(out.message()).isEqualTo(NodeState.DONE);
        return out;
    }

    private static <T extends PortPreview> T preview(String nodeId, String port, Class<T> cls) {
        return cls.cast(outputs(nodeId).port(port).orElseThrow().preview());
    }

    @Test
    void theCollectNodeShowsEachOutputAsItsFirstRows() {
        NodeOutputs collect = outputs("collect");
        assertThat(collect.ports()).extracting(NodeOutputs.Port::name).containsExactly("interactions", "items", "users", "social", "texts");
        InteractionTable t = run.output(p, "collect", "interactions", InteractionTable.class);
        PortPreview.Table table = preview("collect", "interactions", PortPreview.Table.class);
        assertThat(table.columns()).startsWith("user", "item", "weight");
        assertThat(table.rows()).hasSize(DataTables.MAX_ROWS).allSatisfy(r -> assertThat(r).hasSameSizeAs(table.columns()));
        assertThat(table.rows().get(3)).startsWith(t.users().id(t.user(3)), t.items().id(t.item(3)));
        assertThat(table.totalRows()).isEqualTo(t.size());
        assertThat(table.footer()).isEqualTo(String.format(java.util.Locale.ROOT, "First 50 rows of %,d", t.size()));
        assertThat(table.summary()).startsWith(String.format(java.util.Locale.ROOT, "%,d interactions", t.size()));

        ItemTable items = run.output(p, "collect", "items", ItemTable.class);
        PortPreview.Table itemTable = preview("collect", "items", PortPreview.Table.class);
        assertThat(itemTable.columns()).startsWith("item", "title", "categories");
        assertThat(itemTable.rows().get(0).get(0)).isEqualTo(items.items().id(0));
        assertThat(itemTable.rows().get(0).get(1)).isEqualTo(items.info(0).texts().get("title"));
        assertThat(itemTable.rows()).allSatisfy(r -> assertThat(r).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(Cells.MAX_TEXT)));
    }

    @Test
    void theSplitShowsItsThreeCountsAndRowsOfEachPart() {
        Split s = run.output(p, "split", "split", Split.class);
        PortPreview.Table table = preview("split", "split", PortPreview.Table.class);
        assertThat(table.summary()).isEqualTo(String.format(java.util.Locale.ROOT, "train %,d · validation %,d · test %,d interactions",
                s.train().size(), s.validation().size(), s.test().size()));
        assertThat(table.columns()).startsWith("part", "user", "item");
        assertThat(table.rows()).extracting(r -> r.get(0)).contains("train", "validation", "test");
        assertThat(table.rows().stream().filter(r -> r.get(0).equals("test")).findFirst().orElseThrow().get(1))
                .isEqualTo(s.test().users().id(s.test().user(0)));
        assertThat(table.totalRows()).isEqualTo(s.size());
    }

    @Test
    void embeddingsShowTheNearestNeighboursOfTheFirstItemsByCosine() {
        Embeddings e = run.output(p, "text", "embeddings", Embeddings.class);
        PortPreview.Neighbours n = preview("text", "embeddings", PortPreview.Neighbours.class);
        assertThat(n.dim()).isEqualTo(e.dim()).isEqualTo(64);
        assertThat(n.count()).isEqualTo(e.size());
        assertThat(n.summary()).contains("× 64 dimensions");
        assertThat(n.anchors()).hasSize(NearestNeighbours.ANCHORS);
        for (PortPreview.Anchor a : n.anchors()) {
            assertThat(a.label()).as("titles from the collect node's item table").startsWith(a.id() + " · ");
            assertThat(a.neighbours()).hasSize(NearestNeighbours.NEIGHBOURS);
            List<Double> sims = a.neighbours().stream().map(PortPreview.Neighbour::similarity).toList();
            assertThat(sims).isSortedAccordingTo((x, y) -> Double.compare(y, x)).allSatisfy(s -> assertThat(s).isBetween(-1.0, 1.0));
            int row = e.ids().indexOf(a.id());
            for (PortPreview.Neighbour nb : a.neighbours()) {
                assertThat(nb.id()).isNotEqualTo(a.id());
                assertThat(nb.similarity()).isCloseTo(e.cosine(row, e.ids().indexOf(nb.id())), within(1e-6));
            }
            // no other item is closer than the fifth neighbour
            double fifth = sims.get(sims.size() - 1);
            for (int r = 0; r < e.size(); r++) {
                if (r != row && e.present(r)) {
                    int other = r;
                    if (a.neighbours().stream().noneMatch(nb -> nb.id().equals(e.ids().id(other)))) {
                        assertThat(e.cosine(row, r)).isLessThanOrEqualTo(fifth + 1e-9);
                    }
                }
            }
        }
        assertThat(n.anchors().get(0).id()).as("the first item with a vector, in id order").isEqualTo(firstPresent(e));
    }

    private static String firstPresent(Embeddings e) {
        for (int r = 0; r < e.size(); r++) {
            if (e.present(r)) {
                return e.ids().id(r);
            }
        }
        throw new AssertionError("no vectors");
    }

    @Test
    void fusedFeaturesShowSomeColumnsOfEveryBlock() {
        FeatureSet f = run.output(p, "fuse", "item features", FeatureSet.class);
        PortPreview.Table table = preview("fuse", "item features", PortPreview.Table.class);
        assertThat(table.totalRows()).isEqualTo(f.ids().size());
        assertThat(table.columns().get(0)).isEqualTo("item");
        for (var block : f.blocks()) {
            assertThat(table.groups()).as("every block shows").contains(Cells.source(block.name()));
        }
        assertThat(table.groups().get(1)).isEqualTo("categories");
        assertThat(table.columns().get(1)).isEqualTo(f.blocks().get(0).columns().get(0));
        assertThat(table.rows().get(0).get(1)).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", f.blocks().get(0).values().get(0, 0)));
        assertThat(table.summary()).contains(String.format(java.util.Locale.ROOT, "%,d features", f.width())).contains("fusion gated");
    }

    @Test
    void aTrainedModelShowsItsLossCurveAndSettings() {
        TrainedModel m = run.output(p, "hybrid", "model", TrainedModel.class);
        PortPreview.Model model = preview("hybrid", "model", PortPreview.Model.class);
        assertThat(model.noCurve()).isEmpty();
        assertThat(model.points()).filteredOn(pt -> pt.series().equals(ExecutionContext.LOSS)).extracting(MetricPoint::value)
                .containsExactlyElementsOf(m.curve().stream().map(r -> r.trainLoss()).toList());
        assertThat(model.points()).filteredOn(pt -> pt.series().startsWith("ndcg")).hasSize(m.curve().size());
        assertThat(m.curve()).hasSize(p.node("hybrid").settings(HybridTrain.Settings.class).epochs());
        assertThat(model.summary()).startsWith(m.kind() + " · 3 epochs in ").contains("best validation ndcg@");
        assertThat(model.settings()).containsKeys(m.settings().keySet().toArray(String[]::new));
        assertThat(model.trainSeconds()).isEqualTo(m.trainSeconds());
    }

    @Test
    void aModelWithoutEpochsSaysSoInWords() {
        PortPreview.Model model = preview("popularity", "model", PortPreview.Model.class);
        assertThat(model.points()).isEmpty();
        assertThat(model.noCurve()).hasValueSatisfying(s -> assertThat(s).startsWith("No loss curve"));
    }

    @Test
    void recommendationsShowWholeListsWithItemTitles() {
        Recommendations r = run.output(p, "recommend", "recommendations", Recommendations.class);
        PortPreview.Table table = preview("recommend", "recommendations", PortPreview.Table.class);
        assertThat(table.columns()).containsExactly("user", "rank", "item", "score");
        assertThat(table.rows()).hasSize(DataTables.MAX_ROWS);
        int first = r.userAt(0);
        int[] items = r.itemsOf(first);
        for (int i = 0; i < items.length; i++) {
            List<String> row = table.rows().get(i);
            assertThat(row.get(0)).isEqualTo(i == 0 ? r.users().id(first) : "");
            assertThat(row.get(1)).isEqualTo(Integer.toString(i + 1));
            assertThat(row.get(2)).startsWith(r.items().id(items[i]) + " · ");
            assertThat(Double.parseDouble(row.get(3))).isCloseTo(r.scoresOf(first)[i], within(1e-4));
        }
        assertThat(table.summary()).startsWith("Top 10 for ");
    }

    @Test
    void metricsShowEveryFigureOverallAndPerSegment() {
        EvaluationResult result = run.output(p, "evaluate", "metrics", EvaluationResult.class);
        PortPreview.Metrics metrics = preview("evaluate", "metrics", PortPreview.Metrics.class);
        assertThat(metrics.segments().get(0)).isEqualTo(MetricNames.ALL);
        assertThat(metrics.row(MetricNames.NDCG, 10).orElseThrow().value(MetricNames.ALL)).isEqualTo(result.value(MetricNames.NDCG, 10));
        assertThat(metrics.row(MetricNames.NDCG, 10).orElseThrow().cell(MetricNames.ALL))
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.4f", result.value(MetricNames.NDCG, 10)));
        for (MetricValue v : result.metrics()) {
            assertThat(metrics.segments()).contains(v.segment());
            PortPreview.MetricRow row = metrics.rows().stream().filter(r -> r.label().equals(v.label())).findFirst().orElseThrow();
            assertThat(row.value(v.segment())).as(v.label() + " " + v.segment()).isEqualTo(v.value());
        }
        assertThat(metrics.summary()).startsWith(String.format(java.util.Locale.ROOT, "%,d users evaluated", result.evaluatedUsers()));
    }

    @Test
    void aNodeWithoutCachedOutputsSaysWhatToDo() throws Exception {
        Pipeline changed = p.copy();
        HybridTrain.Settings h = changed.node("hybrid").settings(HybridTrain.Settings.class);
        changed.setSettings("hybrid", new HybridTrain.Settings(h.dim(), h.epochs(), h.batchSize(), h.learningRate() * 2,
                h.regularisation(), h.idDropout(), h.featureRate(), h.sampler(), h.seed(), h.patience(), h.objective(),
                h.coldRidge(), h.ablation(), h.coldTarget(), h.userProfile(), h.coldRidgeAuto()));
        NodeOutputs stale = NodeOutputs.load(runner, changed, "evaluate");
        assertThat(stale.ports()).isEmpty();
        assertThat(stale.state()).isEqualTo(NodeState.STALE);
        assertThat(stale.message()).contains("Run it again");

        Pipeline unsaved = changed.copy();
        unsaved.setName(null);
        assertThat(NodeOutputs.load(runner, unsaved, "hybrid").message()).isEqualTo(NodeOutputs.RUN_TO_SEE);
        assertThat(NodeOutputs.load(runner, changed, "no-such-node").message()).contains("no-such-node");
    }
}
