package org.recblend.ui.shell;

import java.text.NumberFormat;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.recblend.store.ProjectContents;
import org.recblend.ui.importwizard.ImportWizardLauncher;
import org.recblend.ui.task.BackgroundTasks;

/**
 * The main window: menu, toolbar, project explorer on the left, tabs in the centre and a status
 * bar. It only binds to {@link MainWindowViewModel}; it never opens the store itself.
 */
public final class MainWindowView {
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);

    private final MainWindowViewModel viewModel;
    private final DialogServiceHolder dialogs;
    private final BorderPane root = new BorderPane();
    private final TreeView<String> explorer = new TreeView<>();
    private final VBox welcome = new VBox(10);
    private final StatusBar statusBar = new StatusBar();
    private Runnable onExit = () -> { };
    private final BackgroundTasks tasks = new BackgroundTasks();

    /** Lets the window give its dialog service once the stage exists. */
    interface DialogServiceHolder {
        DialogService get();
    }

    public MainWindowView(MainWindowViewModel viewModel, DialogServiceHolder dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        build();
        bind();
    }

    public Parent root() {
        return root;
    }

    void setOnExit(Runnable onExit) {
        this.onExit = onExit;
    }

    private void build() {
        explorer.setId("projectExplorer");
        explorer.setShowRoot(true);
        explorer.setMinWidth(220);

        welcome.setId("welcomePane");
        welcome.setPadding(new Insets(24));
        Tab welcomeTab = new Tab("Overview", welcome);
        welcomeTab.setClosable(false);
        TabPane tabs = new TabPane(welcomeTab);
        tabs.setId("centreTabs");

        SplitPane split = new SplitPane(explorer, tabs);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.32);

        statusBar.setId("statusBar");
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(split);
        root.setBottom(statusBar);
    }

    private MenuBar menuBar() {
        MenuItem newProject = item("New Project…", "Shortcut+N", this::newProject);
        MenuItem open = item("Open Project…", "Shortcut+O", this::openProject);
        MenuItem close = item("Close Project", "Shortcut+W", viewModel::closeProject);
        close.disableProperty().bind(viewModel.projectProperty().isNull());
        MenuItem importData = item("Import Data…", "Shortcut+I", this::importData);
        importData.disableProperty().bind(viewModel.projectProperty().isNull());
        MenuItem refresh = item("Refresh", "F5", viewModel::refresh);
        MenuItem exit = item("Exit", "Shortcut+Q", () -> onExit.run());
        Menu file = new Menu("_File", null, newProject, open, close, new SeparatorMenuItem(), importData, refresh,
                new SeparatorMenuItem(), exit);
        MenuItem about = new MenuItem("About RecBlend Workbench");
        about.setOnAction(e -> dialogs.get().showInformation("About RecBlend Workbench",
                "RecBlend Workbench " + org.recblend.store.ProjectStore.appVersion()
                        + "\nBuild, train, evaluate and demo multi-source recommender systems."));
        Menu help = new Menu("_Help", null, about);
        MenuBar bar = new MenuBar(file, help);
        bar.setId("menuBar");
        return bar;
    }

    private ToolBar toolBar() {
        Button newButton = new Button("New");
        newButton.setOnAction(e -> newProject());
        Button openButton = new Button("Open");
        openButton.setId("openButton");
        openButton.setOnAction(e -> openProject());
        Button refreshButton = new Button("Refresh");
        refreshButton.setOnAction(e -> viewModel.refresh());
        refreshButton.disableProperty().bind(viewModel.projectProperty().isNull());
        Button importButton = new Button("Import");
        importButton.setId("importButton");
        importButton.setOnAction(e -> importData());
        importButton.disableProperty().bind(viewModel.projectProperty().isNull());
        return new ToolBar(newButton, openButton, importButton, refreshButton);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }

    private void openProject() {
        dialogs.get().chooseProjectToOpen().ifPresent(viewModel::openProject);
    }

    /** Opens the import wizard on the open project; the explorer is refreshed after each import. */
    private void importData() {
        var store = viewModel.projectProperty().get();
        if (store != null) {
            new ImportWizardLauncher(() -> dialogs.get().chooseFileToImport())
                    .open(root.getScene().getWindow(), store, tasks, null, viewModel::refresh);
        }
    }

    private void newProject() {
        dialogs.get().chooseNewProjectLocation().ifPresent(viewModel::newProject);
    }

    private void bind() {
        statusBar.textProperty().bind(viewModel.statusProperty());
        viewModel.busyProperty().addListener((obs, was, busy) -> statusBar.setProgress(busy ? -1 : 0));
        viewModel.contentsProperty().addListener((obs, old, contents) -> showContents(contents));
        viewModel.errorProperty().addListener((obs, old, message) -> {
            if (message != null) {
                dialogs.get().showError("Cannot open the project", message);
            }
        });
        showContents(null);
    }

    static String count(long n, String noun) {
        return COUNT.format(n) + " " + noun + (n == 1 ? "" : "s");
    }

    private void showContents(ProjectContents contents) {
        var store = viewModel.projectProperty().get();
        explorer.setRoot(ExplorerTree.build(store == null ? "No project" : store.name(), contents));
        welcome.getChildren().clear();
        Label heading = new Label(store == null ? "No project open" : store.name());
        heading.setId("projectHeading");
        heading.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        welcome.getChildren().add(heading);
        if (contents == null) {
            welcome.getChildren().add(new Label("Open a project (Ctrl+O) or create a new one (Ctrl+N)."));
            return;
        }
        long sources = contents.datasets().stream().mapToLong(d -> d.sources().size()).sum();
        long rows = contents.datasets().stream().flatMap(d -> d.sources().stream())
                .mapToLong(ProjectContents.SourceEntry::rowsAccepted).sum();
        Label summary = new Label(count(contents.datasets().size(), "dataset") + " · " + count(sources, "source")
                + " · " + count(rows, "row") + " imported · " + count(contents.pipelines().size(), "pipeline")
                + " · " + count(contents.runs().size(), "run"));
        summary.setId("projectSummary");
        welcome.getChildren().addAll(summary, new Label("Project file: " + store.databaseFile()));
    }
}
