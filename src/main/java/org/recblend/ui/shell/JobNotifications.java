package org.recblend.ui.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.recblend.ui.task.BackgroundTasks;

/** Turns every background job's end (done, failed, cancelled) into a {@link Notice} the window shows. */
final class JobNotifications {
    private final ObjectProperty<Notice> latest = new SimpleObjectProperty<>();

    JobNotifications(BackgroundTasks tasks) {
        tasks.running().forEach(this::watch);
        tasks.running().addListener((ListChangeListener<Task<?>>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::watch);
            }
        });
    }

    private void watch(Task<?> task) {
        task.stateProperty().addListener((obs, old, state) -> {
            Notice notice = noticeOf(task, state);
            if (notice != null) {
                latest.set(notice);
            }
        });
    }

    static Notice noticeOf(Task<?> task, Worker.State state) {
        String name = task.getTitle() == null || task.getTitle().isBlank() ? "A background job" : task.getTitle();
        switch (state) {
            case SUCCEEDED:
                String message = task.getMessage() == null || task.getMessage().isBlank() ? "" : ": " + task.getMessage();
                return new Notice(Notice.Kind.SUCCEEDED, name + " finished" + message);
            case FAILED:
                Throwable e = task.getException();
                String why = e == null ? "unknown error"
                        : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                return new Notice(Notice.Kind.FAILED, name + " failed: " + why);
            case CANCELLED:
                return new Notice(Notice.Kind.CANCELLED, name + " was cancelled; nothing was changed");
            default:
                return null;
        }
    }

    /** The newest notice, or null before the first job ended. */
    ReadOnlyObjectProperty<Notice> latestProperty() {
        return latest;
    }
}
