package org.recblend.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.Split;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.nodes.templates.TemplateRuns;
import org.recblend.nodes.train.BprTrain;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/** {@link PipelineRunner#cachedOutputs} on the CF baseline over the retail sample: what the output preview reads. */
class CachedOutputsTest {
    private static final NodeKindRegistry REGISTRY = NodeKindRegistry.load();
    @TempDir
    static Path dir;
    static ProjectStore store;
    static PipelineRunner runner;
    static Pipeline p;
    static RunResult run;

    @BeforeAll
    static void runTheBaseline() throws Exception {
        store = TemplateRuns.sampleProject(dir.resolve("retail"));
        runner = new PipelineRunner(store);
        p = PipelineTemplates.find(PipelineTemplates.CF_BASELINE).orElseThrow().build(REGISTRY, "retail");
        p.setName("cached outputs");
        TemplateRuns.capEpochs(p, 2);
        run = runner.run(p, RunOptions.all(), TaskMonitor.none());
        assertThat(run.status()).as(run.message()).isEqualTo(RunStatus.DONE);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void afterARunEveryNodesOutputsAreThoseTheRunProduced() {
        for (Node n : p.nodes()) {
            assertThat(runner.cachedOutputs(p, n.id())).as(n.id()).contains(run.outputs().get(n.id()));
        }
        assertThat(runner.cachedOutputs(p, "bpr").orElseThrow().get(0).value()).isInstanceOf(TrainedModel.class);
        assertThat(runner.cachedOutputs(p, "evaluate-bpr").orElseThrow().get(0).as(EvaluationResult.class))
                .isEqualTo(run.output(p, "evaluate-bpr", "metrics", EvaluationResult.class));
    }

    @Test
    void aChangedSettingHidesTheOutputsOfThatNodeAndWhatIsDownstreamOnly() throws Exception {
        Pipeline changed = p.copy();
        BprTrain.Settings b = changed.node("bpr").settings(BprTrain.Settings.class);
        changed.setSettings("bpr", new BprTrain.Settings(b.dim(), b.epochs(), b.batchSize(), b.learningRate() * 2, b.regularisation(),
                b.sampler(), b.seed(), b.patience(), b.objective()));
        assertThat(runner.cachedOutputs(changed, "bpr")).isEmpty();
        assertThat(runner.cachedOutputs(changed, "evaluate-bpr")).isEmpty();
        assertThat(runner.cachedOutputs(changed, "itemknn")).contains(run.outputs().get("itemknn"));
        assertThat(runner.cachedOutputs(changed, "split")).contains(run.outputs().get("split"));

        RandomSplit.Settings s = changed.node("split").settings(RandomSplit.Settings.class);
        changed.setSettings("split", s.withSeed(s.seed() + 1));
        assertThat(runner.cachedOutputs(changed, "split")).isEmpty();
        assertThat(runner.cachedOutputs(changed, "itemknn")).as("upstream of it changed").isEmpty();
        assertThat(runner.cachedOutputs(changed, "collect")).contains(run.outputs().get("collect"));
        assertThat(runner.cachedOutputs(p, "split")).as("the original pipeline still finds them")
                .contains(run.outputs().get("split"));
    }

    @Test
    void unknownAndUnconfiguredNodesHaveNoOutputs() throws Exception {
        assertThat(runner.cachedOutputs(p, "no-such-node")).isEmpty();
        Pipeline broken = p.copy();
        broken.setSettings("collect", new CollectDataset.Settings("", List.of(), List.of(CollectDataset.Part.INTERACTIONS)));
        assertThat(runner.states(broken)).containsEntry("collect", NodeState.NOT_CONFIGURED);
        assertThat(runner.cachedOutputs(broken, "collect")).isEmpty();
        assertThat(runner.cachedOutputs(broken, "split")).isEmpty();
    }

    @Test
    void aRunnerOpenedLaterReadsTheOutputsFromDisk() {
        // a runner of its own: its memory is empty, as after reopening the project (the shared one stays as it is)
        PipelineRunner later = new PipelineRunner(store);
        assertThat(later.cache().memorySize()).isZero();
        List<PortData> split = later.cachedOutputs(p, "split").orElseThrow();
        assertThat(split.get(0).as(Split.class)).isEqualTo(run.output(p, "split", "split", Split.class));
        assertThat(later.cachedOutputs(p, "evaluate-itemknn").orElseThrow().get(0).as(EvaluationResult.class))
                .isEqualTo(run.output(p, "evaluate-itemknn", "metrics", EvaluationResult.class));
        assertThat(later.cache().memorySize()).isEqualTo(2);
    }
}
