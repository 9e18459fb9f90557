package org.recblend.ui.importwizard;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.recblend.ingest.ImportResult;

/** Step 6: what was stored, or why nothing was, with the way to the reject report. */
final class ResultPage {
    private ResultPage() {
    }

    static Node build(ImportWizardViewModel vm, Runnable showRejects) {
        Label heading = Pages.heading("");
        heading.setId("resultHeading");
        Label detail = new Label();
        detail.setId("resultDetail");
        detail.setWrapText(true);
        GridPane counts = Pages.form();
        counts.setId("resultCounts");
        Button rejects = new Button("Show Rejected Rows…");
        rejects.setId("showRejectsButton");
        rejects.setOnAction(e -> showRejects.run());
        Button another = new Button("Import Another File");
        another.setId("importAnotherButton");
        another.setOnAction(e -> vm.importAnother());

        vm.outcomeProperty().addListener((o, old, outcome) -> {
            counts.getChildren().clear();
            rejects.setDisable(true);
            if (outcome == null) {
                return;
            }
            switch (outcome) {
                case SUCCEEDED -> {
                    ImportResult r = vm.importResultProperty().get();
                    heading.setText("Imported " + vm.filesLabel());
                    detail.setText("Into dataset '" + r.dataset() + "' as source '" + r.sourceName() + "' in "
                            + Pages.count(r.millis()) + " ms.");
                    Pages.row(counts, "Rows read", value(Pages.count(r.rowsRead()), "resultRead"));
                    Pages.row(counts, "Rows accepted", value(Pages.count(r.rowsAccepted()), "resultAccepted"));
                    Pages.row(counts, "Rows rejected", value(Pages.count(r.rowsRejected()), "resultRejected"));
                    Pages.row(counts, "Duplicates", value(Pages.count(r.rowsDuplicate()), "resultDuplicates"));
                    Pages.row(counts, "Rows stored", value(Pages.count(r.rowsStored()), "resultStored"));
                    Pages.row(counts, "New users / items", value(Pages.count(r.newUsers()) + " / " + Pages.count(r.newItems()), "resultNew"));
                    Pages.row(counts, "Encoding", value(r.encoding(), "resultEncoding"));
                    rejects.setDisable(!r.hasRejects());
                    rejects.setText(r.hasRejects() ? "Show " + Pages.count(r.rowsRejected()) + " Rejected Rows…" : "No Rejected Rows");
                }
                case FAILED -> {
                    ErrorDetail error = vm.importErrorProperty().get();
                    heading.setText("The import failed; nothing was stored");
                    detail.setText(error.message());
                    if (error.file() != null) {
                        Pages.row(counts, "File", value(error.file().toAbsolutePath().toString(), "errorFile"));
                    }
                    if (error.line() > 0) {
                        Pages.row(counts, "Line", value(String.valueOf(error.line()), "errorLine"));
                    }
                    if (error.column() > 0) {
                        Pages.row(counts, "Column", value(error.column() + (error.columnName() == null ? ""
                                : " (" + error.columnName() + ")"), "errorColumn"));
                    }
                }
                case CANCELLED -> {
                    heading.setText("Import cancelled");
                    detail.setText("Nothing was stored: the project is exactly as it was before the import.");
                }
            }
        });
        heading.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        VBox page = new VBox(12, heading, detail, counts, new HBox(10, rejects, another));
        page.setPadding(Pages.padding());
        return page;
    }

    private static Label value(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
