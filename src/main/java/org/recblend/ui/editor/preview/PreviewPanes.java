package org.recblend.ui.editor.preview;

import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.recblend.ui.editor.run.TrainingCurveChart;

/**
 * Lays out one {@link PortPreview} as JavaFX controls: a table for rows, a tree of anchors and their
 * neighbours, the learning curve chart over the settings, a metric grid. Tables size their columns
 * to their content, since the inspector is narrow and most cells are short ids and numbers.
 */
final class PreviewPanes {
    private static final double CHAR_WIDTH = 7.2;
    private static final double MAX_COLUMN = 240;
    private static final double ROW_HEIGHT = 24;
    /** Below this total the columns are stretched to the inspector's width (about its narrowest). */
    private static final double NARROW = 400;
    /** A long header (a feature column's name) may be cut: the cells decide the width. */
    private static final int MAX_HEADER_CHARS = 16;
    /** Ids stay left-aligned even when they are numbers: they are names, not quantities. */
    private static final java.util.Set<String> ID_COLUMNS = java.util.Set.of("user", "item", "from", "to");

    private PreviewPanes() {
    }

    static Node of(PortPreview preview, String nodeId) {
        if (preview instanceof PortPreview.Table t) {
            return table(t);
        } else if (preview instanceof PortPreview.Neighbours n) {
            return neighbours(n);
        } else if (preview instanceof PortPreview.Model m) {
            return model(m, nodeId);
        } else if (preview instanceof PortPreview.Metrics m) {
            return metrics(m);
        }
        return new VBox(); // a message: the summary line above says it all
    }

    private static Node table(PortPreview.Table t) {
        TableView<List<String>> table = new TableView<>();
        table.setId("previewTable");
        TableColumn<List<String>, String> group = null;
        for (int c = 0; c < t.columns().size(); c++) {
            int col = c;
            TableColumn<List<String>, String> column = new TableColumn<>(t.columns().get(c));
            column.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(col)));
            column.setSortable(false);
            List<String> cells = t.rows().stream().map(r -> r.get(col)).toList();
            column.setPrefWidth(width(t.columns().get(c), cells));
            if (!ID_COLUMNS.contains(t.columns().get(c)) && numeric(cells)) {
                column.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            String name = t.groups().get(c);
            if (name.isEmpty()) {
                group = null;
                table.getColumns().add(column);
                continue;
            }
            if (group == null || !group.getText().equals(name)) {
                group = new TableColumn<>(name);
                group.setSortable(false);
                table.getColumns().add(group);
            }
            group.getColumns().add(column);
        }
        table.getItems().setAll(t.rows());
        table.setPlaceholder(new Label("No rows"));
        // a few narrow columns fill the width; many keep their widths and scroll sideways
        if (t.groups().stream().allMatch(String::isEmpty)
                && table.getColumns().stream().mapToDouble(TableColumn::getPrefWidth).sum() < NARROW) {
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        }
        Label footer = new Label(t.footer());
        footer.setId("previewFooter");
        footer.getStyleClass().add("hint");
        return grow(table, footer);
    }

    /** Anchors as expanded tree rows, their neighbours under them: reads as "item: most alike are …". */
    private static Node neighbours(PortPreview.Neighbours n) {
        TreeItem<String[]> root = new TreeItem<>(new String[] {"", ""});
        for (PortPreview.Anchor a : n.anchors()) {
            TreeItem<String[]> anchor = new TreeItem<>(new String[] {a.label(), ""});
            for (PortPreview.Neighbour nb : a.neighbours()) {
                anchor.getChildren().add(new TreeItem<>(new String[] {nb.label(), Cells.fixed(nb.similarity())}));
            }
            anchor.setExpanded(true);
            root.getChildren().add(anchor);
        }
        TreeTableView<String[]> tree = new TreeTableView<>(root);
        tree.setId("previewNeighbours");
        tree.setShowRoot(false);
        TreeTableColumn<String[], String> item = new TreeTableColumn<>("Item → most similar items");
        item.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue()[0]));
        item.setPrefWidth(320);
        TreeTableColumn<String[], String> cosine = new TreeTableColumn<>("Cosine");
        cosine.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue()[1]));
        cosine.setStyle("-fx-alignment: CENTER-RIGHT;");
        cosine.setPrefWidth(70);
        List.of(item, cosine).forEach(c -> c.setSortable(false));
        tree.getColumns().add(item);
        tree.getColumns().add(cosine);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY);
        tree.setPlaceholder(new Label("No vectors to compare"));
        // anchors in bold, so the groups stand apart from their neighbours
        tree.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(String[] item, boolean empty) {
                super.updateItem(item, empty);
                TreeItem<String[]> treeItem = getTreeItem();
                setStyle(!empty && treeItem != null && !treeItem.isLeaf() ? "-fx-font-weight: bold;" : "");
            }
        });
        return grow(tree);
    }

    private static Node model(PortPreview.Model m, String nodeId) {
        VBox box = new VBox(6);
        if (m.noCurve().isPresent()) {
            Label why = new Label(m.noCurve().get());
            why.setId("previewNoCurve");
            why.setWrapText(true);
            box.getChildren().add(why);
        } else {
            TrainingCurveChart curve = new TrainingCurveChart("Learning curve of " + nodeId);
            curve.setPoints(m.points());
            ChartViewer viewer = new ChartViewer(curve.chart());
            viewer.setId("previewCurve");
            viewer.setUserData(curve);
            viewer.setMinHeight(220);
            viewer.setPrefHeight(280);
            VBox.setVgrow(viewer, Priority.ALWAYS);
            box.getChildren().add(viewer);
        }
        TableView<Map.Entry<String, String>> settings = new TableView<>();
        settings.setId("previewSettings");
        TableColumn<Map.Entry<String, String>, String> name = new TableColumn<>("Setting");
        name.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().getKey()));
        TableColumn<Map.Entry<String, String>, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().getValue()));
        List.of(name, value).forEach(c -> c.setSortable(false));
        settings.getColumns().add(name);
        settings.getColumns().add(value);
        settings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        settings.getItems().setAll(new java.util.TreeMap<>(m.settings()).entrySet());
        settings.setPlaceholder(new Label("No settings recorded"));
        // tall enough for every setting when there is no chart, a few rows under a chart
        double rows = m.noCurve().isPresent() ? Math.max(3, m.settings().size()) : Math.min(6, Math.max(3, m.settings().size()));
        settings.setPrefHeight((rows + 1.4) * ROW_HEIGHT);
        settings.setMinHeight(4 * ROW_HEIGHT);
        box.getChildren().add(settings);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private static Node metrics(PortPreview.Metrics m) {
        TableView<PortPreview.MetricRow> table = new TableView<>();
        table.setId("previewMetrics");
        TableColumn<PortPreview.MetricRow, String> metric = new TableColumn<>("Metric");
        metric.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().label()));
        metric.setPrefWidth(100);
        table.getColumns().add(metric);
        for (String segment : m.segments()) {
            TableColumn<PortPreview.MetricRow, String> column = new TableColumn<>(segment);
            column.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().cell(segment)));
            column.setStyle("-fx-alignment: CENTER-RIGHT;");
            column.setPrefWidth(width(segment, List.of("0.0000")));
            table.getColumns().add(column);
        }
        table.getColumns().forEach(c -> c.setSortable(false));
        table.getItems().setAll(m.rows());
        return grow(table);
    }

    private static VBox grow(Node main, Node... below) {
        VBox box = new VBox(4, main);
        box.getChildren().addAll(below);
        VBox.setVgrow(main, Priority.ALWAYS);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private static double width(String header, List<String> cells) {
        int chars = Math.min(header.length(), MAX_HEADER_CHARS);
        for (String c : cells) {
            chars = Math.max(chars, c.length());
        }
        return Math.min(MAX_COLUMN, Math.max(48, chars * CHAR_WIDTH + 18));
    }

    private static boolean numeric(List<String> cells) {
        boolean any = false;
        for (String c : cells) {
            if (c.isEmpty()) {
                continue;
            }
            try {
                Double.parseDouble(c.replace(",", ""));
                any = true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return any;
    }
}
