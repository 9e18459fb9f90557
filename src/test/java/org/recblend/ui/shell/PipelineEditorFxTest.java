package org.recblend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recblend.ui.shell.EditorRobot.byId;
import static org.recblend.ui.shell.EditorRobot.drag;
import static org.recblend.ui.shell.EditorRobot.dragWire;
import static org.recblend.ui.shell.EditorRobot.editor;
import static org.recblend.ui.shell.EditorRobot.header;
import static org.recblend.ui.shell.EditorRobot.centre;
import static org.recblend.ui.shell.EditorRobot.idOfKind;
import static org.recblend.ui.shell.EditorRobot.onCanvas;
import static org.recblend.ui.shell.EditorRobot.withKey;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.evaluate.EvaluateModel;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.nodes.train.BprTrain;
import org.recblend.pipeline.Connection;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.store.ProjectStore;
import org.recblend.testutil.Screenshots;
import org.recblend.ui.editor.PipelineCanvasView;
import org.recblend.ui.editor.PipelineEditorViewModel;
import org.recblend.ui.task.CurrentThreadTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pipeline editor as a user meets it: File > New Pipeline in a fresh project, four nodes
 * dragged from the palette and wired by dragging between ports, a wrong wire refused with its
 * reason, moving and multi-selecting, delete and paste, zoom and pan, undo and redo. The
 * pipeline model is checked after every step; screenshots go to target/screenshots/editor-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class PipelineEditorFxTest {
    @TempDir
    static Path dir;
    private static Path project;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private MainWindowViewModel viewModel;
    private Stage stage;

    @BeforeAll
    static void createProject() throws Exception {
        project = dir.resolve("flows");
        ProjectStore.create(project).close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        viewModel = new MainWindowViewModel(new CurrentThreadTaskExecutor());
        stage.setScene(WorkbenchApp.createScene(viewModel, dialogs));
        stage.show();
    }

    @BeforeEach
    void openProject(FxRobot robot) {
        robot.interact(() -> viewModel.openProject(project));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.errors).isEmpty();
    }

    private void shoot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), name));
    }

    private static Set<String> ids(Pipeline pipeline) {
        return pipeline.nodes().stream().map(org.recblend.pipeline.Node::id).collect(Collectors.toSet());
    }

    @Test
    void buildsAPipelineByDraggingAndWiringThenEditsUndoesAndRedoes(FxRobot robot) throws Exception {
        // File > New Pipeline opens an empty editor tab
        dialogs.textAnswers.add("Flow");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.errors).isEmpty();
        Tab tab = robot.lookup("#centreTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
        assertThat(tab.getText()).isEqualTo("Pipeline: Flow");
        PipelineCanvasView view = editor(robot);
        PipelineEditorViewModel vm = view.viewModel();
        Pipeline pipeline = vm.pipeline();
        assertThat(pipeline.nodes()).isEmpty();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(viewModel.contentsProperty().get().pipelines()).as("stored at once").contains("Flow");
        shoot(robot, "editor-empty");

        // four nodes dragged from the palette onto the canvas land where they are dropped
        Node canvas = byId(robot, "canvas");
        double w = canvas.getLayoutBounds().getWidth();
        double h = canvas.getLayoutBounds().getHeight();
        assertThat(w).as("canvas width").isGreaterThan(460);
        String[] kinds = {CollectDataset.ID, RandomSplit.ID, BprTrain.ID, EvaluateModel.ID};
        double[][] drops = {{0.22 * w, 0.2 * h}, {0.75 * w, 0.2 * h}, {0.22 * w, 0.68 * h}, {0.75 * w, 0.68 * h}};
        // zoomed out a little first, as a user would on this small canvas
        robot.clickOn("#zoomOutButton");
        robot.clickOn("#zoomOutButton");
        double z = view.zoomProperty().get();
        assertThat(z).isCloseTo(1 / 1.44, org.assertj.core.data.Offset.offset(1e-9));
        String[] filters = {"", "", "bpr", "ranking"};
        for (int i = 0; i < kinds.length; i++) {
            if (!filters[i].isEmpty()) {
                // the train and evaluate kinds are below the fold of the palette: find them by the filter
                robot.clickOn("#paletteFilter").write(filters[i]);
                WaitForAsyncUtils.waitForFxEvents();
            }
            drag(robot, centre(robot, "palette:" + kinds[i]), onCanvas(robot, drops[i][0], drops[i][1]), MouseButton.PRIMARY);
            if (!filters[i].isEmpty()) {
                shoot(robot, "editor-palette-filter-" + filters[i]);
                robot.interact(() -> ((javafx.scene.control.TextField) byId(robot, "paletteFilter")).clear());
            }
            assertThat(pipeline.nodes()).hasSize(i + 1);
            org.recblend.pipeline.Node added = pipeline.nodes().get(i);
            assertThat(added.kindId()).isEqualTo(kinds[i]);
            Point2D dropped = onCanvas(robot, drops[i][0], drops[i][1]);
            assertThat(header(robot, added.id()).distance(dropped)).as("the node's header is where it was dropped").isLessThan(2.0);
        }
        String collect = idOfKind(pipeline, CollectDataset.ID);
        String split = idOfKind(pipeline, RandomSplit.ID);
        String bpr = idOfKind(pipeline, BprTrain.ID);
        String eval = idOfKind(pipeline, EvaluateModel.ID);
        assertThat(vm.dirtyProperty().get()).isTrue();
        shoot(robot, "editor-four-nodes");

        // wires by dragging from an output port to an input port
        dragWire(robot, collect, "interactions", split, "interactions");
        assertThat(pipeline.connections()).containsExactly(new Connection(collect, "interactions", split, "interactions"));
        dragWire(robot, split, "split", bpr, "split");
        dragWire(robot, bpr, "model", eval, "model");
        dragWire(robot, split, "split", eval, "split");
        assertThat(pipeline.connections()).containsExactlyInAnyOrder(
                new Connection(collect, "interactions", split, "interactions"), new Connection(split, "split", bpr, "split"),
                new Connection(bpr, "model", eval, "model"), new Connection(split, "split", eval, "split"));
        assertThat(robot.lookup((Node n) -> n.getId() != null && n.getId().startsWith("wire:")).queryAll()).hasSize(4);
        shoot(robot, "editor-wired");

        // a wrong wire is refused and its reason shown on the canvas
        dragWire(robot, collect, "interactions", bpr, "split");
        Label message = (Label) byId(robot, "canvasMessage");
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo("Interactions output 'interactions' of " + collect
                + " cannot feed the Split input 'split' of " + bpr);
        assertThat(pipeline.connections()).hasSize(4);
        shoot(robot, "editor-refused-wire");

        // move one node, then two selected nodes together
        double bprX = pipeline.node(bpr).x();
        double bprY = pipeline.node(bpr).y();
        drag(robot, header(robot, bpr), header(robot, bpr).add(30, 20), MouseButton.PRIMARY);
        assertThat(pipeline.node(bpr).x()).isCloseTo(bprX + 30 / z, org.assertj.core.data.Offset.offset(1.0));
        assertThat(pipeline.node(bpr).y()).isCloseTo(bprY + 20 / z, org.assertj.core.data.Offset.offset(1.0));
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Move " + bpr);

        robot.clickOn(header(robot, collect));
        withKey(robot, KeyCode.CONTROL, () -> robot.clickOn(header(robot, split)));
        assertThat(vm.selection()).containsExactlyInAnyOrder(collect, split);
        double collectY = pipeline.node(collect).y();
        double splitY = pipeline.node(split).y();
        drag(robot, header(robot, split), header(robot, split).add(0, 40), MouseButton.PRIMARY);
        assertThat(pipeline.node(collect).y()).isCloseTo(collectY + 40 / z, org.assertj.core.data.Offset.offset(1.0));
        assertThat(pipeline.node(split).y()).isCloseTo(splitY + 40 / z, org.assertj.core.data.Offset.offset(1.0));
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Move 2 nodes");
        shoot(robot, "editor-multiselect");

        // a rectangle on the empty canvas selects the nodes it touches
        robot.clickOn(onCanvas(robot, 8, h - 8));
        assertThat(vm.selection()).isEmpty();
        Point2D bandEnd = new Point2D(onCanvas(robot, w - 6, 0).getX(), header(robot, collect).getY() + 30);
        drag(robot, onCanvas(robot, 6, 6), bandEnd, MouseButton.PRIMARY);
        assertThat(vm.selection()).containsExactlyInAnyOrder(collect, split);

        // delete a node: its wires go with it
        robot.clickOn(header(robot, bpr));
        assertThat(vm.selectedNodeProperty().get()).isEqualTo(bpr);
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ids(pipeline)).containsExactlyInAnyOrder(collect, split, eval);
        assertThat(pipeline.connections()).containsExactlyInAnyOrder(
                new Connection(collect, "interactions", split, "interactions"), new Connection(split, "split", eval, "split"));

        // copy two wired nodes and paste them: new ids, their wire kept
        robot.clickOn(header(robot, collect));
        withKey(robot, KeyCode.CONTROL, () -> robot.clickOn(header(robot, split)));
        robot.push(KeyCode.CONTROL, KeyCode.C);
        robot.push(KeyCode.CONTROL, KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pipeline.nodes()).hasSize(5);
        Set<String> pasted = vm.selection();
        assertThat(pasted).hasSize(2).doesNotContain(collect, split, eval);
        String collectCopy = pasted.stream().filter(id -> pipeline.node(id).kindId().equals(CollectDataset.ID)).findFirst().orElseThrow();
        String splitCopy = pasted.stream().filter(id -> pipeline.node(id).kindId().equals(RandomSplit.ID)).findFirst().orElseThrow();
        assertThat(pipeline.connections()).hasSize(3).contains(new Connection(collectCopy, "interactions", splitCopy, "interactions"));
        List<Connection> afterPaste = pipeline.connections();
        robot.interact(view::fit);
        shoot(robot, "editor-pasted");

        // zoom with Ctrl+wheel around the cursor, with the buttons, and pan with the middle button and Space+drag
        robot.interact(() -> view.zoomAt(1, 0, 0));
        double zoom = view.zoomProperty().get();
        Point2D cursor = onCanvas(robot, w / 2, h / 2);
        Point2D before = header(robot, collect);
        robot.moveTo(cursor);
        withKey(robot, KeyCode.CONTROL, () -> robot.scroll(3, javafx.geometry.VerticalDirection.UP));
        double zoomed = view.zoomProperty().get();
        assertThat(zoomed).isNotEqualTo(zoom);
        Point2D after = header(robot, collect);
        double ratio = zoomed / zoom;
        assertThat(after.getX()).as("the point under the cursor stays").isCloseTo(cursor.getX() + (before.getX() - cursor.getX()) * ratio,
                org.assertj.core.data.Offset.offset(1.5));
        robot.clickOn("#zoomInButton");
        assertThat(view.zoomProperty().get()).isCloseTo(zoomed * 1.2, org.assertj.core.data.Offset.offset(1e-9));
        robot.clickOn("#zoomOutButton");
        robot.clickOn("#zoomOutButton");
        assertThat(view.zoomProperty().get()).isCloseTo(zoomed / 1.2, org.assertj.core.data.Offset.offset(1e-9));

        before = header(robot, collect);
        Point2D empty = emptySpot(robot, view, w, h);
        drag(robot, empty, empty.add(60, 40), MouseButton.MIDDLE);
        after = header(robot, collect);
        assertThat(after.getX() - before.getX()).isCloseTo(60, org.assertj.core.data.Offset.offset(1.0));
        assertThat(after.getY() - before.getY()).isCloseTo(40, org.assertj.core.data.Offset.offset(1.0));
        empty = emptySpot(robot, view, w, h);
        Point2D spaceFrom = empty;
        withKey(robot, KeyCode.SPACE, () -> drag(robot, spaceFrom, spaceFrom.add(-30, 10), MouseButton.PRIMARY));
        Point2D panned = header(robot, collect);
        assertThat(panned.getX() - after.getX()).isCloseTo(-30, org.assertj.core.data.Offset.offset(1.0));
        assertThat(vm.selection()).as("Space+drag pans instead of selecting").isEqualTo(pasted);
        empty = emptySpot(robot, view, w, h);
        drag(robot, empty, empty.add(25, 0), MouseButton.SECONDARY);
        assertThat(header(robot, collect).getX() - panned.getX()).isCloseTo(25, org.assertj.core.data.Offset.offset(1.0));
        assertThat(pipeline.connections()).as("pan and zoom change no model").isEqualTo(afterPaste);
        shoot(robot, "editor-zoomed");

        // undo three edits (paste, delete, the two-node move), then redo them
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ids(pipeline)).containsExactlyInAnyOrder(collect, split, eval);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ids(pipeline)).containsExactlyInAnyOrder(collect, split, bpr, eval);
        assertThat(pipeline.connections()).hasSize(4);
        assertThat(pipeline.node(bpr).x()).isCloseTo(bprX + 30 / z, org.assertj.core.data.Offset.offset(1.0));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pipeline.node(collect).y()).isCloseTo(collectY, org.assertj.core.data.Offset.offset(1.0));
        assertThat(pipeline.node(split).y()).isCloseTo(splitY, org.assertj.core.data.Offset.offset(1.0));
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Move " + bpr);
        assertThat(vm.redoTextProperty().get()).isEqualTo("Redo Move 2 nodes");
        shoot(robot, "editor-undone");

        robot.push(KeyCode.CONTROL, KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pipeline.node(collect).y()).isCloseTo(collectY + 40 / z, org.assertj.core.data.Offset.offset(1.0));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ids(pipeline)).containsExactlyInAnyOrder(collect, split, eval);
        robot.clickOn("#redoButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ids(pipeline)).containsExactlyInAnyOrder(collect, split, eval, collectCopy, splitCopy);
        assertThat(pipeline.connections()).containsExactlyInAnyOrderElementsOf(afterPaste);
        assertThat(vm.canRedoProperty().get()).isFalse();

        // auto layout, fit, and Ctrl+S saves with the history kept
        robot.clickOn("#autoLayoutButton");
        robot.clickOn("#fitButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pipeline.node(collect).x()).isLessThan(pipeline.node(split).x());
        assertThat(pipeline.node(split).x()).isLessThan(pipeline.node(eval).x());
        shoot(robot, "editor-auto-layout");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.canUndoProperty().get()).isTrue();
        try (ProjectStore store = ProjectStore.open(project)) {
            Pipeline saved = new PipelineRepository(store, org.recblend.pipeline.NodeKindRegistry.load()).load("Flow");
            assertThat(ids(saved)).isEqualTo(ids(pipeline));
            assertThat(saved.node(split).x()).isEqualTo(pipeline.node(split).x());
            assertThat(saved.connections()).containsExactlyInAnyOrderElementsOf(pipeline.connections());
        }
    }

    /** A point of the canvas that no node covers. */
    private static Point2D emptySpot(FxRobot robot, PipelineCanvasView view, double w, double h) {
        for (double y = 10; y < h; y += 15) {
            for (double x = 10; x < w; x += 15) {
                Point2D screen = onCanvas(robot, x, y);
                boolean covered = view.viewModel().nodes().stream().anyMatch(n -> {
                    Bounds b = byId(robot, "node:" + n.id()).localToScreen(byId(robot, "node:" + n.id()).getBoundsInLocal());
                    return b.getMinX() - 20 < screen.getX() && screen.getX() < b.getMaxX() + 20
                            && b.getMinY() - 20 < screen.getY() && screen.getY() < b.getMaxY() + 20;
                });
                if (!covered && !view.viewModel().wires().isEmpty() == !robot.lookup((Node n) -> n.getId() != null
                        && n.getId().startsWith("wire:") && n.contains(n.screenToLocal(screen))).tryQuery().isPresent()) {
                    return screen;
                }
            }
        }
        throw new AssertionError("no empty spot on the canvas");
    }

    @Test
    void theSelectedNodesSettingsAreEditedInTheSheetAndUndoneWithTheOtherEdits(FxRobot robot) throws Exception {
        dialogs.textAnswers.add("Tuned");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        PipelineCanvasView view = editor(robot);
        PipelineEditorViewModel vm = view.viewModel();
        String bpr = WaitForAsyncUtils.asyncFx(() -> vm.addNode(BprTrain.ID, 200, 150)).get().orElseThrow();
        int before = vm.pipeline().node(bpr).settings(BprTrain.Settings.class).epochs();
        robot.interact(() -> { vm.select(bpr); });
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.TextField epochs = robot.lookup("#setting-epochs").queryAs(javafx.scene.control.TextField.class);
        assertThat(epochs.getText()).isEqualTo(String.valueOf(before));
        robot.interact(() -> {
            epochs.setText("7");
            epochs.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.pipeline().node(bpr).settings(BprTrain.Settings.class).epochs()).isEqualTo(7);
        shoot(robot, "editor-settings-sheet");

        robot.interact(() -> { vm.undo(); });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.pipeline().node(bpr).settings(BprTrain.Settings.class).epochs()).isEqualTo(before);
        assertThat(epochsShown(robot)).as("the sheet follows the undo").isEqualTo(String.valueOf(before));
        robot.interact(() -> { vm.redo(); });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(epochsShown(robot)).isEqualTo("7");
    }

    private static String epochsShown(FxRobot robot) {
        return robot.lookup("#setting-epochs").queryAs(javafx.scene.control.TextField.class).getText();
    }
}
