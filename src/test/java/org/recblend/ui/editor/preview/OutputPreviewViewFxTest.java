package org.recblend.ui.editor.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.Embeddings;
import org.recblend.domain.InteractionTable;
import org.recblend.engine.TrainedModel;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.engine.eval.MetricNames;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.nodes.templates.TemplateRuns;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.Screenshots;
import org.recblend.ui.editor.run.TrainingCurveChart;
import org.recblend.ui.prefs.Theme;
import org.recblend.ui.prefs.ThemeStyles;
import org.recblend.ui.task.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The output preview as it sits in the inspector, over a hybrid run of the retail sample (its text
 * encoded by TF-IDF): the data node's tables, the embeddings' neighbours, the learning curve, the
 * metrics, and the line shown for a node that has not run. Outputs are read on a background thread.
 */
@ExtendWith(ApplicationExtension.class)
class OutputPreviewViewFxTest {
    @TempDir
    static Path dir;
    static ProjectStore store;
    static PipelineRunner runner;
    static Pipeline p;
    static RunResult run;
    static FxTaskExecutor executor = new FxTaskExecutor();
    private Stage stage;
    private OutputPreviewView view;

    @BeforeAll
    static void runTheHybrid() throws Exception {
        store = TemplateRuns.sampleProject(dir.resolve("retail"));
        runner = new PipelineRunner(store);
        p = PreviewPipelines.hybridWithTfIdf("preview fx", 3);
        run = runner.run(p, RunOptions.all(), TaskMonitor.none());
        assertThat(run.status()).as(run.message()).isEqualTo(RunStatus.DONE);
    }

    @AfterAll
    static void close() {
        executor.shutdown();
        store.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new OutputPreviewView(runner, executor);
        // about the inspector's size beside the canvas
        Scene scene = new Scene(new StackPane(view.root()), 480, 620);
        ThemeStyles.apply(scene, Theme.LIGHT); // the workbench's styles, as in the main window
        stage.setScene(scene);
        stage.show();
    }

    private void show(FxRobot robot, Pipeline pipeline, String nodeId) {
        robot.interact(() -> view.show(pipeline, nodeId));
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !view.loadingProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the outputs of " + nodeId + " did not load", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shoot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), "preview-" + name));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theDataNodeShowsTheFirstRowsOfEachOutput(FxRobot robot) {
        show(robot, p, "collect");
        ComboBox<?> ports = robot.lookup("#previewPort").queryAs(ComboBox.class);
        assertThat(robot.lookup("#previewPortRow").query().isVisible()).as("five outputs: a chooser").isTrue();
        assertThat(ports.getItems()).hasSize(5);
        InteractionTable t = run.output(p, "collect", "interactions", InteractionTable.class);
        TableView<List<String>> table = table(robot);
        assertThat(table.getItems()).hasSize(DataTables.MAX_ROWS);
        assertThat(table.getItems().get(0).get(0)).isEqualTo(t.users().id(t.user(0)));
        assertThat(table.getColumns()).extracting(c -> c.getText()).startsWith("user", "item", "weight");
        assertThat(text(robot, "#previewFooter")).isEqualTo(String.format(Locale.ROOT, "First 50 rows of %,d", t.size()));
        assertThat(text(robot, "#previewSummary")).startsWith(String.format(Locale.ROOT, "%,d interactions", t.size()));
        shoot(robot, "data");

        robot.interact(() -> assertThat(view.selectPort("items")).isTrue());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getColumns()).extracting(c -> c.getText()).contains("title");
        shoot(robot, "items");

        show(robot, p, "collect");
        assertThat(text(robot, "#previewSummary")).as("the chosen port is kept when the node is shown again")
                .contains("items");
        show(robot, p, "split");
        assertThat(robot.lookup("#previewPortRow").query().isVisible()).as("one output: no chooser").isFalse();
        assertThat(table(robot).getItems()).extracting(r -> r.get(0)).contains("train", "validation", "test");
        shoot(robot, "split");
    }

    @Test
    void embeddingsShowTheNeighboursOfAFewItems(FxRobot robot) {
        show(robot, p, "text");
        Embeddings e = run.output(p, "text", "embeddings", Embeddings.class);
        @SuppressWarnings("unchecked")
        TreeTableView<String[]> tree = robot.lookup("#previewNeighbours").queryAs(TreeTableView.class);
        List<TreeItem<String[]>> anchors = tree.getRoot().getChildren();
        assertThat(anchors).hasSize(NearestNeighbours.ANCHORS).allSatisfy(a -> assertThat(a.getChildren()).hasSize(NearestNeighbours.NEIGHBOURS));
        TreeItem<String[]> first = anchors.get(0);
        int row = e.ids().indexOf(first.getValue()[0].split(" · ")[0]);
        TreeItem<String[]> nearest = first.getChildren().get(0);
        int other = e.ids().indexOf(nearest.getValue()[0].split(" · ")[0]);
        assertThat(nearest.getValue()[1]).isEqualTo(String.format(Locale.ROOT, "%.4f", e.cosine(row, other)));
        assertThat(text(robot, "#previewSummary")).contains("× 64 dimensions");
        shoot(robot, "embeddings");
    }

    @Test
    void aTrainingNodeShowsItsLossCurve(FxRobot robot) {
        show(robot, p, "hybrid");
        TrainedModel m = run.output(p, "hybrid", "model", TrainedModel.class);
        ChartViewer viewer = robot.lookup("#previewCurve").queryAs(ChartViewer.class);
        TrainingCurveChart curve = (TrainingCurveChart) viewer.getUserData();
        assertThat(viewer.getChart()).isSameAs(curve.chart());
        assertThat(curve.lossPoints()).isEqualTo(m.curve().size()).isEqualTo(3);
        assertThat(curve.metricPoints()).isEqualTo(3);
        assertThat(viewer.getChart().getXYPlot().getDataset(0).getYValue(0, 2)).isEqualTo(m.curve().get(2).trainLoss());
        assertThat(robot.lookup("#previewSettings").queryAs(TableView.class).getItems()).hasSize(m.settings().size());
        shoot(robot, "curve");

        show(robot, p, "popularity");
        assertThat(robot.lookup("#previewCurve").tryQuery()).isEmpty();
        assertThat(text(robot, "#previewNoCurve")).startsWith("No loss curve");
        shoot(robot, "no-curve");
    }

    @Test
    void anEvaluateNodeShowsItsMetrics(FxRobot robot) {
        show(robot, p, "evaluate");
        EvaluationResult result = run.output(p, "evaluate", "metrics", EvaluationResult.class);
        @SuppressWarnings("unchecked")
        TableView<PortPreview.MetricRow> table = robot.lookup("#previewMetrics").queryAs(TableView.class);
        PortPreview.MetricRow ndcg = table.getItems().stream().filter(r -> r.label().equals("ndcg@10")).findFirst().orElseThrow();
        assertThat(ndcg.value(MetricNames.ALL)).isEqualTo(result.value(MetricNames.NDCG, 10));
        assertThat(table.getColumns().get(1).getText()).isEqualTo(MetricNames.ALL);
        int index = table.getItems().indexOf(ndcg);
        assertThat(table.getColumns().get(1).getCellData(index)).isEqualTo(String.format(Locale.ROOT, "%.4f", result.value(MetricNames.NDCG, 10)));
        assertThat(table.getItems()).hasSize((int) result.metrics(MetricNames.ALL).size());
        shoot(robot, "metrics");

        show(robot, p, "recommend");
        assertThat(table(robot).getItems()).hasSize(DataTables.MAX_ROWS);
        shoot(robot, "recommendations");
        show(robot, p, "fuse");
        assertThat(table(robot).getColumns()).extracting(c -> c.getText()).contains("item", "categories", "price");
        assertThat(table(robot).getColumns().get(1).getColumns()).as("the block's columns under its name").isNotEmpty();
        shoot(robot, "features");
    }

    @Test
    void aNodeThatHasNotRunSaysSo(FxRobot robot) throws Exception {
        Pipeline baseline = PipelineTemplates.find(PipelineTemplates.CF_BASELINE).orElseThrow().build(PreviewPipelines.REGISTRY, "retail");
        baseline.setName("never run");
        show(robot, baseline, "bpr");
        assertThat(text(robot, "#previewSummary")).isEqualTo(NodeOutputs.RUN_TO_SEE);
        assertThat(robot.lookup("#previewContent").queryAs(StackPane.class).getChildren()).isEmpty();
        assertThat(robot.lookup("#previewPortRow").query().isVisible()).isFalse();
        shoot(robot, "not-run");

        robot.interact(view::clear);
        assertThat(text(robot, "#previewSummary")).isEqualTo(OutputPreviewView.NOTHING_SELECTED);
    }

    @SuppressWarnings("unchecked")
    private static TableView<List<String>> table(FxRobot robot) {
        Node n = robot.lookup("#previewTable").query();
        return (TableView<List<String>>) n;
    }
}
