package org.recblend.ui.browser;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.recblend.store.browse.BrowseColumn;
import org.recblend.store.browse.ColumnStats;
import org.recblend.store.browse.ColumnType;

/** A column's statistics over the filtered rows: counts, range, mean and a chart. */
final class StatsPanel {
    private final DataBrowserViewModel viewModel;
    private final VBox root = new VBox(8);
    private final GridPane figures = new GridPane();
    private final ChartViewer chart = new ChartViewer();

    StatsPanel(DataBrowserViewModel viewModel) {
        this.viewModel = viewModel;
        build();
        viewModel.statsProperty().addListener((obs, old, stats) -> show(stats));
        show(null);
    }

    Node root() {
        return root;
    }

    private void build() {
        root.setId("statsPanel");
        root.setPadding(new Insets(6, 10, 6, 10));
        root.setMinWidth(280);
        Label title = new Label("Column statistics");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");

        ComboBox<String> column = new ComboBox<>();
        column.setId("statsColumn");
        column.setPrefWidth(160);
        column.valueProperty().bindBidirectional(viewModel.statsColumnProperty());
        viewModel.tableProperty().addListener((obs, old, t) -> column.getItems().setAll(
                t == null ? List.of() : t.columns().stream().map(BrowseColumn::name).toList()));
        Button compute = new Button("Compute");
        compute.setId("computeStats");
        compute.setOnAction(e -> viewModel.computeStats());
        HBox choose = new HBox(8, column, compute);
        choose.setAlignment(Pos.CENTER_LEFT);

        figures.setId("statsFigures");
        figures.setHgap(14);
        figures.setVgap(3);
        chart.setId("histogram");
        chart.setPrefSize(320, 260);
        chart.setMinHeight(180);
        VBox.setVgrow(chart, Priority.ALWAYS);
        root.getChildren().addAll(title, choose, figures, chart);
    }

    private void show(ColumnStats stats) {
        figures.getChildren().clear();
        if (stats == null) {
            figures.add(new Label("Choose a column and press Compute."), 0, 0, 2, 1);
            chart.setVisible(false); // ChartViewer takes no null chart: hidden instead
            return;
        }
        ColumnType type = stats.column().type();
        int row = 0;
        row = add(row, "rows", CellText.count(stats.rows()));
        row = add(row, "with a value", CellText.count(stats.present()));
        row = add(row, "missing", CellText.count(stats.missing()) + percent(stats.missing(), stats.rows()));
        row = add(row, "distinct", CellText.count(stats.distinct()));
        if (type.isNumeric()) {
            row = add(row, "min", CellText.stat(stats.min(), type));
            row = add(row, "max", CellText.stat(stats.max(), type));
            add(row, "mean", CellText.stat(stats.mean(), type));
        }
        boolean drawable = !stats.histogram().isEmpty() || !stats.topValues().isEmpty();
        if (drawable) {
            chart.setChart(StatsChart.of(stats));
        }
        chart.setVisible(drawable);
    }

    private int add(int row, String name, String value) {
        Label n = new Label(name);
        n.setStyle("-fx-text-fill: #555555;");
        Label v = new Label(value);
        v.setId("stat-" + name.replace(' ', '-'));
        figures.add(n, 0, row);
        figures.add(v, 1, row);
        return row + 1;
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "" : String.format(java.util.Locale.US, " (%.1f %%)", 100.0 * part / whole);
    }
}
