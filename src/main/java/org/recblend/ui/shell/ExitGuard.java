package org.recblend.ui.shell;

import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.value.ChangeListener;
import org.recblend.ui.task.BackgroundTasks;

/**
 * Closing the workbench while jobs run: ask first; on yes cancel every job and exit only once
 * each job's thread has unwound (its transaction rolled back), without blocking the JavaFX thread.
 */
final class ExitGuard {
    private final BackgroundTasks tasks;
    private final Supplier<DialogService> dialogs;
    private final Consumer<String> status;
    private final Runnable exit;
    private boolean stopping;

    /**
     * @param status shows what happens while the jobs stop
     * @param exit   closes the project and the window; runs on the JavaFX thread when no job runs
     */
    ExitGuard(BackgroundTasks tasks, Supplier<DialogService> dialogs, Consumer<String> status, Runnable exit) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.status = status;
        this.exit = exit;
    }

    /** The user asked to close the window (or chose File > Exit). */
    void requestExit() {
        if (stopping) {
            return;
        }
        int running = tasks.running().size();
        if (running == 0) {
            exit.run();
            return;
        }
        String names = tasks.running().stream().map(t -> "• " + (t.getTitle() == null || t.getTitle().isBlank() ? "a background job" : t.getTitle()))
                .collect(Collectors.joining("\n"));
        boolean stop = dialogs.get().confirm("Jobs are still running",
                (running == 1 ? "A job is" : running + " jobs are") + " still running:\n" + names
                        + "\n\nStop " + (running == 1 ? "it" : "them") + " and close the workbench? Unfinished work is"
                        + " discarded; the project stays as it was before.",
                "Stop and Close", "Keep Working");
        if (!stop) {
            return;
        }
        stopping = true;
        status.accept("Stopping " + (running == 1 ? "the running job" : running + " running jobs") + " before closing …");
        tasks.cancelAll();
        whenIdle(exit);
    }

    boolean isStopping() {
        return stopping;
    }

    private void whenIdle(Runnable action) {
        if (!tasks.busyProperty().get()) {
            action.run();
            return;
        }
        tasks.busyProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean busy) {
                if (!busy) {
                    tasks.busyProperty().removeListener(this);
                    action.run();
                }
            }
        });
    }
}
