package org.recblend.ui.shell;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.recblend.ui.task.FxTaskExecutor;
import org.recblend.ui.task.TaskExecutor;

/**
 * The JavaFX application. Started by {@code org.recblend.Launcher} (a plain class, so JavaFX can
 * run from the class path); the first argument, when given, is the project to open.
 */
public final class WorkbenchApp extends Application {
    private TaskExecutor executor;
    private MainWindowViewModel viewModel;

    public static void main(String[] args) {
        launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        executor = new FxTaskExecutor();
        viewModel = new MainWindowViewModel(executor);
        Scene scene = createScene(stage, viewModel);
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.show();
        List<String> args = getParameters().getUnnamed();
        if (!args.isEmpty()) {
            viewModel.openProject(Path.of(args.get(0)));
        } else {
            SampleProjectLocation.find().ifPresent(viewModel::openSample);
        }
    }

    /** Builds the main window's scene; tests call this with their own view model. */
    public static Scene createScene(Stage stage, MainWindowViewModel viewModel) {
        return createScene(viewModel, new FxDialogService(stage));
    }

    /** Builds the main window's scene with the given dialogs (tests answer them without a screen). */
    public static Scene createScene(MainWindowViewModel viewModel, DialogService dialogs) {
        MainWindowView view = new MainWindowView(viewModel, () -> dialogs);
        view.setOnExit(() -> {
            viewModel.closeProject();
            Platform.exit();
        });
        return new Scene(view.root(), 1200, 760);
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.closeProject();
        }
        if (executor != null) {
            executor.shutdown();
        }
    }
}
