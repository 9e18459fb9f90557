package org.recblend.ui.shell;

import java.nio.file.Path;
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
import org.recblend.sample.SampleProject;
import org.recblend.store.ProjectContents;
import org.recblend.store.ProjectException;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.recblend.ui.task.TaskExecutor;

/**
 * State of the main window: which project is open, what it holds, what the status bar says.
 * Opening and reading a project is I/O, so it goes through the {@link TaskExecutor}.
 */
public final class MainWindowViewModel {
    static final String APP_TITLE = "RecBlend Workbench";

    private final TaskExecutor executor;
    private final ObjectProperty<ProjectStore> project = new SimpleObjectProperty<>();
    private final ObjectProperty<ProjectContents> contents = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty(APP_TITLE);
    private final StringProperty status = new SimpleStringProperty("No project open");
    private final StringProperty error = new SimpleStringProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public MainWindowViewModel(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Opens an existing project, closing the current one when the new one opened. */
    public void openProject(Path path) {
        load("Opening " + path.getFileName(), () -> ProjectStore.open(path));
    }

    /** Creates a new empty project and opens it. */
    public void newProject(Path path) {
        load("Creating " + path.getFileName(), () -> ProjectStore.create(path));
    }

    /**
     * Opens the bundled sample project, building it from the sample's files on first start (a few
     * seconds: five files are imported and the sample pipeline stored).
     */
    public void openSample(SampleProjectLocation sample) {
        if (sample.projectExists()) {
            openProject(sample.project());
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

    /** Adopts a project that is already open (e.g. the sample project prepared at start-up). */
    public void showProject(ProjectStore store) {
        load("Reading " + store.name(), () -> store);
    }

    private void load(String what, ProjectOpener opener) {
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
        }, failure -> {
            error.set(messageOf(failure));
            status.set("Could not open the project");
            busy.set(false);
        });
    }

    /** Re-reads the open project's contents (after an import or a run). */
    public void refresh() {
        ProjectStore store = project.get();
        if (store != null) {
            executor.execute(() -> ProjectContents.of(store), contents::set, f -> error.set(messageOf(f)));
        }
    }

    /** Closes the open project, if any. */
    public void closeProject() {
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

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    @FunctionalInterface
    private interface ProjectOpener {
        ProjectStore open() throws ProjectException;
    }

    private record Opened(ProjectStore store, ProjectContents contents) { }
}
