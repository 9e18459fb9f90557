package org.recblend.ui.importwizard;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.recblend.ingest.RejectReport;
import org.recblend.store.ProjectStore;
import org.recblend.ui.task.TaskExecutor;

/**
 * A simple viewer of a source's reject report: file, line, column, reason and the row as written.
 * It shows the first page only; the data browser pages through large reports.
 */
final class RejectReportView {
    static final int PAGE = 1000;

    private RejectReportView() {
    }

    static Stage show(Window owner, ProjectStore store, TaskExecutor executor, int sourceId, String fileName) {
        TableView<RejectReport.Reject> table = CheckPage.rejectTable();
        table.setId("rejectReport");
        Label caption = new Label("Reading the reject report …");
        caption.setId("rejectCaption");
        BorderPane root = new BorderPane(table);
        root.setTop(caption);
        BorderPane.setMargin(caption, new Insets(0, 0, 8, 0));
        root.setPadding(new Insets(12));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Rejected rows of " + fileName);
        stage.setScene(new Scene(root, 980, 480));
        RejectReport report = RejectReport.of(store, sourceId);
        executor.execute(() -> new Page(report.total(), report.page(0, PAGE)), page -> {
            table.getItems().setAll(page.rows());
            caption.setText(page.total() > page.rows().size()
                    ? "The first " + Pages.count(page.rows().size()) + " of " + Pages.count(page.total()) + " rejected rows"
                    : Pages.count(page.total()) + " rejected rows");
        }, failure -> caption.setText("The reject report cannot be read: " + ImportWizardViewModel.messageOf(failure)));
        stage.show();
        return stage;
    }

    private record Page(long total, List<RejectReport.Reject> rows) {
    }
}
