package org.recblend.ui.importwizard;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.recblend.ingest.ImportResult;
import org.recblend.ingest.Importer;
import org.recblend.ingest.RejectReport;

/** Step 4: a dry run of the whole import: rows accepted, rejected (with reasons) and duplicates. */
final class CheckPage {
    private CheckPage() {
    }

    static Node build(ImportWizardViewModel vm) {
        Label target = new Label();
        target.setId("checkTarget");
        target.setWrapText(true);
        target.textProperty().bind(Bindings.createStringBinding(() -> "Into dataset '" + vm.datasetProperty().get()
                + "' as source '" + vm.sourceNameProperty().get() + "' (" + switch (vm.modeProperty().get()) {
                    case NEW -> "a new source";
                    case APPEND -> "appended to the source";
                    case REPLACE -> "replacing the source's rows";
                } + ")", vm.datasetProperty(), vm.sourceNameProperty(), vm.modeProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("checkProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.checkProgressProperty());
        progress.visibleProperty().bind(vm.checkingProperty());
        progress.managedProperty().bind(vm.checkingProperty());
        Label message = new Label();
        message.setId("checkMessage");
        message.textProperty().bind(vm.checkMessageProperty());

        GridPane counts = Pages.form();
        counts.setId("checkCounts");
        Label error = new Label();
        error.setId("checkError");
        error.setWrapText(true);
        error.getStyleClass().add("wizard-error");
        error.textProperty().bind(vm.checkErrorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());

        TableView<RejectReport.Reject> rejects = rejectTable();
        rejects.setId("checkRejects");
        // the file matters only when several files are checked together
        rejects.getColumns().get(0).visibleProperty().bind(Bindings.isNotEmpty(vm.moreFiles()));
        VBox.setVgrow(rejects, Priority.ALWAYS);
        rejects.visibleProperty().bind(vm.checkResultProperty().isNotNull());
        rejects.managedProperty().bind(rejects.visibleProperty());
        Label rejectsCaption = new Label();

        vm.checkResultProperty().addListener((o, old, dry) -> {
            counts.getChildren().clear();
            if (dry == null) {
                rejects.getItems().clear();
                rejectsCaption.setText("");
                return;
            }
            ImportResult r = dry.result();
            Pages.row(counts, "Rows read", value(Pages.count(r.rowsRead()), "checkRead"));
            Pages.row(counts, "Rows accepted", value(Pages.count(r.rowsAccepted()), "checkAccepted"));
            Pages.row(counts, "Rows rejected", value(Pages.count(r.rowsRejected()), "checkRejected"));
            Pages.row(counts, "Duplicates", value(Pages.count(r.rowsDuplicate()) + " (" + vm.duplicatesProperty().get()
                    .name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")", "checkDuplicates"));
            Pages.row(counts, "Rows to store", value(Pages.count(r.rowsStored()) + " (" + Pages.count(r.newUsers()) + " new users, "
                    + Pages.count(r.newItems()) + " new items)", "checkStored"));
            Pages.row(counts, "Encoding", value(r.encoding(), "checkEncoding"));
            rejects.getItems().setAll(dry.rejects());
            rejectsCaption.setText(r.rowsRejected() == 0 ? "No row would be rejected."
                    : rejectedCaption(dry, vm.filesLabel()));
        });

        VBox page = new VBox(10, target, progress, message, error, counts, rejectsCaption, rejects);
        page.setPadding(Pages.padding());
        return page;
    }

    private static String rejectedCaption(Importer.DryRun dry, String file) {
        long total = dry.result().rowsRejected();
        return "Rejected rows of " + file + (total > dry.rejects().size() ? " (the first " + dry.rejects().size() + " of "
                + Pages.count(total) + ")" : "") + ":";
    }

    private static Label value(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    /** File, line, column, reason and raw text of rejected rows. */
    static TableView<RejectReport.Reject> rejectTable() {
        TableView<RejectReport.Reject> table = new TableView<>();
        table.setPlaceholder(new Label("No rejected rows"));
        table.getColumns().add(column("File", 150, RejectReport.Reject::file));
        table.getColumns().add(column("Line", 60, r -> String.valueOf(r.line())));
        table.getColumns().add(column("Column", 110, r -> r.column() == null ? "whole row"
                : r.column() + (r.columnName() == null ? "" : " (" + r.columnName() + ")")));
        table.getColumns().add(column("Reason", 330, RejectReport.Reject::reason));
        table.getColumns().add(column("Row as in the file", 200, RejectReport.Reject::rawText));
        // the columns share the width, so none is pushed out of sight behind a scroll bar
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static TableColumn<RejectReport.Reject, String> column(String title, double width,
                                                                   java.util.function.Function<RejectReport.Reject, String> value) {
        TableColumn<RejectReport.Reject, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        col.setPrefWidth(width);
        return col;
    }
}
