package org.recblend.ui.shell;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import org.recblend.ui.task.BackgroundTasks;

/**
 * What the status bar says about background jobs: the oldest running job's title, message and
 * progress, and how many jobs run.
 */
final class JobStatus {
    private final BackgroundTasks tasks;
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final IntegerProperty count = new SimpleIntegerProperty();
    private final ChangeListener<Object> update = (obs, old, now) -> update();
    private Task<?> current;

    JobStatus(BackgroundTasks tasks) {
        this.tasks = tasks;
        tasks.running().addListener((ListChangeListener<Task<?>>) change -> follow());
        follow();
    }

    private void follow() {
        Task<?> first = tasks.running().isEmpty() ? null : tasks.running().get(0);
        if (first != current) {
            if (current != null) {
                current.messageProperty().removeListener(update);
                current.progressProperty().removeListener(update);
                current.stateProperty().removeListener(update);
            }
            current = first;
            if (current != null) {
                current.messageProperty().addListener(update);
                current.progressProperty().addListener(update);
                current.stateProperty().addListener(update);
            }
        }
        count.set(tasks.running().size());
        update();
    }

    private void update() {
        if (current == null) {
            message.set("");
            progress.set(0);
            return;
        }
        String title = current.getTitle() == null || current.getTitle().isBlank() ? "Background job" : current.getTitle();
        String detail = current.isCancelled() ? "stopping …" : current.getMessage();
        String more = count.get() > 1 ? "  (+" + (count.get() - 1) + " more)" : "";
        message.set(title + (detail == null || detail.isBlank() ? "" : " — " + detail) + more);
        progress.set(current.isCancelled() ? -1 : current.getProgress());
    }

    ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The current job's progress: 0..1, or -1 while it cannot say (or is stopping). */
    ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    ReadOnlyIntegerProperty countProperty() {
        return count;
    }
}
