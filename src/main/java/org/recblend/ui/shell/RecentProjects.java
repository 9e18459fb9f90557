package org.recblend.ui.shell;

import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recblend.store.ProjectPaths;
import org.recblend.ui.prefs.WorkbenchSettings;

/** The projects opened last, newest first, kept in the user's settings for File > Open Recent. */
final class RecentProjects {
    static final int MAX = 8;

    private final WorkbenchSettings settings;
    private final ObservableList<Path> projects = FXCollections.observableArrayList();
    /** One wrapper, kept: it listens to the list weakly, so a wrapper made per call would lose its listeners. */
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(projects);

    /** Reads the list; throws {@code SettingsException} when the settings file cannot be read. */
    RecentProjects(WorkbenchSettings settings) {
        this.settings = settings;
        projects.setAll(settings.recentProjects().stream().limit(MAX).toList());
    }

    /** Puts the project first (once), drops the oldest beyond {@link #MAX} and saves the list. */
    void remember(Path project) {
        Path file = ProjectPaths.of(project).databaseFile();
        projects.remove(file);
        projects.add(0, file);
        if (projects.size() > MAX) {
            projects.remove(MAX, projects.size());
        }
        settings.saveRecentProjects(List.copyOf(projects));
    }

    /** Removes a project that can no longer be opened. */
    void forget(Path project) {
        if (projects.remove(ProjectPaths.of(project).databaseFile())) {
            settings.saveRecentProjects(List.copyOf(projects));
        }
    }

    void clear() {
        projects.clear();
        settings.saveRecentProjects(List.of());
    }

    ObservableList<Path> list() {
        return readOnly;
    }
}
