package org.recblend.nodes.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.engine.eval.MetricNames;
import org.recblend.engine.model.Fusion;
import org.recblend.nodes.fuse.FuseFeatures;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.NodeRunStatus;
import org.recblend.pipeline.NodeState;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.PipelineValidator;
import org.recblend.pipeline.RunListener;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.pipeline.ValidationReport;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/** The templates on the bundled retail sample: valid, runnable, laid out, and re-run only what a change touches. */
class PipelineTemplatesTest {
    static final NodeKindRegistry REGISTRY = NodeKindRegistry.load();

    @TempDir
    static Path dir;
    static ProjectStore store;
    static PipelineRunner runner;

    @BeforeAll
    static void sample() throws Exception {
        store = TemplateRuns.sampleProject(dir.resolve("retail"));
        runner = new PipelineRunner(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everyTemplateIsValidOverTheSampleDatasetAndLaidOutLeftToRight() {
        assertThat(PipelineTemplates.list()).extracting(PipelineTemplate::name).containsExactly(
                PipelineTemplates.LLM_HYBRID, PipelineTemplates.CF_BASELINE, PipelineTemplates.COLD_START,
                PipelineTemplates.SOCIAL_FUSION);
        for (PipelineTemplate t : PipelineTemplates.list()) {
            assertThat(t.description()).as(t.name()).hasSizeGreaterThan(40);
            Pipeline p = t.build(REGISTRY, "retail");
            ValidationReport report = PipelineValidator.validate(p);
            assertThat(report.isValid()).as(t.name() + ": " + report).isTrue();
            assertThat(runner.states(p).values()).as(t.name()).doesNotContain(NodeState.NOT_CONFIGURED);
            // every wire goes right, and no two nodes share a place
            p.connections().forEach(c -> assertThat(p.node(c.toNode()).x()).as(t.name() + " " + c)
                    .isGreaterThan(p.node(c.fromNode()).x()));
            Set<String> places = new HashSet<>();
            p.nodes().forEach(n -> assertThat(places.add(n.x() + "," + n.y())).as(t.name() + " " + n.id()).isTrue());
        }
    }

    @Test
    void withoutADatasetTheCollectNodeAsksForOne() {
        Pipeline p = PipelineTemplates.find(PipelineTemplates.LLM_HYBRID).orElseThrow().build(REGISTRY, "");
        ValidationReport report = PipelineValidator.validate(p);
        assertThat(report.isValid("collect")).isFalse();
        assertThat(report.summary("collect")).hasValueSatisfying(s -> assertThat(s).contains("Choose the dataset"));
    }

    @Test
    void addSavesUnderAFreshNameAndAddDefaultAddsTheHybridOnce(@TempDir Path own) throws Exception {
        try (ProjectStore s = TemplateRuns.sampleProject(own.resolve("p"))) {
            PipelineRepository repo = new PipelineRepository(s, REGISTRY);
            assertThat(PipelineTemplates.addDefault(s, REGISTRY)).isPresent();
            assertThat(PipelineTemplates.addDefault(s, REGISTRY)).isEmpty();
            Pipeline second = PipelineTemplates.add(PipelineTemplates.CF_BASELINE, s, REGISTRY);
            Pipeline third = PipelineTemplates.add(PipelineTemplates.CF_BASELINE, s, REGISTRY);
            assertThat(second.name()).isEqualTo("CF baseline");
            assertThat(third.name()).isEqualTo("CF baseline (2)");
            assertThat(repo.list()).extracting(x -> x.name())
                    .containsExactlyInAnyOrder("CF baseline", "CF baseline (2)", "LLM hybrid", "Prepare data");
            Pipeline loaded = repo.load("LLM hybrid");
            assertThat(loaded.node("collect").settingsJson().get("dataset").asText())
                    .as("the template reads the project's dataset").isEqualTo("retail");
            assertThat(loaded.nodes()).hasSize(8);
            assertThatThrownBy(() -> PipelineTemplates.add("No such", s, REGISTRY))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LLM hybrid");
        }
    }

    @Test
    void theLlmHybridRunsOnTheSampleWithEveryNodeDone() throws Exception {
        Pipeline p = PipelineTemplates.find(PipelineTemplates.LLM_HYBRID).orElseThrow().build(REGISTRY, "retail");
        TemplateRuns.capEpochs(p, 3);
        RunResult run = runner.run(p, RunOptions.all(), TaskMonitor.none());
        assertThat(run.status()).as(run.message()).isEqualTo(RunStatus.DONE);
        assertThat(run.nodes().values()).extracting(r -> r.status()).containsOnly(NodeRunStatus.DONE);
        assertThat(runner.states(p).values()).containsOnly(NodeState.DONE);
        EvaluationResult eval = run.output(p, "evaluate", "metrics", EvaluationResult.class);
        // 1,000 items: a random ranking has NDCG@10 near 0.01
        assertThat(eval.value(MetricNames.NDCG, 10)).isGreaterThan(0.03);
    }

    @Test
    void theCfBaselineRunsOnTheSampleWithEveryNodeDone() throws Exception {
        Pipeline p = PipelineTemplates.find(PipelineTemplates.CF_BASELINE).orElseThrow().build(REGISTRY, "retail");
        TemplateRuns.capEpochs(p, 3);
        RunResult run = runner.run(p, RunOptions.all(), TaskMonitor.none());
        assertThat(run.status()).as(run.message()).isEqualTo(RunStatus.DONE);
        assertThat(run.nodes().values()).extracting(r -> r.status()).containsOnly(NodeRunStatus.DONE);
        for (String model : List.of("bpr", "popularity", "itemknn")) {
            EvaluationResult eval = run.output(p, "evaluate-" + model, "metrics", EvaluationResult.class);
            assertThat(eval.value(MetricNames.NDCG, 10)).as(model).isGreaterThan(0.02);
        }
    }

    @Test
    void changingOneSettingReRunsOnlyThatNodeAndWhatIsDownstreamOfIt() throws Exception {
        Pipeline p = PipelineTemplates.find(PipelineTemplates.LLM_HYBRID).orElseThrow().build(REGISTRY, "retail");
        p.setName("counting");
        TemplateRuns.capEpochs(p, 2);
        RunResult first = runner.run(p, RunOptions.all(), TaskMonitor.none());
        assertThat(first.status()).as(first.message()).isEqualTo(RunStatus.DONE);

        FuseFeatures.Settings fuse = p.node("fuse").settings(FuseFeatures.Settings.class);
        p.setSettings("fuse", new FuseFeatures.Settings(Fusion.Mode.CONCAT, Map.of(), fuse.normalise(), fuse.itemContent(),
                fuse.numericBins()));
        assertThat(runner.states(p)).containsEntry("collect", NodeState.DONE).containsEntry("text", NodeState.DONE)
                .containsEntry("fuse", NodeState.STALE).containsEntry("hybrid", NodeState.STALE);

        ExecutionCounter counter = new ExecutionCounter();
        RunResult second = runner.run(p, RunOptions.all().withListener(counter), TaskMonitor.none());
        assertThat(second.status()).as(second.message()).isEqualTo(RunStatus.DONE);
        Set<String> expected = new HashSet<>(p.downstreamOf("fuse"));
        expected.add("fuse");
        assertThat(expected).containsExactlyInAnyOrder("fuse", "hybrid", "recommend", "evaluate");
        assertThat(counter.executions).as("nodes that executed, by RUNNING events").containsOnlyKeys(expected);
        assertThat(counter.executions.values()).as("each once").containsOnly(1);
        assertThat(second.executedNodes()).containsExactlyInAnyOrderElementsOf(expected);
        for (Node n : p.nodes()) {
            if (!expected.contains(n.id())) {
                assertThat(second.node(n.id()).orElseThrow().executed()).as(n.id() + " comes from the cache").isFalse();
            }
        }
        // the run records agree with what the listener saw
        assertThat(new org.recblend.pipeline.RunRepository(store).nodeRuns(second.runId()))
                .filteredOn(r -> r.executed()).extracting(r -> r.nodeId()).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Counts RUNNING events per node: the runner sends one each time it executes a node (not for cache hits). */
    static final class ExecutionCounter implements RunListener {
        final Map<String, Integer> executions = new ConcurrentHashMap<>();
        final List<String> order = new ArrayList<>();

        @Override
        public void nodeState(String nodeId, NodeState state, String message) {
            if (state == NodeState.RUNNING) {
                executions.merge(nodeId, 1, Integer::sum);
                order.add(nodeId);
            }
        }
    }
}
