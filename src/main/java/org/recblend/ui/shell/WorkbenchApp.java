package org.recblend.ui.shell;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.recblend.ui.prefs.RuntimePreferences;
import org.recblend.ui.prefs.WorkbenchSettings;
import org.recblend.ui.task.BackgroundTasks;
import org.recblend.ui.task.FxTaskExecutor;
import org.recblend.ui.task.TaskExecutor;

/**
 * The JavaFX application. Started by {@code org.recblend.Launcher} (a plain class, so JavaFX can
 * run from the class path); the first argument, when given, is the project to open.
 */
public final class WorkbenchApp extends Application {
    private TaskExecutor executor;
    private BackgroundTasks jobs;
    private MainWindowViewModel viewModel;

    public static void main(String[] args) {
        launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        executor = new FxTaskExecutor();
        jobs = new BackgroundTasks();  // the one place every long job of the workbench runs
        viewModel = new MainWindowViewModel(executor, jobs, WorkbenchSettings.user());
        RuntimePreferences.apply(viewModel.preferencesProperty().get());
        viewModel.samples().setAll(SampleProjectLocation.all());
        install(stage, viewModel, new FxDialogService(stage), Platform::exit);
        stage.show();
        List<String> args = getParameters().getUnnamed();
        if (!args.isEmpty()) {
            viewModel.openProject(Path.of(args.get(0)));
        } else {
            SampleProjectLocation.find().ifPresent(viewModel::openSample);
        }
    }

    /**
     * Puts the main window on the stage: the close button asks first while jobs run, and once the
     * jobs have stopped and the project is closed, {@code afterClose} runs (the application exits;
     * tests record it instead).
     */
    public static MainWindowView install(Stage stage, MainWindowViewModel viewModel, DialogService dialogs,
                                         Runnable afterClose) {
        MainWindowView view = new MainWindowView(viewModel, () -> dialogs);
        view.setOnExit(() -> {
            stage.hide();
            afterClose.run();
        });
        stage.setScene(new Scene(view.root(), 1200, 760));
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setOnCloseRequest(e -> {
            e.consume();  // the guard closes the window itself once the jobs have stopped
            view.requestExit();
        });
        return view;
    }

    /** Builds the main window's scene; tests call this with their own view model. */
    public static Scene createScene(Stage stage, MainWindowViewModel viewModel) {
        return createScene(viewModel, new FxDialogService(stage));
    }

    /** Builds the main window's scene with the given dialogs (tests answer them without a screen). */
    public static Scene createScene(MainWindowViewModel viewModel, DialogService dialogs) {
        MainWindowView view = new MainWindowView(viewModel, () -> dialogs);
        view.setOnExit(Platform::exit);
        return new Scene(view.root(), 1200, 760);
    }

    @Override
    public void stop() {
        if (jobs != null) {
            jobs.cancelAll();
            jobs.shutdown();
        }
        if (viewModel != null) {
            viewModel.closeProjectNow();
        }
        if (executor != null) {
            executor.shutdown();
        }
    }
}
