package org.recblend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.nodes.collect.CollectDataset;
import org.recblend.nodes.preprocess.RandomSplit;
import org.recblend.pipeline.BaseNodeKind;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.NodeDescriptor;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.store.ProjectStore;
import org.recblend.testutil.Screenshots;
import org.recblend.ui.editor.PipelineEditorViewModel;
import org.recblend.ui.task.CurrentThreadTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pipelines in the shell: a stored pipeline opens from the explorer in one editor tab (its places,
 * wires and a node of a kind this workbench lacks, shown as a placeholder), unsaved changes are
 * marked and guarded, Ctrl+S saves, a taken name is refused, and tabs close with the project.
 */
@ExtendWith(ApplicationExtension.class)
class PipelineTabsFxTest {
    @TempDir
    static Path dir;
    private static Path project;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private MainWindowViewModel viewModel;
    private Stage stage;

    /** A kind only the test knows: the shell's registry lacks it, so it loads as a placeholder. */
    static final class ExtensionKind extends BaseNodeKind<ExtensionKind.Settings> {
        record Settings(int level) implements NodeSettings {
        }

        ExtensionKind() {
            super(new NodeDescriptor("extension.rerank", "Re-ranker", org.recblend.pipeline.Stage.RECOMMEND,
                    List.of(PortSpec.of("split", PortTypes.SPLIT)), List.of(), "From an extension."), Settings.class);
        }

        @Override
        public Settings defaultSettings() {
            return new Settings(3);
        }

        @Override
        public List<PortData> execute(Settings settings, List<PortData> inputs, ExecutionContext ctx) {
            return List.of();
        }
    }

    @BeforeAll
    static void storePipeline() throws Exception {
        project = dir.resolve("stored");
        try (ProjectStore store = ProjectStore.create(project)) {
            NodeKindRegistry withExtension = NodeKindRegistry.load().with(new ExtensionKind());
            Pipeline p = new Pipeline(withExtension);
            p.addNode("collect", CollectDataset.ID);
            p.addNode("split", RandomSplit.ID);
            p.addNode("rerank", "extension.rerank", new ExtensionKind.Settings(7));
            p.move("collect", 40, 60);
            p.move("split", 360, 80);
            p.move("rerank", 680, 90);
            p.connect("collect", "interactions", "split", "interactions");
            p.connect("split", "split", "rerank", "split");
            new PipelineRepository(store, withExtension).save("Stored", p);
        }
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

    private static TabPane tabs(FxRobot robot) {
        return robot.lookup("#centreTabs").queryAs(TabPane.class);
    }

    private static long editorTabs(FxRobot robot) {
        return tabs(robot).getTabs().stream().filter(t -> t.getId() != null && t.getId().startsWith("pipeline:")).count();
    }

    @Test
    void aStoredPipelineOpensOnceWithItsPlacesWiresAndPlaceholder(FxRobot robot) {
        robot.doubleClickOn("Stored");
        WaitForAsyncUtils.waitForFxEvents();
        Tab tab = tabs(robot).getSelectionModel().getSelectedItem();
        assertThat(tab.getText()).isEqualTo("Pipeline: Stored");
        PipelineEditorViewModel vm = ((EditorTab) tab.getUserData()).canvas().viewModel();
        assertThat(vm.nodes()).extracting(i -> i.id()).containsExactly("collect", "split", "rerank");
        assertThat(vm.item("split").orElseThrow().x()).isEqualTo(360);
        assertThat(vm.wires()).hasSize(2);
        assertThat(vm.item("rerank").orElseThrow().isUnknownKind()).isTrue();
        Node placeholder = robot.lookup((Node n) -> "node:rerank".equals(n.getId())).query();
        assertThat(placeholder.getStyleClass()).contains("unknown-kind");
        assertThat(vm.item("rerank").orElseThrow().messageProperty().get()).contains("Unknown node kind 'extension.rerank'");
        assertThat(vm.dirtyProperty().get()).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), "editor-stored-with-placeholder"));

        robot.clickOn("Overview");
        robot.doubleClickOn("Stored");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editorTabs(robot)).as("one tab per pipeline").isEqualTo(1);
        assertThat(tabs(robot).getSelectionModel().getSelectedItem()).isSameAs(tab);

        // an edit marks the tab; closing it then asks, and "Keep open" keeps it
        robot.interact(() -> vm.moveNodes(List.of("rerank"), 0, 40));
        assertThat(tab.getGraphic().isVisible()).isTrue();
        dialogs.confirmAnswer = false;
        robot.interact(() -> {
            javafx.event.Event close = new javafx.event.Event(tab, tab, Tab.TAB_CLOSE_REQUEST_EVENT);
            javafx.event.Event.fireEvent(tab, close);
            if (!close.isConsumed()) {
                tabs(robot).getTabs().remove(tab);
            }
        });
        assertThat(dialogs.questions).anyMatch(q -> q.startsWith("Unsaved changes: Pipeline 'Stored' has changes"));
        assertThat(editorTabs(robot)).isEqualTo(1);

        // Ctrl+S saves; the placeholder keeps its kind and settings, the moved node its place
        Node splitView = robot.lookup((Node n) -> "node:split".equals(n.getId())).query();
        robot.clickOn(splitView);
        robot.push(KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(tab.getGraphic().isVisible()).isFalse();
        try (ProjectStore store = ProjectStore.open(project)) {
            NodeKindRegistry withExtension = NodeKindRegistry.load().with(new ExtensionKind());
            Pipeline saved = new PipelineRepository(store, withExtension).load("Stored");
            assertThat(saved.node("rerank").settings(ExtensionKind.Settings.class).level()).isEqualTo(7);
            assertThat(saved.node("rerank").y()).isEqualTo(130);
            assertThat(saved.connections()).hasSize(2);
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        // closing the project closes its editor tabs
        robot.interact(viewModel::closeProject);
        assertThat(editorTabs(robot)).isZero();
    }

    @Test
    void aNewPipelineNeedsAFreeName(FxRobot robot) {
        dialogs.textAnswers.add("Stored");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.errors).containsExactly("Cannot create pipeline 'Stored': There is already a pipeline named 'Stored'"
                + " in this project; choose another name or open it from the explorer.");
        assertThat(editorTabs(robot)).isZero();

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);  // cancelled: nothing happens
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editorTabs(robot)).isZero();
        assertThat(dialogs.errors).hasSize(1);
    }
}
