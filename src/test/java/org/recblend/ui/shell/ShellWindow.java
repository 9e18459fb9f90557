package org.recblend.ui.shell;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.recblend.ui.prefs.WorkbenchSettings;
import org.recblend.ui.task.BackgroundTasks;
import org.recblend.ui.task.CurrentThreadTaskExecutor;

/**
 * The main window as WorkbenchApp builds it, on a test's stage: one BackgroundTasks, the settings
 * in a temporary folder (never the real ~/.recblend), dialogs answered by a recorder, and an exit
 * that is counted instead of stopping JavaFX.
 */
final class ShellWindow {
    final RecordingDialogService dialogs = new RecordingDialogService();
    final BackgroundTasks jobs = new BackgroundTasks();
    final WorkbenchSettings settings;
    final MainWindowViewModel viewModel;
    final AtomicInteger exits = new AtomicInteger();
    final Stage stage;
    final MainWindowView view;

    ShellWindow(Stage stage, Path settingsFolder) {
        this.stage = stage;
        this.settings = WorkbenchSettings.in(settingsFolder);
        this.viewModel = new MainWindowViewModel(new CurrentThreadTaskExecutor(), jobs, settings);
        this.view = WorkbenchApp.install(stage, viewModel, dialogs, exits::incrementAndGet);
        stage.show();
    }
}
