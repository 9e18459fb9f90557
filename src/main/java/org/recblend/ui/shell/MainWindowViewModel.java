package org.recblend.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.recblend.ingest.ImportException;
import org.recblend.sample.SampleArchive;
import org.recblend.sample.SampleProject;
import org.recblend.store.ProjectContents;
import org.recblend.store.ProjectException;
import org.recblend.store.ProjectStore;
import org.recblend.store.ProjectPaths;
import org.recblend.task.TaskMonitor;
import org.recblend.ui.prefs.Preferences;
import org.recblend.ui.prefs.PreferencesViewModel;
import org.recblend.ui.prefs.SettingsException;
import org.recblend.ui.prefs.WorkbenchSettings;
import org.recblend.nodes.templates.PipelineTemplates;
import org.recblend.ui.task.BackgroundTasks;
import org.recblend.ui.task.TaskExecutor;

/**
 * State of the main window: which project is open, what it holds, what the status bar says.
 * Opening and reading a project is I/O, so it goes through the {@link TaskExecutor}. The user's
 * long jobs run in the one {@link BackgroundTasks}; while any runs, the project is not switched
 * under it (open, new, save-as and close are refused with a message).
 */
public final class MainWindowViewModel {
    static final String APP_TITLE = "RecBlend Workbench";

    private final TaskExecutor executor;
    private final BackgroundTasks jobs;
    private final WorkbenchSettings settings;
    private final RecentProjects recent;
    private final ObjectProperty<Preferences> preferences = new SimpleObjectProperty<>();
    private final StringProperty errorTitle = new SimpleStringProperty("");
    private final ObjectProperty<ProjectStore> project = new SimpleObjectProperty<>();
    private final ObjectProperty<ProjectContents> contents = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty(APP_TITLE);
    private final StringProperty status = new SimpleStringProperty("No project open");
    private final StringProperty error = new SimpleStringProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<SampleProjectLocation> samples = FXCollections.observableArrayList();

    /** A window with its own jobs and settings that are never written (view-model tests). */
    public MainWindowViewModel(TaskExecutor executor) {
        this(executor, new BackgroundTasks(), WorkbenchSettings.inMemory());
    }

    public MainWindowViewModel(TaskExecutor executor, BackgroundTasks jobs, WorkbenchSettings settings) {
        this.executor = executor;
        this.jobs = jobs;
        this.settings = settings;
        this.recent = readRecent(settings);
        preferences.set(readPreferences(settings));
        // an import or a run changes what the explorer shows
        jobs.running().addListener((ListChangeListener<Task<?>>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    refresh();
                    return;
                }
            }
        });
    }

    private RecentProjects readRecent(WorkbenchSettings from) {
        try {
            return new RecentProjects(from);
        } catch (SettingsException e) {
            fail("Cannot read your settings", e.getMessage());
            return new RecentProjects(WorkbenchSettings.inMemory());
        }
    }

    private Preferences readPreferences(WorkbenchSettings from) {
        try {
            return from.preferences();
        } catch (SettingsException e) {
            return Preferences.defaults();  // readRecent has said why
        }
    }

    /** Opens an existing project, closing the current one when the new one opened. */
    public void openProject(Path path) {
        if (refusedWhileJobsRun("open another project")) {
            return;
        }
        load("Opening " + path.getFileName(), () -> ProjectStore.open(path));
    }

    /** Opens a project of the File > Open Recent menu; one that no longer exists leaves the list. */
    public void openRecent(Path file) {
        if (!Files.exists(ProjectPaths.of(file).databaseFile())) {
            forgetRecent(file);
            fail("Cannot open the project", file + " no longer exists (moved or deleted); it was removed from the"
                    + " recent projects.");
            return;
        }
        openProject(file);
    }

    /** Creates a new project, holding the "LLM hybrid" pipeline to start from, and opens it. */
    public void newProject(Path path) {
        if (refusedWhileJobsRun("create a project")) {
            return;
        }
        load("Creating " + path.getFileName(), () -> {
            ProjectStore store = ProjectStore.create(path);
            try {
                PipelineTemplates.addDefault(store, OpenPipelineAction.registry());
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            return store;
        });
    }

    /**
     * Saves a copy of the open project at {@code target} and opens the copy (the original stays as
     * it is on disk, like "Save As" in an editor).
     */
    public void saveProjectAs(Path target) {
        ProjectStore store = project.get();
        if (store == null || refusedWhileJobsRun("save the project under another name")) {
            return;
        }
        load("Saving a copy as " + target.getFileName(), () -> ProjectStore.open(store.copyTo(target).base()),
                "Cannot save the project");
    }

    /**
     * Opens a bundled sample project. On first open it is copied into the user's projects folder:
     * unpacked from the finished project shipped with it (about a second), or, when only its CSV
     * files are there, built from them (a few seconds: five files imported, the sample pipeline
     * stored). Later opens take the user's copy as it is, with whatever they changed in it.
     */
    public void openSample(SampleProjectLocation sample) {
        if (sample.projectExists()) {
            openProject(sample.project());
            return;
        }
        if (refusedWhileJobsRun("open a sample project")) {
            return;
        }
        Optional<Path> archive = sample.archive();
        if (archive.isPresent()) {
            load("Copying the sample project " + sample.title() + " (first open)", () -> {
                SampleArchive.unpack(archive.get(), sample.project());
                return ProjectStore.open(sample.project());
            });
            return;
        }
        load("Preparing the sample project (first start)", () -> {
            try {
                SampleProject.build(sample.sampleFolder(), sample.project(), TaskMonitor.none());
            } catch (ImportException | java.io.IOException e) {
                throw new ProjectException(ProjectException.Reason.IO,
                        "Cannot build the sample project from " + sample.sampleFolder() + ": " + e.getMessage(), e);
            }
            return ProjectStore.open(sample.project());
        });
    }

    /** The samples of this installation, for File > Open Sample Project (set by the application at start). */
    public ObservableList<SampleProjectLocation> samples() {
        return samples;
    }

    /** Adopts a project that is already open (e.g. the sample project prepared at start-up). */
    public void showProject(ProjectStore store) {
        load("Reading " + store.name(), () -> store);
    }

    private void load(String what, ProjectOpener opener) {
        load(what, opener, "Cannot open the project");
    }

    private void load(String what, ProjectOpener opener, String failureTitle) {
        busy.set(true);
        status.set(what + " …");
        error.set(null);
        executor.execute(() -> {
            ProjectStore store = opener.open();
            return new Opened(store, ProjectContents.of(store));
        }, opened -> {
            ProjectStore previous = project.get();
            if (previous != null && previous != opened.store()) {
                previous.close();
            }
            project.set(opened.store());
            contents.set(opened.contents());
            title.set(opened.store().name() + " — " + APP_TITLE);
            status.set("Project " + opened.store().databaseFile());
            busy.set(false);
            rememberRecent(opened.store().databaseFile());
        }, failure -> {
            fail(failureTitle, messageOf(failure));
            status.set(failureTitle.replace("Cannot", "Could not"));
            busy.set(false);
        });
    }

    private boolean refusedWhileJobsRun(String action) {
        if (!jobs.busyProperty().get()) {
            return false;
        }
        fail("Jobs are running", "Wait until the running jobs have finished, or cancel them (Jobs menu), before you "
                + action + ".");
        return true;
    }

    /** Shows an error: the view turns each one into a dialog. */
    private void fail(String heading, String message) {
        error.set(null);  // the same message twice is still shown twice
        errorTitle.set(heading);
        error.set(message);
    }

    private void rememberRecent(Path file) {
        try {
            recent.remember(file);
        } catch (SettingsException e) {
            fail("Cannot save your recent projects", e.getMessage());
        }
    }

    private void forgetRecent(Path file) {
        try {
            recent.forget(file);
        } catch (SettingsException e) {
            fail("Cannot save your recent projects", e.getMessage());
        }
    }

    /** Empties File > Open Recent. */
    public void clearRecent() {
        try {
            recent.clear();
        } catch (SettingsException e) {
            fail("Cannot save your recent projects", e.getMessage());
        }
    }

    /** The state of a preferences dialog; a save updates {@link #preferencesProperty()} (the theme applies at once). */
    public PreferencesViewModel editPreferences() {
        return new PreferencesViewModel(settings, preferences.get(), preferences::set);
    }

    /** Shows a line in the status bar (e.g. while jobs stop before closing). */
    void announce(String message) {
        status.set(message);
    }

    /** Re-reads the open project's contents (after an import or a run). */
    public void refresh() {
        ProjectStore store = project.get();
        if (store != null) {
            executor.execute(() -> ProjectContents.of(store), read -> {
                if (project.get() == store) {  // not closed or replaced meanwhile
                    contents.set(read);
                }
            }, f -> {
                if (project.get() == store) {
                    fail("Cannot read the project", messageOf(f));
                }
            });
        }
    }

    /** Closes the open project, if any; refused while jobs run in it. */
    public void closeProject() {
        if (project.get() != null && refusedWhileJobsRun("close the project")) {
            return;
        }
        closeProjectNow();
    }

    /** Closes the project even while jobs run (the application is stopping). */
    void closeProjectNow() {
        ProjectStore store = project.get();
        if (store != null) {
            project.set(null);
            contents.set(null);
            store.close();
        }
        title.set(APP_TITLE);
        status.set("No project open");
    }

    private static String messageOf(Throwable failure) {
        if (failure instanceof ProjectException) {
            return failure.getMessage();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** Runs the window's background reads; the data browser shares it. */
    TaskExecutor executor() {
        return executor;
    }

    public ReadOnlyObjectProperty<ProjectStore> projectProperty() {
        return project;
    }

    public ReadOnlyObjectProperty<ProjectContents> contentsProperty() {
        return contents;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The last error a user should see, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** The heading for {@link #errorProperty()}'s message. */
    public ReadOnlyStringProperty errorTitleProperty() {
        return errorTitle;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** The workbench's background jobs (imports, runs): the status bar shows them. */
    public BackgroundTasks jobs() {
        return jobs;
    }

    /** File > Open Recent, newest first. */
    public ObservableList<Path> recentProjects() {
        return recent.list();
    }

    public ReadOnlyObjectProperty<Preferences> preferencesProperty() {
        return preferences;
    }

    @FunctionalInterface
    private interface ProjectOpener {
        ProjectStore open() throws ProjectException;
    }

    private record Opened(ProjectStore store, ProjectContents contents) { }
}
