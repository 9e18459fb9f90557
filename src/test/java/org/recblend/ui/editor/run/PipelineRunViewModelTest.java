package org.recblend.ui.editor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recblend.ui.editor.run.RunFx.awaitIdle;
import static org.recblend.ui.editor.run.RunFx.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.engine.train.Objective;
import org.recblend.engine.train.SamplerKind;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.nodes.templates.TemplateRuns;
import org.recblend.nodes.train.BprTrain;
import org.recblend.pipeline.NodeState;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.store.ProjectStore;
import org.recblend.ui.task.BackgroundTasks;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Run control on the CF baseline over the retail sample, through the workbench's background jobs:
 * badges, run all, run up to a node, re-run what is stale, cancel in the middle, a failing node.
 */
@ExtendWith(ApplicationExtension.class)
class PipelineRunViewModelTest {
    @TempDir
    static Path dir;
    static ProjectStore store;
    static PipelineRunner runner;
    final BackgroundTasks jobs = new BackgroundTasks();

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
    void runAllShowsEveryNodeDoneWithItsLogAndTheTrainingCurve() throws Exception {
        Pipeline p = RunFx.template(PipelineTemplates.CF_BASELINE, "vm all", 3);
        PipelineRunViewModel vm = RunFx.viewModel(runner, p, jobs);
        assertThat(fx(() -> states(vm))).containsOnlyKeys(p.nodes().stream().map(n -> n.id()).toList())
                .allSatisfy((id, s) -> assertThat(s).as(id).isEqualTo(id.equals("collect") && s == NodeState.DONE
                        ? NodeState.DONE : NodeState.READY));
        assertThat(fx(() -> states(vm))).as("the badges are the runner's").isEqualTo(runner.states(p));

        assertThat(fx(vm::runAll)).isTrue();
        assertThat(fx(vm::isRunning)).isTrue();
        assertThat(fx(jobs.running()::size)).as("the run is one of the workbench's jobs").isEqualTo(1);
        assertThat(fx(vm::runAll)).as("a second run is refused while one runs").isFalse();
        awaitIdle(vm, 120);

        assertThat(fx(() -> states(vm))).allSatisfy((id, s) -> assertThat(s).as(id).isEqualTo(NodeState.DONE));
        RunResult last = fx(() -> vm.lastResultProperty().get());
        assertThat(last.status()).isEqualTo(RunStatus.DONE);
        assertThat(fx(() -> vm.node("bpr").progressProperty().get())).isEqualTo(1.0);
        assertThat(fx(() -> List.copyOf(vm.node("bpr").log()))).anyMatch(l -> l.startsWith("epoch 1: loss"));
        List<MetricPoint> curve = fx(() -> List.copyOf(vm.node("bpr").metrics()));
        assertThat(curve).filteredOn(m -> m.series().equals("loss")).extracting(MetricPoint::step).containsExactly(1, 2, 3);
        assertThat(curve).filteredOn(m -> m.series().equals("ndcg@10")).hasSize(3);
        assertThat(fx(() -> List.copyOf(vm.runLog()))).anyMatch(l -> l.startsWith("[itemknn] "))
                .anyMatch(l -> l.startsWith("Run " + last.runId()));
        assertThat(fx(() -> vm.statusTextProperty().get())).isEqualTo("Run " + last.runId() + " done: "
                + last.executedNodes().size() + " nodes executed");
        assertThat(last.executedNodes()).as("the collect node may come from another test's cache").hasSizeGreaterThanOrEqualTo(7);
        assertThat(fx(jobs.running()::size)).isZero();
    }

    @Test
    void runUpToANodeRunsOnlyWhatItNeedsAndAChangedSettingIsReRunAsStale() throws Exception {
        Pipeline p = RunFx.template(PipelineTemplates.CF_BASELINE, "vm stale", 2);
        PipelineRunViewModel vm = RunFx.viewModel(runner, p, jobs);
        assertThat(fx(() -> vm.runUpTo("bpr"))).isTrue();
        awaitIdle(vm, 120);
        Map<String, NodeState> after = fx(() -> states(vm));
        assertThat(after).containsEntry("collect", NodeState.DONE).containsEntry("split", NodeState.DONE)
                .containsEntry("bpr", NodeState.DONE).containsEntry("evaluate-bpr", NodeState.READY)
                .containsEntry("itemknn", NodeState.READY);
        assertThat(fx(() -> vm.runUpTo("no-such-node"))).isFalse();
        assertThat(fx(() -> vm.statusTextProperty().get())).contains("no-such-node");

        fx(vm::runAll);
        awaitIdle(vm, 120);
        BprTrain.Settings bpr = p.node("bpr").settings(BprTrain.Settings.class);
        fx(() -> {
            try {
                p.setSettings("bpr", new BprTrain.Settings(bpr.dim(), bpr.epochs(), bpr.batchSize(), 0.01, bpr.regularisation(),
                        bpr.sampler(), bpr.seed(), bpr.patience(), bpr.objective()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            vm.refreshStates();
        });
        assertThat(fx(() -> states(vm))).containsEntry("bpr", NodeState.STALE).containsEntry("evaluate-bpr", NodeState.STALE)
                .containsEntry("itemknn", NodeState.DONE).containsEntry("split", NodeState.DONE);
        assertThat(fx(vm::staleTargets)).containsExactly("evaluate-bpr");

        assertThat(fx(vm::runStale)).isTrue();
        awaitIdle(vm, 120);
        RunResult last = fx(() -> vm.lastResultProperty().get());
        assertThat(last.executedNodes()).containsExactlyInAnyOrder("bpr", "evaluate-bpr");
        assertThat(fx(() -> states(vm))).allSatisfy((id, s) -> assertThat(s).as(id).isIn(NodeState.DONE, NodeState.READY));
        assertThat(fx(vm::runStale)).as("nothing left to re-run").isFalse();
        assertThat(fx(() -> vm.statusTextProperty().get())).isEqualTo("Nothing is stale");
    }

    @Test
    void aCancelInTheMiddleKeepsFinishedOutputsAndTheNextRunWorks() throws Exception {
        Pipeline p = RunFx.template(PipelineTemplates.CF_BASELINE, "vm cancel", 1000);
        // long enough that the cancel lands inside the training loop
        p.setSettings("bpr", new BprTrain.Settings(64, 500, 256, 0.005, 0.005, SamplerKind.UNIFORM, 42, 0, Objective.RANKING));
        PipelineRunViewModel vm = RunFx.viewModel(runner, p, jobs);
        AtomicBoolean cancelled = new AtomicBoolean();
        fx(() -> {
            // cancel as soon as the first epoch's loss is on screen
            vm.node("bpr").metrics().addListener((ListChangeListener<MetricPoint>) c -> {
                if (!vm.node("bpr").metrics().isEmpty() && cancelled.compareAndSet(false, true)) {
                    vm.cancel();
                }
            });
            vm.runUpTo("evaluate-bpr");
        });
        awaitIdle(vm, 180);
        assertThat(cancelled).isTrue();
        RunResult cancelledRun = fx(() -> vm.lastResultProperty().get());
        assertThat(cancelledRun.status()).isEqualTo(RunStatus.CANCELLED);
        Map<String, NodeState> after = fx(() -> states(vm));
        assertThat(after).containsEntry("collect", NodeState.DONE).containsEntry("split", NodeState.DONE);
        assertThat(after.get("bpr")).isIn(NodeState.READY, NodeState.STALE);
        assertThat(after.get("evaluate-bpr")).isIn(NodeState.READY, NodeState.STALE);
        assertThat(after.values()).doesNotContain(NodeState.RUNNING, NodeState.QUEUED);
        assertThat(runner.states(p)).as("the project agrees").containsEntry("collect", NodeState.DONE)
                .containsEntry("split", NodeState.DONE);
        assertThat(fx(() -> vm.statusTextProperty().get())).contains("cancelled");

        fx(() -> {
            try {
                p.setSettings("bpr", new BprTrain.Settings(64, 2, 1024, 0.005, 0.005, SamplerKind.UNIFORM, 42, 0, Objective.RANKING));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            vm.refreshStates();
            vm.runAll();
        });
        awaitIdle(vm, 120);
        RunResult next = fx(() -> vm.lastResultProperty().get());
        assertThat(next.status()).as(next.message()).isEqualTo(RunStatus.DONE);
        assertThat(next.executedNodes()).as("finished nodes kept their outputs").doesNotContain("collect", "split");
        assertThat(fx(() -> states(vm))).allSatisfy((id, s) -> assertThat(s).as(id).isEqualTo(NodeState.DONE));
    }

    @Test
    void aFailingNodeShowsItsErrorAndLogAndStopsOnlyWhatDependsOnIt() throws Exception {
        Pipeline p = RunFx.template(PipelineTemplates.CF_BASELINE, "vm failure", 2);
        p.setSettings("collect", new CollectDataset.Settings("no such dataset", List.of(), List.of(CollectDataset.Part.INTERACTIONS)));
        PipelineRunViewModel vm = RunFx.viewModel(runner, p, jobs);
        fx(vm::runAll);
        awaitIdle(vm, 60);
        NodeStatus collect = fx(() -> vm.node("collect"));
        assertThat(fx(collect::state)).isEqualTo(NodeState.FAILED);
        assertThat(fx(() -> collect.errorProperty().get())).contains("no such dataset");
        assertThat(fx(() -> List.copyOf(collect.log()))).anyMatch(l -> l.startsWith("failed: "));
        assertThat(fx(() -> states(vm).get("split"))).isEqualTo(NodeState.READY);
        assertThat(fx(() -> vm.statusTextProperty().get())).contains("failed");
        fx(vm::refreshStates);
        assertThat(fx(collect::state)).as("the failure stays on the badge until the node runs again").isEqualTo(NodeState.FAILED);
    }

    private static Map<String, NodeState> states(PipelineRunViewModel vm) {
        return vm.nodes().values().stream().collect(Collectors.toMap(NodeStatus::nodeId, NodeStatus::state));
    }
}
