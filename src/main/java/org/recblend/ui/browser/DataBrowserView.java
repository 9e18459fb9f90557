package org.recblend.ui.browser;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.recblend.store.ProjectStore;
import org.recblend.store.browse.BrowsableTable;
import org.recblend.store.browse.BrowseColumn;
import org.recblend.store.browse.RowFilter;
import org.recblend.store.browse.TableBrowser;
import org.recblend.store.browse.TableKind;
import org.recblend.ui.task.TaskExecutor;

/**
 * The data browser of one dataset, as a tab for the shell's centre: a table selector, search and
 * a column condition above a table that pages through millions of rows, the selected row in full
 * below it, and a column's statistics with a JFreeChart histogram on the right. A source's
 * rejected rows are one of the tables, so the reject report is read the same way.
 */
public final class DataBrowserView {
    private static final String LOADING = "…";

    private final DataBrowserViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final TableView<BrowserRow> table = new TableView<>();
    private final TextArea rowDetail = new TextArea();
    private final Tab tab;

    public DataBrowserView(DataBrowserViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("dataBrowser");
        root.setTop(filterBar());
        SplitPane centre = new SplitPane(rowsPane(), new StatsPanel(viewModel).root());
        centre.setDividerPositions(0.71);
        root.setCenter(centre);
        root.setBottom(statusLine());
        tab = new Tab("Data: " + viewModel.dataset(), root);
        tab.setId("browser:" + viewModel.dataset());
        bind();
    }

    /** A browser over a dataset of the project, showing that source's table (or its rejected rows). */
    public static DataBrowserView open(ProjectStore store, TaskExecutor executor, String dataset, String source,
                                       TableKind kind) {
        DataBrowserView view = new DataBrowserView(new DataBrowserViewModel(new TableBrowser(store), executor, dataset));
        view.viewModel.loadTables(source, kind);
        return view;
    }

    public Tab tab() {
        return tab;
    }

    public Node root() {
        return root;
    }

    public DataBrowserViewModel viewModel() {
        return viewModel;
    }

    /** Shows another source's table in this browser. */
    public void show(String source, TableKind kind) {
        viewModel.select(source, kind);
    }

    private Node filterBar() {
        ComboBox<BrowsableTable> tables = new ComboBox<>(viewModel.tables());
        tables.setId("tableSelector");
        tables.setPrefWidth(260);
        // not bound both ways: choosing a table must go through selectTable, which reads its rows
        viewModel.tableProperty().addListener((obs, old, t) -> tables.setValue(t));
        tables.valueProperty().addListener((obs, old, t) -> viewModel.selectTable(t));

        TextField search = new TextField();
        search.setId("searchField");
        search.setPromptText("Search all columns");
        search.setPrefWidth(220);
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        search.setOnAction(e -> viewModel.applyFilter());

        ComboBox<String> column = new ComboBox<>();
        column.setId("filterColumn");
        column.setPrefWidth(150);
        column.valueProperty().bindBidirectional(viewModel.filterColumnProperty());
        viewModel.tableProperty().addListener((obs, old, t) -> column.getItems().setAll(columnNames(t)));

        ComboBox<RowFilter.Operator> operator = new ComboBox<>();
        operator.getItems().setAll(RowFilter.Operator.values());
        operator.setId("filterOperator");
        operator.valueProperty().bindBidirectional(viewModel.filterOperatorProperty());

        TextField value = new TextField();
        value.setId("filterValue");
        value.setPromptText("value");
        value.setPrefWidth(120);
        value.textProperty().bindBidirectional(viewModel.filterValueProperty());
        value.setOnAction(e -> viewModel.applyFilter());
        TextField upper = new TextField();
        upper.setId("filterUpper");
        upper.setPromptText("up to");
        upper.setPrefWidth(100);
        upper.textProperty().bindBidirectional(viewModel.filterUpperProperty());
        upper.setOnAction(e -> viewModel.applyFilter());
        var between = operator.valueProperty().isEqualTo(RowFilter.Operator.BETWEEN);
        upper.visibleProperty().bind(between);
        upper.managedProperty().bind(between);
        value.disableProperty().bind(operator.valueProperty().isEqualTo(RowFilter.Operator.MISSING));
        value.promptTextProperty().bind(Bindings.when(between).then("from").otherwise("value"));

        Button apply = new Button("Apply");
        apply.setId("applyFilter");
        apply.setDefaultButton(false);
        apply.setOnAction(e -> viewModel.applyFilter());
        Button clear = new Button("Clear");
        clear.setId("clearFilter");
        clear.setOnAction(e -> viewModel.clearFilter());

        HBox first = row(new Label("Table"), tables, new Label("Search"), search);
        HBox second = row(new Label("Where"), column, operator, value, upper, apply, clear);
        VBox bar = new VBox(6, first, second);
        bar.setPadding(new Insets(8, 10, 8, 10));
        bar.setStyle("-fx-border-color: transparent transparent #d0d0d0 transparent;");
        return bar;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static List<String> columnNames(BrowsableTable t) {
        return t == null ? List.of() : t.columns().stream().map(BrowseColumn::name).toList();
    }

    private Node rowsPane() {
        table.setId("browserTable");
        table.setPlaceholder(new Label("No rows"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        rowDetail.setId("rowDetail");
        rowDetail.setEditable(false);
        rowDetail.setWrapText(true);
        rowDetail.setPrefRowCount(7);
        rowDetail.setPromptText("Select a row to see all of its values");
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> showDetail(row));
        SplitPane split = new SplitPane(table, rowDetail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(rowDetail, false);
        return split;
    }

    private Node statusLine() {
        Label status = new Label();
        status.setId("browserStatus");
        status.textProperty().bind(viewModel.statusProperty());
        Label error = new Label();
        error.setId("browserError");
        error.setStyle("-fx-text-fill: #b00020;");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(viewModel.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(error, Priority.ALWAYS);
        HBox line = new HBox(10, busy, status, gap, error);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(4, 10, 4, 10));
        return line;
    }

    private void bind() {
        viewModel.rowsProperty().addListener((obs, old, rows) -> {
            rebuildColumns();
            table.setItems(rows);
            table.scrollTo(0);
            showDetail(null);
        });
    }

    private void rebuildColumns() {
        table.getColumns().clear();
        TableColumn<BrowserRow, Object[]> number = new TableColumn<>("#");
        number.setSortable(false);
        number.setPrefWidth(70);
        number.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Object[] item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || getTableRow() == null || getTableRow().getItem() == null ? null
                        : CellText.count(getTableRow().getItem().index() + 1));
                setStyle("-fx-text-fill: #888888; -fx-alignment: CENTER-RIGHT;");
            }
        });
        number.setCellValueFactory(d -> d.getValue().valuesProperty());
        table.getColumns().add(number);
        List<BrowseColumn> columns = viewModel.columns();
        boolean rejects = viewModel.tableProperty().get() != null && viewModel.tableProperty().get().kind() == TableKind.REJECTS;
        for (int i = 0; i < columns.size(); i++) {
            table.getColumns().add(column(columns.get(i), i, rejects));
        }
    }

    private static TableColumn<BrowserRow, Object[]> column(BrowseColumn column, int index, boolean rejects) {
        TableColumn<BrowserRow, Object[]> tc = new TableColumn<>(column.name());
        tc.setSortable(false);
        tc.setPrefWidth(width(column, rejects));
        tc.setCellValueFactory(d -> d.getValue().valuesProperty());
        boolean right = column.type().isNumeric() && column.type() != org.recblend.store.browse.ColumnType.EPOCH_SECONDS;
        // a file path is told apart by its end: cut it on the left
        boolean path = rejects && column.name().equals("file");
        tc.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Object[] values, boolean empty) {
                super.updateItem(values, empty);
                if (empty) {
                    setText(null);
                } else if (values == null) {
                    setText(LOADING);
                } else {
                    setText(CellText.of(values[index], column.type()));
                }
                setAlignment(right ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
                if (path) {
                    setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
                }
            }
        });
        return tc;
    }

    private static double width(BrowseColumn column, boolean rejects) {
        if (rejects) {
            return switch (column.name()) {
                case "line", "column" -> 58;
                case "column name" -> 110;
                case "reason" -> 330;
                case "raw text" -> 200;
                default -> 220;
            };
        }
        return switch (column.name()) {
            case "user", "item", "from user", "to user", "kind" -> 80;
            case "context", "text", "description", "title" -> 260;
            default -> switch (column.type()) {
                case EPOCH_SECONDS -> 125;
                case INTEGER, NUMBER -> 75;
                case TEXT -> 120;
            };
        };
    }

    private void showDetail(BrowserRow row) {
        if (row == null || row.values() == null) {
            rowDetail.clear();
            return;
        }
        StringBuilder text = new StringBuilder("Row " + CellText.count(row.index() + 1) + "\n");
        List<BrowseColumn> columns = viewModel.columns();
        for (int i = 0; i < columns.size(); i++) {
            text.append(columns.get(i).name()).append(": ").append(CellText.of(row.values()[i], columns.get(i).type())).append('\n');
        }
        rowDetail.setText(text.toString().stripTrailing());
    }

    /** For tests: the table of rows. */
    TableView<BrowserRow> table() {
        return table;
    }
}
