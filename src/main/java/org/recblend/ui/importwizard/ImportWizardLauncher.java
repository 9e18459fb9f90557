package org.recblend.ui.importwizard;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.read.FileAccess;
import org.recblend.store.ProjectStore;
import org.recblend.ui.task.BackgroundTasks;
import org.recblend.ui.task.FxTaskExecutor;
import org.recblend.ui.task.TaskExecutor;

/** Opens the import wizard for the shell: one window per wizard, owned by the main window. */
public final class ImportWizardLauncher {
    private final ImportFileChooser chooser;
    private final FileAccess files;

    /** A launcher reading local files; the chooser asks the user for each file (the shell's DialogService). */
    public ImportWizardLauncher(ImportFileChooser chooser) {
        this(chooser, FileAccess.local());
    }

    /** A launcher whose check and import read through the given byte source (tests slow it down). */
    public ImportWizardLauncher(ImportFileChooser chooser, FileAccess files) {
        this.chooser = chooser;
        this.files = files;
    }

    /**
     * Opens the wizard. Closing it while an import runs cancels the import first.
     *
     * @param kind       what the file holds, or null to take what the first file suggests
     * @param onImported runs on the JavaFX thread after every successful import
     * @return the wizard's window
     */
    public Stage open(Window owner, ProjectStore project, BackgroundTasks tasks, SourceKind kind, Runnable onImported) {
        TaskExecutor executor = new FxTaskExecutor();
        ImportWizardViewModel vm = new ImportWizardViewModel(project, executor, tasks::submit, files, Platform::runLater);
        vm.startWith(kind);
        vm.setOnImported(onImported);
        ImportWizardView view = new ImportWizardView(vm, chooser);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Import Data — " + project.name());
        stage.setScene(new Scene(view.root(), 1040, 700));
        stage.setMinWidth(860);
        stage.setMinHeight(560);
        view.setOnClose(stage::close);
        stage.setOnCloseRequest(e -> {
            if (vm.importingProperty().get()) {
                e.consume(); // the wizard closes itself once the rollback is done
                vm.cancelImport();
                vm.importingProperty().addListener((o, was, now) -> {
                    if (!now) {
                        stage.close();
                    }
                });
            }
        });
        stage.setOnHidden(e -> executor.shutdown());
        stage.show();
        return stage;
    }
}
