package org.recblend.ui.shell;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.TaskProgressView;
import org.recblend.ui.task.BackgroundTasks;

/**
 * The background jobs with their progress and a cancel button each (a ControlsFX
 * TaskProgressView), shown above the status bar when the user opens it there.
 */
final class JobsPane extends VBox {
    private final TaskProgressView<Task<?>> view = new TaskProgressView<>();

    JobsPane(BackgroundTasks jobs, Runnable hide) {
        setId("jobsPane");
        getStyleClass().add("jobs-pane");
        Label heading = new Label("Background jobs");
        heading.getStyleClass().add("section-heading");
        Button cancelAll = new Button("Cancel All");
        cancelAll.setId("cancelAllJobs");
        cancelAll.setOnAction(e -> jobs.cancelAll());
        cancelAll.disableProperty().bind(jobs.busyProperty().not());
        Button close = new Button("Hide");
        close.setOnAction(e -> hide.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, heading, gap, cancelAll, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(4, 8, 4, 8));
        view.setId("taskProgressView");
        view.setPrefHeight(170);
        VBox.setVgrow(view, Priority.ALWAYS);
        getChildren().addAll(header, view);
        mirror(jobs.running(), view.getTasks());
    }

    /**
     * Copies additions and removals by element: the TaskProgressView drops a task itself once it
     * ended, so an index-based content binding would remove the wrong rows.
     */
    private static void mirror(ObservableList<Task<?>> source, ObservableList<Task<?>> target) {
        target.setAll(source);
        source.addListener((ListChangeListener<Task<?>>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(target::remove);
                change.getAddedSubList().stream().filter(t -> !target.contains(t)).forEach(target::add);
            }
        });
    }

    TaskProgressView<Task<?>> view() {
        return view;
    }
}
