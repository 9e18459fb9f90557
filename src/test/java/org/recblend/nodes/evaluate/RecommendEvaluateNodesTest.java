package org.recblend.nodes.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.SourceKind;
import org.recblend.domain.Split;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.eval.EvalOptions;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.engine.eval.MetricNames;
import org.recblend.engine.eval.MetricValue;
import org.recblend.engine.recommend.Recommendations;
import org.recblend.engine.recommend.RecommendationsCsv;
import org.recblend.nodes.TestContext;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.nodes.recommend.RecommendTopK;
import org.recblend.nodes.recommend.RecommendationRepository;
import org.recblend.nodes.train.TrainItemKnn;
import org.recblend.nodes.train.TrainPopularity;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.NodeRunStatus;
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
import org.recblend.testutil.PlantedData;

/** Collect → split → train → recommend and evaluate, run as a pipeline on a project with planted data. */
class RecommendEvaluateNodesTest {
    @TempDir
    Path dir;
    private Pipeline pipeline;
    private final NodeKindRegistry registry = NodeKindRegistry.load();

    @BeforeEach
    void build() throws Exception {
        pipeline = new Pipeline(registry, "models");
        pipeline.addNode("data", CollectDataset.ID, new CollectDataset.Settings("planted", List.of(), List.of(CollectDataset.Part.INTERACTIONS)));
        pipeline.addNode("split", RandomSplit.ID, new RandomSplit.Settings(0.25, 0, 42));
        pipeline.addNode("pop", TrainPopularity.ID);
        pipeline.addNode("knn", TrainItemKnn.ID, new TrainItemKnn.Settings(50, 10));
        pipeline.addNode("rec", RecommendTopK.ID);
        pipeline.addNode("evalPop", EvaluateModel.ID);
        pipeline.addNode("evalKnn", EvaluateModel.ID);
        pipeline.connect("data", "interactions", "split", "interactions");
        for (String train : List.of("pop", "knn")) {
            pipeline.connect("split", "split", train, "split");
        }
        pipeline.connect("knn", "model", "rec", "model");
        pipeline.connect("split", "split", "rec", "split");
        pipeline.connect("pop", "model", "evalPop", "model");
        pipeline.connect("split", "split", "evalPop", "split");
        pipeline.connect("knn", "model", "evalKnn", "model");
        pipeline.connect("split", "split", "evalKnn", "split");
    }

    private static ProjectStore project(Path file) throws Exception {
        ProjectStore store = ProjectStore.create(file);
        DatasetFixture fx = DatasetFixture.create(store, "planted");
        int source = fx.source("ratings", SourceKind.BEHAVIOUR);
        InteractionTable all = PlantedData.generate(120, 60, 5).all();
        List<DatasetFixture.Row> rows = new ArrayList<>();
        for (int r = 0; r < all.size(); r++) {
            rows.add(new DatasetFixture.Row(all.users().id(all.user(r)), all.items().id(all.item(r)), (double) all.weight(r), all.ts(r)));
        }
        fx.interactions(source, rows);
        return store;
    }

    @Test
    void storesRecommendationsAndMetricsOfTheRun() throws Exception {
        try (ProjectStore store = project(dir.resolve("p"))) {
            RunResult run = new PipelineRunner(store).run(pipeline, RunOptions.all(), TaskMonitor.none());
            assertThat(run.status()).as(run.message()).isEqualTo(RunStatus.DONE);
            Split split = run.output(pipeline, "split", "split", Split.class);
            Recommendations recs = run.output(pipeline, "rec", "recommendations", Recommendations.class);
            int users = split.train().users().size();
            assertThat(recs.userCount()).isEqualTo(users);
            assertThat(recs.size()).isEqualTo(users * 10);

            RecommendationRepository repo = new RecommendationRepository(store);
            assertThat(repo.count(run.runId(), "rec")).isEqualTo(users * 10);
            StringWriter stored = new StringWriter();
            assertThat(repo.exportCsv(run.runId(), "rec", stored)).isEqualTo(users * 10);
            StringWriter direct = new StringWriter();
            RecommendationsCsv.write(recs, direct);
            // stored lists export exactly as the in-memory ones (users are in database id order in both)
            assertThat(sortedLines(stored.toString())).isEqualTo(sortedLines(direct.toString()));
            List<CSVRecord> csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(stored.toString())).getRecords();
            assertThat(csv.get(0).toMap()).containsOnlyKeys("user_id", "rank", "item_id", "score");
            assertThat(csv.get(0).get("rank")).isEqualTo("1");
            // no list holds an item the user has in training
            Set<String> trainPairs = new HashSet<>();
            for (int r = 0; r < split.train().size(); r++) {
                trainPairs.add(split.train().users().id(split.train().user(r)) + "/" + split.train().items().id(split.train().item(r)));
            }
            for (CSVRecord rec : csv) {
                assertThat(trainPairs).doesNotContain(rec.get("user_id") + "/" + rec.get("item_id"));
            }

            EvaluationResult knn = run.output(pipeline, "evalKnn", "metrics", EvaluationResult.class);
            MetricsRepository metrics = new MetricsRepository(store);
            List<MetricValue> loaded = metrics.load(run.runId(), "evalKnn");
            assertThat(loaded).contains(new MetricValue(MetricNames.NDCG, 10, MetricNames.ALL, knn.value(MetricNames.NDCG, 10)));
            assertThat(loaded).anyMatch(m -> m.segment().equals(MetricNames.USERS_5_20));
            assertThat(loaded).noneMatch(m -> m.segment().startsWith("user:"));
            assertThat(metrics.perUser(run.runId(), "evalKnn", MetricNames.NDCG, 10)).hasSize(knn.evaluatedUsers());
            assertThat(rowCount(store, run.runId(), "evalKnn", "user:%"))
                    .isEqualTo((long) knn.evaluatedUsers() * (knn.perUserKeys().size()));

            MetricsRepository.Comparison c = metrics.compare(run.runId(), "evalKnn", run.runId(), "evalPop", MetricNames.NDCG, 10);
            assertThat(c.users()).isEqualTo(knn.evaluatedUsers());
            assertThat(c.meanA()).isCloseTo(knn.value(MetricNames.NDCG, 10), within(1e-9));
            assertThat(c.meanA()).isGreaterThan(c.meanB());
            assertThat(c.test().pValue()).isLessThan(0.01);
            assertThat(c.test().z()).isPositive();
        }
    }

    /** A re-run takes every node from the cache; its stored results are those of the run that computed them. */
    @Test
    void cachedNodesOfALaterRunFindTheirStoredResults() throws Exception {
        try (ProjectStore store = project(dir.resolve("p"))) {
            PipelineRunner runner = new PipelineRunner(store);
            RunResult first = runner.run(pipeline, RunOptions.all(), TaskMonitor.none());
            RunResult second = runner.run(pipeline, RunOptions.all(), TaskMonitor.none());
            assertThat(second.node("evalKnn").orElseThrow().executed()).isFalse();
            assertThat(second.node("evalKnn").orElseThrow().status()).isEqualTo(NodeRunStatus.DONE);
            MetricsRepository metrics = new MetricsRepository(store);
            assertThat(metrics.load(second.runId(), "evalKnn")).isEqualTo(metrics.load(first.runId(), "evalKnn")).isNotEmpty();
            StringWriter a = new StringWriter();
            StringWriter b = new StringWriter();
            RecommendationRepository repo = new RecommendationRepository(store);
            repo.exportCsv(first.runId(), "rec", a);
            repo.exportCsv(second.runId(), "rec", b);
            assertThat(b.toString()).isEqualTo(a.toString());
            assertThat(rowCount(store, second.runId(), "evalKnn", "%")).isZero();
        }
    }

    @Test
    void recommendKeepsSeenItemsWhenAsked() throws Exception {
        Split split = PlantedData.generate(50, 40, 2).split();
        TrainedModel pop = (TrainedModel) new TrainPopularity().execute(new TrainPopularity.Settings(
                org.recblend.engine.classic.PopularityRecommender.Measure.USERS),
                List.of(PortData.of(PortTypes.SPLIT, split)), new TestContext()).get(0).value();
        List<PortData> in = List.of(PortData.of(org.recblend.nodes.train.TrainPorts.TRAINED_MODEL, pop), PortData.of(PortTypes.SPLIT, split));
        Recommendations with = (Recommendations) new RecommendTopK().execute(new RecommendTopK.Settings(40, false, false), in,
                new TestContext()).get(0).value();
        Recommendations without = (Recommendations) new RecommendTopK().execute(new RecommendTopK.Settings(40, true, false), in,
                new TestContext()).get(0).value();
        int[] counts = split.train().userCounts();
        int distinctTrain = 0;
        for (int u = 0; u < 50; u++) {
            assertThat(with.itemsOf(u)).hasSize(40);
            distinctTrain = counts[u];
            assertThat(without.itemsOf(u)).hasSize(40 - distinctTrain);
        }
        // popularity gives every user the same order: seen items are simply skipped
        assertThat(with.itemsOf(0)).startsWith(with.itemsOf(1)[0]);
    }

    @Test
    void evaluateStopsBeforeStoringWhenCancelled() throws Exception {
        Split split = PlantedData.generate(50, 40, 2).split();
        TestContext ctx = new TestContext();
        TrainedModel pop = (TrainedModel) new TrainPopularity().execute(new TrainPopularity().defaultSettings(),
                List.of(PortData.of(PortTypes.SPLIT, split)), ctx).get(0).value();
        ctx.cancelled = true;
        assertThatThrownBy(() -> new EvaluateModel().execute(new EvaluateModel().defaultSettings(),
                List.of(PortData.of(org.recblend.nodes.train.TrainPorts.TRAINED_MODEL, pop), PortData.of(PortTypes.SPLIT, split)), ctx))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void evaluateRefusesAMissingValidationPart() throws Exception {
        Split split = PlantedData.generate(50, 40, 2).split();
        TestContext ctx = new TestContext();
        TrainedModel pop = (TrainedModel) new TrainPopularity().execute(new TrainPopularity().defaultSettings(),
                List.of(PortData.of(PortTypes.SPLIT, split)), ctx).get(0).value();
        EvaluateModel.Settings onValidation = new EvaluateModel.Settings(List.of(10), EvalOptions.Target.VALIDATION, true, true);
        assertThatThrownBy(() -> new EvaluateModel().execute(onValidation,
                List.of(PortData.of(org.recblend.nodes.train.TrainPorts.TRAINED_MODEL, pop), PortData.of(PortTypes.SPLIT, split)), ctx))
                .hasMessageContaining("no validation part");
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new EvaluateModel.Settings(List.of(0), EvalOptions.Target.TEST, true, true).validate())
                .hasMessageContaining("between 1 and 1,000");
        assertThatThrownBy(() -> new RecommendTopK.Settings(0, true, true).validate()).hasMessageContaining("K must be");
        assertThatThrownBy(() -> new TrainItemKnn.Settings(0, 1).validate()).hasMessageContaining("Neighbours");
        assertThatThrownBy(() -> new org.recblend.nodes.train.TrainEase.Settings(-1).validate()).hasMessageContaining("positive");
    }

    private static List<String> sortedLines(String csv) {
        return csv.lines().sorted().toList();
    }

    private static long rowCount(ProjectStore store, int runId, String nodeId, String segmentLike) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM metrics WHERE run_id = ? AND node_id = ? AND segment LIKE ?")) {
                ps.setInt(1, runId);
                ps.setString(2, nodeId);
                ps.setString(3, segmentLike);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
