package org.recblend.ui.importwizard;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** Step 5: the import's progress and its Cancel button. */
final class ProgressPage {
    private ProgressPage() {
    }

    static Node build(ImportWizardViewModel vm) {
        ProgressBar bar = new ProgressBar();
        bar.setId("importProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.importProgressProperty());
        Label message = new Label();
        message.setId("importMessage");
        message.textProperty().bind(vm.importMessageProperty());
        Button cancel = new Button("Cancel Import");
        cancel.setId("cancelImportButton");
        cancel.setOnAction(e -> vm.cancelImport());
        cancel.disableProperty().bind(vm.importingProperty().not());
        VBox page = new VBox(12, Pages.hint("The import runs in the background; you can keep working in the workbench."
                + " A cancelled import stores nothing."), bar, message, cancel);
        page.setPadding(Pages.padding());
        return page;
    }
}
