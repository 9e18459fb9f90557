package org.recblend.ui.shell;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.stage.WindowEvent;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.pipeline.NodeKindRegistry;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRepository;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.store.ProjectStore;
import org.recblend.ui.editor.PipelineCanvasView;
import org.recblend.ui.editor.PipelineEditorViewModel;
import org.recblend.ui.editor.preview.OutputPreviewView;
import org.recblend.ui.editor.run.EditorRunBinding;
import org.recblend.ui.editor.run.PipelineRunViewModel;
import org.recblend.ui.editor.run.RunConsoleView;
import org.recblend.ui.editor.run.RunConsoleViewModel;
import org.recblend.ui.editor.run.RunControls;
import org.recblend.ui.task.BackgroundTasks;
import org.recblend.ui.task.TaskExecutor;

/**
 * Opens pipelines in the editor: double-click a pipeline in the explorer (or "Open Pipeline" in
 * its context menu), or File > New Pipeline. One "Pipeline: NAME" tab per pipeline, loaded off
 * the JavaFX thread; a dot on the tab marks unsaved changes, and closing such a tab asks first.
 * Editor tabs close with their project.
 */
final class OpenPipelineAction {
    static final String TAB_PREFIX = "pipeline:";
    private static NodeKindRegistry registry;

    private final TreeView<String> explorer;
    private final TabPane tabs;
    private final ObservableValue<ProjectStore> project;
    private final TaskExecutor executor;
    private final Supplier<DialogService> dialogs;
    private final Runnable refresh;
    private final BackgroundTasks jobs;
    private PipelineRunner runner;

    private OpenPipelineAction(TreeView<String> explorer, TabPane tabs, ObservableValue<ProjectStore> project,
                               TaskExecutor executor, BackgroundTasks jobs, Supplier<DialogService> dialogs, Runnable refresh) {
        this.explorer = explorer;
        this.tabs = tabs;
        this.project = project;
        this.executor = executor;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.refresh = refresh;
    }

    static OpenPipelineAction install(TreeView<String> explorer, TabPane tabs, ObservableValue<ProjectStore> project,
                                      TaskExecutor executor, BackgroundTasks jobs, Supplier<DialogService> dialogs,
                                      Runnable refresh) {
        OpenPipelineAction action = new OpenPipelineAction(explorer, tabs, project, executor, jobs, dialogs, refresh);
        action.install();
        return action;
    }

    /** The node kinds on the class path, found once: every editor's palette shows them. */
    static synchronized NodeKindRegistry registry() {
        if (registry == null) {
            registry = NodeKindRegistry.load();
        }
        return registry;
    }

    private void install() {
        explorer.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                selectedPipeline().ifPresent(this::open);
            }
        });
        ContextMenu menu = explorer.getContextMenu();
        if (menu != null) {
            MenuItem openItem = new MenuItem("Open Pipeline");
            openItem.setId("openPipelineMenu");
            openItem.setOnAction(e -> selectedPipeline().ifPresent(this::open));
            menu.getItems().add(0, openItem);
            menu.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> openItem.setDisable(selectedPipeline().isEmpty()));
        }
        project.addListener((obs, old, now) -> {
            runner = null;
            tabs.getTabs().removeIf(t -> t.getId() != null && t.getId().startsWith(TAB_PREFIX));
        });
    }

    private Optional<String> selectedPipeline() {
        TreeItem<String> item = explorer.getSelectionModel().getSelectedItem();
        return item instanceof ExplorerTree.PipelineEntry p ? Optional.of(p.pipeline()) : Optional.empty();
    }

    /** Shows the pipeline's editor tab, loading the pipeline first when it is not open. */
    void open(String name) {
        ProjectStore store = project.getValue();
        if (store == null || select(name)) {
            return;
        }
        PipelineRepository repository = new PipelineRepository(store, registry());
        executor.execute(() -> repository.load(name), pipeline -> {
            if (project.getValue() == store && !select(name)) {
                show(new PipelineEditorViewModel(pipeline, repository, executor));
            }
        }, failure -> dialogs.get().showError("Cannot open pipeline '" + name + "'", message(failure)));
    }

    /** File > New Pipeline: asks for a name, stores an empty pipeline under it and opens it. */
    void createNew() {
        ProjectStore store = project.getValue();
        if (store == null) {
            return;
        }
        Optional<String> name = dialogs.get().askText("New pipeline", "Name of the new pipeline:", "Pipeline");
        if (name.isEmpty()) {
            return;
        }
        String chosen = name.get();
        PipelineRepository repository = new PipelineRepository(store, registry());
        executor.execute(() -> {
            if (repository.find(chosen).isPresent()) {
                throw new IllegalArgumentException("There is already a pipeline named '" + chosen
                        + "' in this project; choose another name or open it from the explorer.");
            }
            Pipeline pipeline = new Pipeline(registry(), chosen);
            repository.save(chosen, pipeline);
            return pipeline;
        }, pipeline -> {
            refresh.run();
            if (project.getValue() == store) {
                show(new PipelineEditorViewModel(pipeline, repository, executor));
            }
        }, failure -> dialogs.get().showError("Cannot create pipeline '" + chosen + "'", message(failure)));
    }

    /**
     * File > New Pipeline from Template: builds the template over the project's first dataset,
     * stores it (under "name (2)" when the name is taken) and opens it.
     */
    void createFromTemplate(String template) {
        ProjectStore store = project.getValue();
        if (store == null) {
            return;
        }
        executor.execute(() -> {
            Pipeline added = PipelineTemplates.add(template, store, registry());
            return new PipelineRepository(store, registry()).load(added.name());
        }, pipeline -> {
            refresh.run();
            if (project.getValue() == store) {
                show(new PipelineEditorViewModel(pipeline, new PipelineRepository(store, registry()), executor));
            }
        }, failure -> dialogs.get().showError("Cannot add the template '" + template + "'", message(failure)));
    }

    private boolean select(String name) {
        for (Tab tab : tabs.getTabs()) {
            if ((TAB_PREFIX + name).equals(tab.getId())) {
                tabs.getSelectionModel().select(tab);
                return true;
            }
        }
        return false;
    }

    /** One runner per open project, so every editor tab shares the outputs held in memory. */
    PipelineRunner runner(ProjectStore store) {
        if (runner == null) {
            runner = new PipelineRunner(store);
        }
        return runner;
    }

    private void show(PipelineEditorViewModel vm) {
        PipelineCanvasView view = new PipelineCanvasView(vm);
        PipelineRunViewModel runs = new PipelineRunViewModel(runner(project.getValue()), vm.pipeline(), executor, jobs::submit,
                Platform::runLater);
        EditorRunBinding.bind(vm, runs);
        view.addTools(RunControls.create(runs, vm.selectedNodeProperty()).toArray(javafx.scene.Node[]::new));
        NodeSettingsInspector.install(view);
        // run records name the pipeline they ran: saved runs show in the explorer
        runs.lastResultProperty().addListener((obs, old, result) -> refresh.run());
        vm.setOnSaved(refresh);
        RunConsoleView console = new RunConsoleView(new RunConsoleViewModel(runs, vm.selectedNodeProperty()));
        NodeOutputTab.install(console, new OutputPreviewView(runs.runner(), executor), vm, runs);
        SplitPane editorAndConsole = new SplitPane(view.root(), console.root());
        editorAndConsole.setOrientation(Orientation.VERTICAL);
        editorAndConsole.setDividerPositions(0.62);
        SplitPane.setResizableWithParent(console.root(), false);
        Tab tab = new Tab("Pipeline: " + vm.nameProperty().get(), editorAndConsole);
        tab.setId(TAB_PREFIX + vm.nameProperty().get());
        tab.setUserData(new EditorTab(view, runs, console));
        Region dirtyDot = new Region();
        dirtyDot.getStyleClass().add("dirty-dot");
        dirtyDot.visibleProperty().bind(vm.dirtyProperty());
        tab.setGraphic(dirtyDot);
        tab.setOnCloseRequest(e -> {
            if (runs.isRunning()) {
                dialogs.get().showError("Pipeline '" + vm.nameProperty().get() + "' is running",
                        "Cancel the run (■ Cancel in the editor's tool bar) before closing its tab.");
                e.consume();
                return;
            }
            if (vm.dirtyProperty().get() && !dialogs.get().confirm("Unsaved changes",
                    "Pipeline '" + vm.nameProperty().get() + "' has changes that are not saved. Close it anyway?",
                    "Close without saving", "Keep open")) {
                e.consume();
            }
        });
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    private static String message(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
