package org.recblend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recblend.ui.shell.EditorRobot.byId;
import static org.recblend.ui.shell.EditorRobot.centre;
import static org.recblend.ui.shell.EditorRobot.drag;
import static org.recblend.ui.shell.EditorRobot.dragWire;
import static org.recblend.ui.shell.EditorRobot.header;
import static org.recblend.ui.shell.EditorRobot.onCanvas;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.engine.eval.MetricNames;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.encode.MiniLmEncode;
import org.recblend.nodes.evaluate.EvaluateModel;
import org.recblend.nodes.fuse.FuseFeatures;
import org.recblend.nodes.preprocess.KCoreFilter;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.nodes.recommend.RecommendTopK;
import org.recblend.nodes.templates.TemplateRuns;
import org.recblend.nodes.train.HybridTrain;
import org.recblend.pipeline.Connection;
import org.recblend.pipeline.NodeState;
import org.recblend.pipeline.Pipeline;
import org.recblend.testutil.Screenshots;
import org.recblend.ui.editor.NodeItem;
import org.recblend.ui.editor.PipelineEditorViewModel;
import org.recblend.ui.editor.preview.PortPreview;
import org.recblend.ui.editor.run.PipelineRunViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The acceptance walk of the pipeline editor: on the retail sample project, build the "LLM hybrid"
 * flow (collect → k-core → split, item text → MiniLM → fuse → hybrid → recommend and evaluate) on an
 * empty canvas by dragging from the palette and wiring ports, set the dataset, the text template
 * and the epochs in the settings sheet, run it with Run All, and see every node done, the loss
 * curve drawn and the metrics shown; then undo and redo three edits. Screenshots:
 * target/screenshots/hybrid-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class LlmHybridEditorFxTest {
    private static final int EPOCHS = 3;

    @TempDir
    static Path dir;
    private static Path project;
    private ShellWindow window;

    @BeforeAll
    static void sample() throws Exception {
        project = dir.resolve("retail");
        TemplateRuns.sampleProject(project).close();
    }

    @Start
    void start(Stage stage) {
        stage.setWidth(1280); // the headless screen is 1280 × 800
        stage.setHeight(800);
        window = new ShellWindow(stage, dir.resolve("settings"));
    }

    private void shoot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(window.stage.getScene(), "hybrid-" + name));
    }

    /** Drags a node kind from the palette (found by its filter) to a point of the canvas; returns the new node's id. */
    private String place(FxRobot robot, Pipeline pipeline, String kindId, double x, double y) {
        robot.clickOn("#paletteFilter").write(kindId);
        WaitForAsyncUtils.waitForFxEvents();
        int before = pipeline.nodes().size();
        drag(robot, centre(robot, "palette:" + kindId), onCanvas(robot, x, y), MouseButton.PRIMARY);
        robot.interact(() -> ((TextField) byId(robot, "paletteFilter")).clear());
        assertThat(pipeline.nodes()).hasSize(before + 1);
        org.recblend.pipeline.Node added = pipeline.nodes().get(before);
        assertThat(added.kindId()).isEqualTo(kindId);
        return added.id();
    }

    /** Selects a node and types a value into one of its settings, as a user does. */
    private static void setting(FxRobot robot, String nodeId, String field, String value) {
        robot.clickOn(header(robot, nodeId));
        WaitForAsyncUtils.waitForFxEvents();
        // as Tab would: the sheet scrolls the focused setting into view
        robot.interact(() -> byId(robot, "setting-" + field).requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn("#setting-" + field).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE).write(value)
                .push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void buildsRunsAndWatchesTheLlmHybridPipeline(FxRobot robot) throws Exception {
        robot.interact(() -> window.viewModel.openProject(project));
        WaitForAsyncUtils.waitForFxEvents();
        window.dialogs.textAnswers.add("My hybrid");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.dialogs.errors).isEmpty();
        EditorTab tab = EditorRobot.selectedTab(robot);
        PipelineEditorViewModel vm = tab.canvas().viewModel();
        PipelineRunViewModel runs = tab.runs();
        Pipeline pipeline = vm.pipeline();
        assertThat(pipeline.nodes()).isEmpty();

        // eight nodes from the palette, on two rows of a zoomed-out canvas
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#zoomOutButton");
        }
        double w = byId(robot, "canvas").getLayoutBounds().getWidth();
        double h = byId(robot, "canvas").getLayoutBounds().getHeight();
        double[] cols = {0.12 * w, 0.37 * w, 0.62 * w, 0.87 * w};
        double top = 0.18 * h;
        double bottom = 0.62 * h;
        String collect = place(robot, pipeline, CollectDataset.ID, cols[0], top);
        String kcore = place(robot, pipeline, KCoreFilter.ID, cols[1], top);
        String split = place(robot, pipeline, RandomSplit.ID, cols[2], top);
        String hybrid = place(robot, pipeline, HybridTrain.ID, cols[3], top);
        String text = place(robot, pipeline, MiniLmEncode.ID, cols[0], bottom);
        String fuse = place(robot, pipeline, FuseFeatures.ID, cols[1], bottom);
        String recommend = place(robot, pipeline, RecommendTopK.ID, cols[2], bottom);
        String evaluate = place(robot, pipeline, EvaluateModel.ID, cols[3], bottom);
        shoot(robot, "placed");

        // eleven wires, each dragged from an output port to an input port
        dragWire(robot, collect, "interactions", kcore, "interactions");
        dragWire(robot, kcore, "interactions", split, "interactions");
        dragWire(robot, collect, "items", text, "items");
        dragWire(robot, text, "embeddings", fuse, "text");
        dragWire(robot, collect, "items", fuse, "items");
        dragWire(robot, split, "split", hybrid, "split");
        dragWire(robot, fuse, "item features", hybrid, "item features");
        dragWire(robot, hybrid, "model", recommend, "model");
        dragWire(robot, split, "split", recommend, "split");
        dragWire(robot, hybrid, "model", evaluate, "model");
        dragWire(robot, split, "split", evaluate, "split");
        assertThat(pipeline.connections()).hasSize(11).contains(new Connection(fuse, "item features", hybrid, "item features"),
                new Connection(hybrid, "model", evaluate, "model"));
        robot.clickOn("#autoLayoutButton");
        robot.clickOn("#fitButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pipeline.node(collect).x()).isLessThan(pipeline.node(kcore).x());
        assertThat(pipeline.node(hybrid).x()).isLessThan(pipeline.node(evaluate).x());
        // the collect node names no dataset yet: it cannot run, and neither can anything after it
        assertThat(states(vm)).containsEntry(collect, NodeState.NOT_CONFIGURED).containsEntry(evaluate, NodeState.NOT_CONFIGURED);
        shoot(robot, "wired");

        // settings typed into the sheet: the dataset, the sample's item text, a validation share, a short training
        setting(robot, collect, "dataset", "retail");
        setting(robot, text, "template", "{title}. {categories}. {description}");
        setting(robot, split, "validationShare", "0.1");
        setting(robot, hybrid, "epochs", Integer.toString(EPOCHS));
        assertThat(pipeline.node(collect).settings(CollectDataset.Settings.class).dataset()).isEqualTo("retail");
        assertThat(pipeline.node(hybrid).settings(HybridTrain.Settings.class).epochs()).isEqualTo(EPOCHS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> states(vm).values().stream().allMatch(s -> s == NodeState.READY));
        shoot(robot, "configured");

        // Run All: the editor is locked while it runs, and every node ends done
        robot.clickOn("#runAllButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runs.isRunning()).isTrue();
        assertThat(vm.lockedProperty().get()).isTrue();
        assertThat(WaitForAsyncUtils.asyncFx(() -> vm.addNode(RandomSplit.ID, 0, 0)).get()).as("an edit during the run is refused").isEmpty();
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> !runs.isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runs.statusTextProperty().get()).contains("done: 8 nodes executed");
        assertThat(states(vm)).as("every node box says done").allSatisfy((id, state) -> assertThat(state).isEqualTo(NodeState.DONE));
        assertThat(vm.lockedProperty().get()).isFalse();

        // the console drew the hybrid's loss and validation metric per epoch
        assertThat(runs.node(hybrid).metrics()).as("the hybrid's series").hasSize(2 * EPOCHS);
        assertThat(tab.console().viewModel().curveNodeProperty().get()).isEqualTo(hybrid);
        assertThat(tab.console().viewModel().curve()).hasSize(2 * EPOCHS);
        assertThat(tab.console().chart().lossPoints()).isEqualTo(EPOCHS);
        assertThat(tab.console().chart().metricPoints()).isEqualTo(EPOCHS);
        assertThat(((Label) byId(robot, "runLatest")).getText()).startsWith(hybrid + ": epoch " + EPOCHS + " · loss ");
        assertThat(runs.runLog()).isNotEmpty();
        shoot(robot, "done");

        // the evaluate node's output: its metrics, as computed by the run
        robot.clickOn(header(robot, evaluate));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#previewMetrics").tryQuery().isPresent());
        EvaluationResult result = runs.runner().cachedOutputs(pipeline.copy(), evaluate).orElseThrow().get(0)
                .as(EvaluationResult.class);
        @SuppressWarnings("unchecked")
        TableView<PortPreview.MetricRow> metrics = robot.lookup("#previewMetrics").queryAs(TableView.class);
        PortPreview.MetricRow ndcg = metrics.getItems().stream().filter(r -> r.label().equals("ndcg@10")).findFirst().orElseThrow();
        assertThat(ndcg.value(MetricNames.ALL)).isEqualTo(result.value(MetricNames.NDCG, 10)).isGreaterThan(0.0);
        shoot(robot, "metrics");
        robot.clickOn(header(robot, hybrid));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#previewCurve").tryQuery().isPresent());
        shoot(robot, "model");

        // three edits undone, then redone: the badges follow the settings back and forth
        setting(robot, hybrid, "dim", "32");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> states(vm).get(hybrid) == NodeState.STALE);
        assertThat(states(vm)).containsEntry(split, NodeState.DONE).containsEntry(evaluate, NodeState.STALE);
        robot.clickOn("#undoButton"); // dim back to its default: the cached outputs fit again
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> states(vm).get(hybrid) == NodeState.DONE);
        robot.clickOn("#undoButton"); // epochs back to the default
        robot.clickOn("#undoButton"); // no validation share: the split differs from the one that ran
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pipeline.node(hybrid).settings(HybridTrain.Settings.class).epochs()).isNotEqualTo(EPOCHS);
        assertThat(pipeline.node(split).settings(RandomSplit.Settings.class).validationShare()).isZero();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> states(vm).get(split) == NodeState.STALE);
        assertThat(states(vm)).containsEntry(collect, NodeState.DONE).containsEntry(kcore, NodeState.DONE)
                .containsEntry(text, NodeState.DONE).containsEntry(fuse, NodeState.DONE)
                .containsEntry(hybrid, NodeState.STALE).containsEntry(evaluate, NodeState.STALE);
        shoot(robot, "undone");
        robot.clickOn("#redoButton");
        robot.clickOn("#redoButton");
        robot.clickOn("#redoButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pipeline.node(split).settings(RandomSplit.Settings.class).validationShare()).isEqualTo(0.1);
        assertThat(pipeline.node(hybrid).settings(HybridTrain.Settings.class).epochs()).isEqualTo(EPOCHS);
        assertThat(pipeline.node(hybrid).settings(HybridTrain.Settings.class).dim()).isEqualTo(32);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> states(vm).get(split) == NodeState.DONE
                && states(vm).get(hybrid) == NodeState.STALE);
        shoot(robot, "redone");
    }

    private static Map<String, NodeState> states(PipelineEditorViewModel vm) {
        Map<String, NodeState> states = new LinkedHashMap<>();
        List<NodeItem> items = List.copyOf(vm.nodes());
        items.forEach(i -> states.put(i.id(), i.stateProperty().get()));
        return states;
    }
}
