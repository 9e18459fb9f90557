package org.recblend.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs: JavaFX file choosers and alerts owned by the main window. */
final class FxDialogService implements DialogService {
    private final Window owner;

    FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseProjectToOpen() {
        FileChooser chooser = projectChooser("Open project");
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseNewProjectLocation() {
        FileChooser chooser = projectChooser("New project");
        chooser.setInitialFileName("project.mv.db");
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveAsLocation(String currentName) {
        FileChooser chooser = projectChooser("Save project as");
        chooser.setInitialFileName(currentName + "-copy.mv.db");
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public boolean confirm(String title, String message, String yes, String no) {
        ButtonType yesButton = new ButtonType(yes, ButtonBar.ButtonData.YES);
        ButtonType noButton = new ButtonType(no, ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yesButton, noButton);
        prepare(alert, title);
        return alert.showAndWait().filter(yesButton::equals).isPresent();
    }

    @Override
    public List<Path> chooseFilesToImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import data (several files of one format go into one source)");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Data files", "*.csv", "*.tsv", "*.txt", "*.dat", "*.json", "*.jsonl", "*.inter",
                        "*.item", "*.user", "*.data"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(owner);
        return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
    }

    private static FileChooser projectChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("RecBlend projects (*.mv.db)", "*.mv.db"));
        return chooser;
    }

    @Override
    public Optional<String> askText(String title, String message, String initial) {
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(initial);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setContentText(message);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public void showError(String title, String message) {
        show(Alert.AlertType.ERROR, title, message);
    }

    @Override
    public void showInformation(String title, String message) {
        show(Alert.AlertType.INFORMATION, title, message);
    }

    private void show(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type, message);
        prepare(alert, title);
        alert.showAndWait();
    }

    private void prepare(Alert alert, String title) {
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setMinWidth(460);
        if (owner != null && owner.getScene() != null) {
            // the window's theme (light or dark) also for its dialogs
            alert.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
    }
}
