package org.recblend.ui.editor.run;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.nodes.templates.TemplateRuns;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.ui.task.BackgroundTasks;
import org.recblend.ui.task.CurrentThreadTaskExecutor;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for run tests: work on the JavaFX thread, wait for a run to end, a view model over a template. */
final class RunFx {
    static final NodeKindRegistry REGISTRY = NodeKindRegistry.load();

    private RunFx() {
    }

    static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    static void fx(Runnable work) throws Exception {
        WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    /** Waits until the run's worker has finished and its last events are applied. */
    static void awaitIdle(PipelineRunViewModel vm, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(() -> !vm.isRunning()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A template over the sample's dataset, its training capped at {@code epochs}, named for this test. */
    static Pipeline template(String template, String name, int epochs) throws Exception {
        Pipeline p = PipelineTemplates.find(template).orElseThrow().build(REGISTRY, "retail");
        p.setName(name);
        TemplateRuns.capEpochs(p, epochs);
        // a split of its own, so no other test's cached outputs serve this one
        RandomSplit.Settings split = p.node("split").settings(RandomSplit.Settings.class);
        p.setSettings("split", split.withSeed(name.hashCode()));
        return p;
    }

    static PipelineRunViewModel viewModel(PipelineRunner runner, Pipeline p, BackgroundTasks jobs) throws Exception {
        return fx(() -> {
            PipelineRunViewModel vm = new PipelineRunViewModel(runner, p, new CurrentThreadTaskExecutor(), jobs::submit,
                    Platform::runLater);
            vm.refreshStates();
            return vm;
        });
    }
}
