package org.recblend.ui.editor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recblend.ui.editor.run.RunFx.awaitIdle;
import static org.recblend.ui.editor.run.RunFx.fx;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.nodes.templates.TemplateRuns;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.store.ProjectStore;
import org.recblend.ui.task.BackgroundTasks;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The run console over a CF baseline run on the retail sample: the training node takes the chart
 * while it trains, the chart holds one loss and one validation point per epoch, the latest line
 * names the last epoch, and selecting a node shows its log (and its curve when it has one).
 */
@ExtendWith(ApplicationExtension.class)
class RunConsoleViewModelTest {
    private static final int EPOCHS = 4;

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
    void theTrainingNodeTakesTheChartAndSelectionShowsTheNodeLog() throws Exception {
        Pipeline p = RunFx.template(PipelineTemplates.CF_BASELINE, "console", EPOCHS);
        PipelineRunViewModel runs = RunFx.viewModel(runner, p, jobs);
        SimpleStringProperty selected = new SimpleStringProperty();
        RunConsoleViewModel console = fx(() -> new RunConsoleViewModel(runs, selected));
        TrainingCurveChart chart = fx(() -> new TrainingCurveChart("test"));
        fx(() -> console.curve().addListener((javafx.collections.ListChangeListener<MetricPoint>) c -> {
            while (c.next()) {
                chart.add(List.copyOf(c.getAddedSubList()));
            }
        }));
        assertThat(fx(() -> console.curveNodeProperty().get())).isNull();

        assertThat(fx(runs::runAll)).isTrue();
        awaitIdle(runs, 300);

        assertThat(fx(() -> console.curveNodeProperty().get())).isEqualTo("bpr");
        List<MetricPoint> curve = fx(() -> List.copyOf(console.curve()));
        assertThat(curve).filteredOn(m -> m.series().equals(ExecutionContext.LOSS)).extracting(MetricPoint::step)
                .containsExactly(1, 2, 3, 4);
        assertThat(curve).filteredOn(m -> !m.series().equals(ExecutionContext.LOSS)).hasSize(EPOCHS)
                .allSatisfy(m -> assertThat(m.value()).isBetween(0.0, 1.0));
        assertThat(curve).isEqualTo(fx(() -> List.copyOf(runs.node("bpr").metrics())));
        assertThat(chart.lossPoints()).isEqualTo(EPOCHS);
        assertThat(chart.metricPoints()).isEqualTo(EPOCHS);
        String validation = curve.get(curve.size() - 1).series();
        assertThat(fx(() -> console.latestProperty().get())).matches("bpr: epoch 4 · loss \\d+\\.\\d{4} · "
                + java.util.regex.Pattern.quote(validation) + " \\d\\.\\d{4}");

        // a node without a curve shows its log and leaves the chart as it is
        fx(() -> selected.set("split"));
        assertThat(fx(() -> console.selectedStatusProperty().get().nodeId())).isEqualTo("split");
        assertThat(fx(() -> List.copyOf(console.selectedStatusProperty().get().log()))).isNotEmpty();
        assertThat(fx(() -> console.curveNodeProperty().get())).isEqualTo("bpr");
        fx(() -> selected.set(null));
        assertThat(fx(() -> console.selectedStatusProperty().get())).isNull();
    }
}
