package org.recblend.ui.shell;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;
import org.recblend.nodes.templates.PipelineTemplate;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.store.ProjectContents;
import org.recblend.ui.prefs.PreferencesView;
import org.recblend.ui.prefs.Theme;
import org.recblend.ui.prefs.ThemeStyles;
import org.recblend.ui.importwizard.ImportWizardLauncher;

/**
 * The main window: menu, toolbar, project explorer on the left, tabs in the centre, the
 * background jobs above a status bar, and a notification bar when a job ends. It only binds to
 * {@link MainWindowViewModel}; it never opens the store itself.
 */
public final class MainWindowView {
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);
    private static final Duration NOTICE_SHOWN = Duration.seconds(8);

    private final MainWindowViewModel viewModel;
    private final DialogServiceHolder dialogs;
    private final BorderPane root = new BorderPane();
    private final TreeView<String> explorer = new TreeView<>();
    private final VBox welcome = new VBox(10);
    private final TabPane tabs = new TabPane();
    private final StatusBar statusBar = new StatusBar();
    private final NotificationPane notifications = new NotificationPane();
    private final JobStatus jobStatus;
    private final JobsPane jobsPane;
    private final ToggleButton jobsButton = new ToggleButton();
    private final Menu recentMenu = new Menu("Open _Recent");
    private final Menu sampleMenu = new Menu("Open _Sample Project");
    private final PauseTransition noticeTimer = new PauseTransition(NOTICE_SHOWN);
    private final ExitGuard exitGuard;
    private Runnable onExit = () -> { };
    private OpenPipelineAction pipelines;
    private ResultsMenu results;
    private Menu exportMenu;

    /** Lets the window give its dialog service once the stage exists. */
    interface DialogServiceHolder {
        DialogService get();
    }

    public MainWindowView(MainWindowViewModel viewModel, DialogServiceHolder dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.jobStatus = new JobStatus(viewModel.jobs());
        this.jobsPane = new JobsPane(viewModel.jobs(), () -> jobsButton.setSelected(false));
        this.exitGuard = new ExitGuard(viewModel.jobs(), dialogs::get, viewModel::announce, () -> {
            viewModel.closeProjectNow();
            onExit.run();
        });
        build();
        bind();
    }

    public Parent root() {
        return root;
    }

    /** What runs once the window may close (no job left, project closed): exit the application. */
    void setOnExit(Runnable onExit) {
        this.onExit = onExit;
    }

    /** The window's close button and File > Exit: asks first while jobs run. */
    void requestExit() {
        exitGuard.requestExit();
    }

    private void build() {
        explorer.setId("projectExplorer");
        explorer.setShowRoot(true);
        explorer.setMinWidth(220);

        welcome.setId("welcomePane");
        welcome.setPadding(new Insets(24));
        Tab welcomeTab = new Tab("Overview", welcome);
        welcomeTab.setClosable(false);
        tabs.getTabs().add(welcomeTab);
        tabs.setId("centreTabs");
        BrowseDataAction.install(explorer, tabs, viewModel.projectProperty(), viewModel.executor());
        pipelines = OpenPipelineAction.install(explorer, tabs, viewModel.projectProperty(), viewModel.executor(), viewModel.jobs(), dialogs::get,
                viewModel::refresh);
        results = new ResultsMenu(tabs, viewModel.projectProperty(), viewModel.executor(), pipelines::runner);
        exportMenu = RunExportAction.install(explorer, viewModel.projectProperty(), viewModel.executor(), dialogs::get);

        SplitPane split = new SplitPane(explorer, tabs);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(explorer, false);
        notifications.setId("notificationPane");
        notifications.setContent(split);
        notifications.setShowFromTop(false);

        statusBar.setId("statusBar");
        jobsButton.setId("jobsButton");
        jobsButton.getStyleClass().add("job-count");
        jobsButton.setTooltip(new Tooltip("Show the background jobs (Ctrl+J)"));
        statusBar.getRightItems().add(jobsButton);
        jobsPane.visibleProperty().bind(jobsButton.selectedProperty());
        jobsPane.managedProperty().bind(jobsPane.visibleProperty());

        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(notifications);
        root.setBottom(new VBox(jobsPane, statusBar));
    }

    private MenuBar menuBar() {
        MenuItem newProject = item("_New Project…", "Shortcut+N", this::newProject);
        MenuItem open = item("_Open Project…", "Shortcut+O", this::openProject);
        recentMenu.setId("recentMenu");
        sampleMenu.setId("sampleMenu");
        MenuItem saveAs = item("Save Project _As…", "Shortcut+Shift+S", this::saveProjectAs);
        saveAs.disableProperty().bind(viewModel.projectProperty().isNull());
        MenuItem close = item("_Close Project", "Shortcut+W", viewModel::closeProject);
        close.disableProperty().bind(viewModel.projectProperty().isNull());
        MenuItem importData = item("_Import Data…", "Shortcut+I", this::importData);
        importData.disableProperty().bind(viewModel.projectProperty().isNull());
        MenuItem newPipeline = item("New _Pipeline…", "Shortcut+Shift+N", () -> pipelines.createNew());
        newPipeline.setId("newPipelineMenu");
        newPipeline.disableProperty().bind(viewModel.projectProperty().isNull());
        Menu fromTemplate = new Menu("New Pipeline from _Template");
        fromTemplate.setId("templateMenu");
        fromTemplate.disableProperty().bind(viewModel.projectProperty().isNull());
        for (PipelineTemplate t : PipelineTemplates.list()) {
            MenuItem entry = new MenuItem(t.name());
            entry.setId("template:" + t.name());
            entry.setOnAction(e -> pipelines.createFromTemplate(t.name()));
            fromTemplate.getItems().add(entry);
        }
        MenuItem refresh = item("Re_fresh", "F5", viewModel::refresh);
        MenuItem exit = item("E_xit", "Shortcut+Q", this::requestExit);
        Menu file = new Menu("_File", null, newProject, open, recentMenu, sampleMenu, new SeparatorMenuItem(), saveAs, close,
                new SeparatorMenuItem(), newPipeline, fromTemplate, importData, exportMenu, refresh, new SeparatorMenuItem(), exit);
        file.setId("fileMenu");

        MenuItem preferences = item("_Preferences…", "Shortcut+COMMA", this::showPreferences);
        Menu edit = new Menu("_Edit", null, preferences);

        CheckMenuItem showJobs = new CheckMenuItem("Show _Background Jobs");
        showJobs.setAccelerator(KeyCombination.keyCombination("Shortcut+J"));
        showJobs.selectedProperty().bindBidirectional(jobsButton.selectedProperty());
        MenuItem cancelAll = item("_Cancel All Jobs", "Shortcut+Shift+K", () -> viewModel.jobs().cancelAll());
        cancelAll.disableProperty().bind(viewModel.jobs().busyProperty().not());
        Menu jobs = new Menu("_Jobs", null, showJobs, cancelAll);

        MenuItem shortcuts = item("_Keyboard Shortcuts", "F1", () -> dialogs.get().showInformation("Keyboard shortcuts",
                KeyboardShortcuts.describe(root.getScene() == null ? null : bar(root))));
        MenuItem about = new MenuItem("_About RecBlend Workbench");
        about.setOnAction(e -> dialogs.get().showInformation("About RecBlend Workbench",
                "RecBlend Workbench " + org.recblend.store.ProjectStore.appVersion()
                        + "\nBuild, train, evaluate and demo multi-source recommender systems."));
        Menu help = new Menu("_Help", null, shortcuts, about);
        MenuBar bar = new MenuBar(file, edit, results.menu(), jobs, help);
        bar.setId("menuBar");
        return bar;
    }

    private static MenuBar bar(BorderPane root) {
        return (MenuBar) ((VBox) root.getTop()).getChildren().get(0);
    }

    private ToolBar toolBar() {
        Button newButton = button("New", "Create a new project (Ctrl+N)", this::newProject);
        Button openButton = button("Open", "Open a project (Ctrl+O)", this::openProject);
        openButton.setId("openButton");
        Button saveAsButton = button("Save As", "Save a copy of the project and open it (Ctrl+Shift+S)", this::saveProjectAs);
        saveAsButton.disableProperty().bind(viewModel.projectProperty().isNull());
        Button refreshButton = button("Refresh", "Read the project again (F5)", viewModel::refresh);
        refreshButton.disableProperty().bind(viewModel.projectProperty().isNull());
        Button importButton = button("Import", "Import data into the project (Ctrl+I)", this::importData);
        importButton.setId("importButton");
        importButton.disableProperty().bind(viewModel.projectProperty().isNull());
        Button preferencesButton = button("Preferences", "Threads, cache, embeddings endpoint, theme (Ctrl+,)", this::showPreferences);
        return new ToolBar(newButton, openButton, saveAsButton, importButton, refreshButton, new Separator(Orientation.VERTICAL),
                preferencesButton);
    }

    private static Button button(String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
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
            new ImportWizardLauncher(() -> dialogs.get().chooseFilesToImport())
                    .open(root.getScene().getWindow(), store, viewModel.jobs(), null, viewModel::refresh);
        }
    }

    private void newProject() {
        dialogs.get().chooseNewProjectLocation().ifPresent(viewModel::newProject);
    }

    private void saveProjectAs() {
        var store = viewModel.projectProperty().get();
        if (store != null) {
            dialogs.get().chooseSaveAsLocation(store.name()).ifPresent(viewModel::saveProjectAs);
        }
    }

    private void showPreferences() {
        PreferencesView.show(root.getScene() == null ? null : root.getScene().getWindow(), viewModel.editPreferences(),
                viewModel.preferencesProperty().get().theme());
    }

    private void bind() {
        statusBar.textProperty().bind(Bindings.when(jobStatus.countProperty().greaterThan(0))
                .then(jobStatus.messageProperty()).otherwise(viewModel.statusProperty()));
        statusBar.progressProperty().bind(Bindings.when(jobStatus.countProperty().greaterThan(0))
                .then(jobStatus.progressProperty())
                .otherwise(Bindings.when(viewModel.busyProperty()).then(-1.0).otherwise(0.0)));
        jobsButton.textProperty().bind(Bindings.createStringBinding(() -> jobsLabel(jobStatus.countProperty().get()),
                jobStatus.countProperty()));
        viewModel.contentsProperty().addListener((obs, old, contents) -> showContents(contents));
        viewModel.errorProperty().addListener((obs, old, message) -> showError(message));
        viewModel.recentProjects().addListener((ListChangeListener<Path>) c -> fillRecentMenu());
        viewModel.samples().addListener((ListChangeListener<SampleProjectLocation>) c -> fillSampleMenu());
        viewModel.preferencesProperty().addListener((obs, old, p) -> applyTheme());
        root.sceneProperty().addListener((obs, old, scene) -> applyTheme());
        new JobNotifications(viewModel.jobs()).latestProperty().addListener((obs, old, notice) -> show(notice));
        noticeTimer.setOnFinished(e -> notifications.hide());
        fillRecentMenu();
        fillSampleMenu();
        showContents(null);
        showError(viewModel.errorProperty().get());
    }

    static String jobsLabel(int running) {
        return running == 0 ? "No jobs" : running == 1 ? "1 job running" : running + " jobs running";
    }

    private void applyTheme() {
        Scene scene = root.getScene();
        Theme theme = viewModel.preferencesProperty().get().theme();
        ThemeStyles.apply(scene, theme);
    }

    private void showError(String message) {
        if (message != null) {
            dialogs.get().showError(viewModel.errorTitleProperty().get(), message);
        }
    }

    private void show(Notice notice) {
        if (notice == null) {
            return;
        }
        notifications.getStyleClass().removeAll("succeeded", "failed", "cancelled");
        notifications.getStyleClass().add(notice.kind().name().toLowerCase(Locale.ROOT));
        notifications.setText(notice.text());
        Region icon = new Region();
        icon.getStyleClass().addAll("notice-icon", notice.kind().name().toLowerCase(Locale.ROOT));
        notifications.setGraphic(icon);
        notifications.show();
        noticeTimer.playFromStart();
    }

    private void fillRecentMenu() {
        recentMenu.getItems().clear();
        for (Path file : viewModel.recentProjects()) {
            MenuItem entry = new MenuItem(file.getFileName() + "  —  " + file.getParent());
            entry.setMnemonicParsing(false);
            entry.setOnAction(e -> viewModel.openRecent(file));
            recentMenu.getItems().add(entry);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent projects");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            recentMenu.getItems().addAll(new SeparatorMenuItem(), item("Clear Recent Projects", null, viewModel::clearRecent));
        }
    }

    /** One entry per bundled sample; opening one copies it into the projects folder the first time. */
    private void fillSampleMenu() {
        sampleMenu.getItems().clear();
        for (SampleProjectLocation sample : viewModel.samples()) {
            MenuItem entry = new MenuItem(sample.title());
            entry.setMnemonicParsing(false);
            entry.setId("sample-" + sample.sampleFolder().getFileName());
            entry.setOnAction(e -> viewModel.openSample(sample));
            sampleMenu.getItems().add(entry);
        }
        if (sampleMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No sample projects installed");
            none.setDisable(true);
            sampleMenu.getItems().add(none);
        }
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
        heading.getStyleClass().add("project-heading");
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
        Label file = new Label("Project file: " + store.databaseFile());
        file.setWrapText(true);
        welcome.getChildren().addAll(summary, file);
    }
}
