package org.recblend.ui.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.recblend.store.ProjectStore;
import org.recblend.results.EvaluationRuns;
import org.recblend.ui.task.PulseSteps;
import org.recblend.ui.task.TaskExecutor;

/**
 * The evaluation dashboard: stored evaluations (ticked on the left) as a sortable table of runs ×
 * metrics with each protocol spelled out, bar charts per metric, NDCG@K and recall@K curves for
 * K = 1…50, the per-segment view, a paired comparison of two evaluations (Wilcoxon p-value, share
 * of users who gain or lose) and the fusion ablation of hybrid runs. Every chart zooms, shows values
 * on hover and exports as PNG or SVG (the buttons export the chart of the open tab).
 */
public final class EvaluationDashboardView {
    static final String TABLE = "Runs × metrics";
    static final String BARS = "Bar charts";
    static final String CURVES = "NDCG@K and recall@K";
    static final String SEGMENTS = "Segments";
    static final String COMPARE = "Compare two";
    static final String ABLATION = "Fusion ablation";

    private final EvaluationDashboardViewModel viewModel;
    private final EvaluationCharts charts;
    private final BorderPane root = new BorderPane();
    private final ListView<EvaluationData> list = new ListView<>();
    private final TableView<EvaluationData> table = new TableView<>();
    private final VBox protocols = new VBox(4);
    private final TabPane tabs = new TabPane();
    private final Map<String, ChartViewer> viewers = new LinkedHashMap<>();
    private final Label message = new Label();
    private final Tab tab;
    private final ComparePane compare;
    private final TableView<AblationRowView> ablationTable = new TableView<>();
    private final PulseSteps steps = new PulseSteps();
    /** The cut-off whose ranking columns the table shows ("all" for every K). */
    private final ComboBox<String> cutoff = new ComboBox<>();

    public EvaluationDashboardView(EvaluationDashboardViewModel viewModel) {
        this.viewModel = viewModel;
        this.charts = new EvaluationCharts(viewModel);
        this.compare = new ComparePane(viewModel);
        compare.attach(charts);
        root.setId("evaluationDashboard");
        root.setLeft(evaluationList());
        root.setCenter(centre());
        tab = new Tab("Evaluation dashboard", root);
        tab.setId("dashboard:evaluation");
        // the list, the columns and the rows reach the screen in three frames (see PulseSteps)
        viewModel.evaluations().addListener((ListChangeListener<EvaluationData>) c ->
                steps.add("list", () -> list.getItems().setAll(viewModel.evaluations())));
        viewModel.chosen().addListener((ListChangeListener<EvaluationData>) c -> steps.add("rows", this::redraw));
        viewModel.metricLabels().addListener((ListChangeListener<String>) c -> steps.add("columns", this::rebuildColumns));
        cutoff.valueProperty().addListener((obs, was, now) -> steps.add("columns", this::rebuildColumns));
        viewModel.barMetricProperty().addListener((obs, was, now) -> charts.drawBars());
        viewModel.segmentMetricProperty().addListener((obs, was, now) -> charts.drawSegments());
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
    }

    /** A dashboard over the project's stored evaluations, starting to read them at once (off the JavaFX thread). */
    public static EvaluationDashboardView open(ProjectStore store, TaskExecutor executor) {
        EvaluationDashboardView view = new EvaluationDashboardView(new EvaluationDashboardViewModel(new EvaluationRuns(store), executor));
        view.viewModel.load();
        return view;
    }

    public Tab tab() {
        return tab;
    }

    public Node root() {
        return root;
    }

    public EvaluationDashboardViewModel viewModel() {
        return viewModel;
    }

    /** Whether the view shows the view model's latest data (its updates are spread over a few frames). */
    public boolean settled() {
        return steps.idle();
    }

    /** Opens one of the inner tabs by its title (see the constants). */
    public void showTab(String title) {
        tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** The chart of an inner tab (none for the table and the comparison's text). */
    public JFreeChart chart(String title) {
        steps.flush();
        charts.ensure(title);
        return switch (title) {
            case BARS -> charts.bars();
            case CURVES -> charts.curves();
            case SEGMENTS -> charts.segments();
            case COMPARE -> charts.paired();
            case ABLATION -> charts.ablation();
            default -> throw new IllegalArgumentException("The tab " + title + " has no chart");
        };
    }

    /** Writes the open tab's chart (the bar chart when the table is open); PNG or SVG by the file's extension. */
    public Path export(Path file) throws IOException {
        steps.flush();
        return ChartExport.write(chart(currentChartTab()), file);
    }

    private String currentChartTab() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t == null || t.getText().equals(TABLE) ? BARS : t.getText();
    }

    // ---- left: the evaluations ------------------------------------------------------------------

    private Node evaluationList() {
        list.setId("evaluationRuns");
        return new TickList<>(list, viewModel::isChosen, viewModel::setChosen,
                (EvaluationData d) -> d.label() + "\n" + d.evaluation().pipelineName())
                .pane("Evaluations", "Each row is a model evaluated in a run. Untick to leave it out of the table and charts.", 250);
    }

    // ---- centre: the tabs ------------------------------------------------------------------------

    /**
     * A tab whose content is made and joins the scene when the tab is first opened: a TabPane
     * styles and lays out hidden tabs too, and the six panes with their five chart viewers, made
     * and styled at once, held the JavaFX thread for a quarter second when the dashboard opened.
     */
    private static Tab lazyTab(String title, java.util.function.Supplier<Node> content) {
        Tab tab = new Tab(title);
        tab.setUserData(content);
        return tab;
    }

    /** Gives a tab its content, made now if this is its first opening. */
    private static void fill(Tab tab) {
        if (tab.getContent() == null) {
            @SuppressWarnings("unchecked")
            java.util.function.Supplier<Node> content = (java.util.function.Supplier<Node>) tab.getUserData();
            tab.setContent(content.get());
        }
    }

    private Node centre() {
        tabs.setId("evaluationTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                lazyTab(TABLE, this::tablePane),
                lazyTab(BARS, () -> withChooser(viewer(BARS, charts.bars()), "Metric", viewModel.barMetricProperty(), true)),
                lazyTab(CURVES, this::curvesPane),
                lazyTab(SEGMENTS, this::segmentsPane),
                lazyTab(COMPARE, () -> compare.root(viewer(COMPARE, charts.paired()))),
                lazyTab(ABLATION, this::ablationPane));
        charts.setShown(() -> tabs.getSelectionModel().getSelectedItem() == null ? null
                : tabs.getSelectionModel().getSelectedItem().getText());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                fill(now);
                charts.ensure(now.getText());
            }
        });
        fill(tabs.getSelectionModel().getSelectedItem());
        Button png = new Button("Export PNG…");
        png.setId("exportPng");
        png.setOnAction(e -> exportWithChooser("png"));
        Button svg = new Button("Export SVG…");
        svg.setId("exportSvg");
        svg.setOnAction(e -> exportWithChooser("svg"));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.loadingProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, busy, gap, png, svg);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(6, 8, 0, 8));
        message.setId("evaluationMessage");
        message.setWrapText(true);
        message.setStyle("-fx-font-size: 14px; -fx-text-fill: #555; -fx-background-color: rgba(255,255,255,0.92); -fx-padding: 12;");
        BorderPane area = new BorderPane(new StackPane(tabs, message));
        area.setTop(bar);
        return area;
    }

    private ChartViewer viewer(String name, JFreeChart chart) {
        ChartViewer v = new ChartViewer(chart);
        v.setId("chart:" + name);
        viewers.put(name, v);
        return v;
    }

    private Node withChooser(ChartViewer viewer, String what, javafx.beans.property.ObjectProperty<String> metric, boolean names) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(names ? "barMetric" : "segmentMetric");
        Runnable fill = () -> {
            String keep = metric.get();
            box.getItems().setAll(names ? viewModel.metricNames() : segmentLabels());
            box.setValue(keep);
        };
        viewModel.metricLabels().addListener((ListChangeListener<String>) c -> fill.run());
        fill.run(); // the pane is made when its tab first opens, often after the labels came
        box.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                metric.set(now);
            }
        });
        metric.addListener((obs, was, now) -> box.setValue(now));
        HBox top = new HBox(8, new Label(what), box);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8));
        BorderPane p = new BorderPane(viewer);
        p.setTop(top);
        return p;
    }

    /** The labels that have figures per segment: ranking metrics at a K and AUC. */
    private List<String> segmentLabels() {
        return viewModel.pairedLabels();
    }

    private Node tablePane() {
        table.setId("metricsTable");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No evaluations chosen"));
        // a fixed row height lets the table build cells only for the columns in view; with thirty
        // metric columns, cells for all of them held the JavaFX thread for a third of a second
        table.setFixedCellSize(ROW);
        // as tall as its rows (up to MAX_ROWS, then it scrolls): a table stretched over the pane
        // fills the empty space with empty rows, and built three hundred empty cells for three evaluations
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> HEADER + ROW * Math.max(2, Math.min(MAX_ROWS, table.getItems().size())), table.getItems()));
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setMaxHeight(Region.USE_PREF_SIZE);
        Label title = new Label("Protocol");
        title.setStyle("-fx-font-weight: bold;");
        protocols.setId("protocols");
        VBox bottom = new VBox(4, title, protocols);
        bottom.setPadding(new Insets(8));
        Label note = new Label("Figures over all evaluated users (segment “all”). Click a column header to sort.");
        note.setStyle("-fx-text-fill: #666;");
        cutoff.setId("tableCutoff");
        cutoff.setTooltip(new Tooltip("The ranking metrics of one cut-off K, or of all of them side by side"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, note, gap, new Label("Cut-off"), cutoff);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 8, 4, 8));
        BorderPane p = new BorderPane(new VBox(table, bottom));
        p.setTop(top);
        return p;
    }

    private static final double ROW = 26;
    /** The header row and the horizontal scroll bar under thirty columns. */
    private static final double HEADER = 58;
    private static final int MAX_ROWS = 16;

    /** The cut-off choices: every K among the labels, then "all"; K = 10 first chosen when there is one. */
    private void fillCutoffs() {
        List<String> ks = viewModel.metricLabels().stream().filter(l -> l.contains("@")).map(l -> l.substring(l.indexOf('@') + 1))
                .distinct().sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
        List<String> choices = new ArrayList<>(ks.stream().map(k -> "K = " + k).toList());
        choices.add(ALL_CUTOFFS);
        if (!choices.equals(cutoff.getItems())) {
            String keep = cutoff.getValue();
            cutoff.getItems().setAll(choices);
            cutoff.setValue(choices.contains(keep) ? keep : choices.contains("K = 10") ? "K = 10" : choices.get(0));
        }
    }

    static final String ALL_CUTOFFS = "all";

    /** Whether the table shows a label under the chosen cut-off: metrics without a K always. */
    private boolean inCutoff(String label) {
        String chosen = cutoff.getValue();
        return chosen == null || chosen.equals(ALL_CUTOFFS) || !label.contains("@")
                || label.substring(label.indexOf('@') + 1).equals(chosen.substring("K = ".length()));
    }

    /** Shows the ranking columns of a cut-off ("K = 20") or of all ("all"); tests and the report use it. */
    public void showCutoff(String choice) {
        cutoff.setValue(choice);
        steps.flush();
    }

    private void rebuildColumns() {
        fillCutoffs();
        table.getColumns().clear();
        TableColumn<EvaluationData, String> name = new TableColumn<>("Evaluation");
        name.setId("col:evaluation");
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().label()));
        name.setPrefWidth(150);
        TableColumn<EvaluationData, String> model = new TableColumn<>("Model");
        model.setCellValueFactory(c -> new SimpleStringProperty(modelName(c.getValue())));
        model.setPrefWidth(90);
        table.getColumns().add(name);
        table.getColumns().add(model);
        for (String label : viewModel.metricLabels().stream().filter(this::inCutoff).toList()) {
            TableColumn<EvaluationData, Double> col = new TableColumn<>(label);
            col.setId("metric:" + label);
            col.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().value(label)));
            col.setCellFactory(c -> new NumberCell());
            col.setComparator(java.util.Comparator.nullsFirst(Double::compare));
            col.setPrefWidth(Math.max(84, 9 * label.length() + 6));
            table.getColumns().add(col);
        }
    }

    static String modelName(EvaluationData d) {
        String kind = d.evaluation().modelKind();
        return kind.startsWith("train.") ? kind.substring("train.".length()) : kind;
    }

    /** A figure with four decimals, right-aligned; an empty cell when the evaluation has none. */
    private static final class NumberCell extends TableCell<EvaluationData, Double> {
        NumberCell() {
            setAlignment(Pos.CENTER_RIGHT);
        }

        @Override
        protected void updateItem(Double v, boolean empty) {
            super.updateItem(v, empty);
            setText(empty || v == null || v.isNaN() ? "" : format(v));
        }
    }

    /** How the table shows a figure: four decimals. */
    public static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private final Label segmentUsers = new Label();

    private Node segmentsPane() {
        BorderPane p = (BorderPane) withChooser(viewer(SEGMENTS, charts.segments()), "Metric", viewModel.segmentMetricProperty(), false);
        segmentUsers.setId("segmentUsers");
        segmentUsers.setWrapText(true);
        segmentUsers.setStyle("-fx-text-fill: #555;");
        segmentUsers.setPadding(new Insets(6, 8, 6, 8));
        p.setBottom(segmentUsers);
        return p;
    }

    /** How many users each segment holds per evaluation: a bar over 15 users weighs less than one over 1,500. */
    private String segmentUsersText() {
        StringBuilder b = new StringBuilder("Users evaluated per segment (sparse < 5 training interactions, dense > 20; cold items:"
                + " users with a held-out item that no one had in training).");
        for (EvaluationData d : viewModel.chosen()) {
            b.append("\n").append(d.label()).append(": ");
            List<String> parts = new ArrayList<>();
            for (var seg : EvaluationDashboardViewModel.SEGMENTS.entrySet()) {
                String shortName = switch (seg.getKey()) {
                    case "all" -> "all";
                    case "users:<5" -> "sparse";
                    case "users:>20" -> "dense";
                    case "items:cold" -> "cold items";
                    default -> "5–20";
                };
                d.value("users", seg.getKey()).ifPresent(v -> parts.add(shortName + " " + String.format(Locale.ROOT, "%,d", (long) v)));
            }
            b.append(String.join(" · ", parts));
        }
        return b.toString();
    }

    private Node curvesPane() {
        Label note = new Label();
        note.setId("curvesNote");
        note.setWrapText(true);
        note.setStyle("-fx-text-fill: #666;");
        note.setPadding(new Insets(6, 8, 6, 8));
        viewModel.chosen().addListener((ListChangeListener<EvaluationData>) c -> note.setText(curvesNote()));
        note.setText(curvesNote());
        BorderPane p = new BorderPane(viewer(CURVES, charts.curves()));
        p.setBottom(note);
        return p;
    }

    private String curvesNote() {
        List<String> without = viewModel.chosen().stream().filter(d -> !d.hasCurves()).map(EvaluationData::label).toList();
        return without.isEmpty() ? "Mean over the evaluated users at every K from 1 to 50, stored when the evaluation ran."
                : "Only the stored cut-offs (dots) for " + String.join(", ", without)
                + ": evaluated before K = 1…50 curves were kept; run the evaluation again to draw the full curve.";
    }

    private Node ablationPane() {
        ablationTable.setId("ablationTable");
        ablationTable.setPlaceholder(new Label("No hybrid run with ablation among the chosen evaluations: tick “Ablation” in a"
                + " Hybrid training node and run it."));
        ablationTable.getColumns().add(textColumn("Run · node", AblationRowView::node, 130));
        ablationTable.getColumns().add(textColumn("Source", AblationRowView::source, 150));
        ablationTable.getColumns().add(numberColumn("NDCG@10 without", AblationRowView::without));
        ablationTable.getColumns().add(numberColumn("Drop", AblationRowView::drop));
        ablationTable.getColumns().add(numberColumn("Feature share", AblationRowView::share));
        ablationTable.getColumns().add(numberColumn("Score-variance share", AblationRowView::variance));
        ablationTable.setPrefHeight(170);
        ablationTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label note = new Label("NDCG@10 of the hybrid retrained without each feature source; the drop is what the source adds."
                + " Shares: the source's part of the fused feature vectors and of the score variance.");
        note.setWrapText(true);
        note.setStyle("-fx-text-fill: #666;");
        VBox bottom = new VBox(4, note, ablationTable);
        bottom.setPadding(new Insets(6, 8, 8, 8));
        BorderPane p = new BorderPane(viewer(ABLATION, charts.ablation()));
        p.setBottom(bottom);
        return p;
    }

    /** One row of the ablation table. */
    record AblationRowView(String node, String source, double without, double drop, double share, double variance) {
    }

    private static TableColumn<AblationRowView, String> textColumn(String title, java.util.function.Function<AblationRowView, String> f,
                                                                 double width) {
        TableColumn<AblationRowView, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new SimpleStringProperty(f.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<AblationRowView, Double> numberColumn(String title,
                                                                  java.util.function.ToDoubleFunction<AblationRowView> f) {
        TableColumn<AblationRowView, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new SimpleObjectProperty<>(f.applyAsDouble(x.getValue())));
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null || v.isNaN() ? "" : format(v));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        c.setPrefWidth(120);
        return c;
    }

    private void redraw() {
        table.getItems().setAll(viewModel.chosen());
        protocols.getChildren().setAll(protocolLines());
        segmentUsers.setText(segmentUsersText());
        charts.drawAll();
        List<AblationRowView> rows = new ArrayList<>();
        for (EvaluationRuns.Fusion f : viewModel.fusion()) {
            for (EvaluationRuns.AblationRow a : f.ablation()) {
                EvaluationRuns.Contribution c = f.contributions().stream()
                        .filter(x -> x.source().equals(a.source()) && x.side().equals(a.side())).findFirst().orElse(null);
                rows.add(new AblationRowView("Run " + f.runId() + " · " + f.nodeId(), sourceName(a.source()) + " (" + a.side() + ")",
                        a.ndcgWithout(), a.drop(), c == null ? Double.NaN : c.normShare(), c == null ? Double.NaN : c.varianceShare()));
            }
        }
        ablationTable.setItems(FXCollections.observableArrayList(rows));
        compare.refresh();
    }

    /** One line per distinct protocol, naming the evaluations that share it. */
    private List<Node> protocolLines() {
        Map<String, List<String>> byProtocol = new LinkedHashMap<>();
        for (EvaluationData d : viewModel.chosen()) {
            byProtocol.computeIfAbsent(d.evaluation().protocol().summary(), k -> new ArrayList<>()).add(d.label());
        }
        List<Node> lines = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byProtocol.entrySet()) {
            Label l = new Label(String.join(", ", e.getValue()) + ":  " + e.getKey());
            l.setWrapText(true);
            l.setTooltip(new Tooltip(e.getKey()));
            lines.add(l);
        }
        return lines;
    }

    private void exportWithChooser(String ext) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export chart as " + ext.toUpperCase(Locale.ROOT));
        chooser.setInitialFileName(currentChartTab().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(Locale.ROOT), "*." + ext));
        File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            try {
                export(f.toPath());
            } catch (IOException ex) {
                new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, "Could not write " + f + ": "
                        + ex.getMessage()).show();
            }
        }
    }

    /**
     * A feature source as a reader knows it: "text:tfidf-svd64@1:dc55a…" (the encoder's id and
     * version hash) becomes "text:tfidf-svd64".
     */
    static String sourceName(String source) {
        int at = source.indexOf('@');
        return at < 0 ? source : source.substring(0, at);
    }

    /** Lets tests and the shell reach the comparison controls. */
    ComparePane comparePane() {
        return compare;
    }

    static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(6);
        return g;
    }

    /** Formats a p-value: four significant digits, or "< 1e-12" below that. */
    public static String formatP(double p) {
        return p < 1e-12 ? "< 1e-12" : p < 0.001 ? String.format(Locale.ROOT, "%.3e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    /** A share as a percentage with one decimal, rounded half up (the chart's labels use the same). */
    static String percent(double share) {
        return percentFormat().format(share);
    }

    static java.text.NumberFormat percentFormat() {
        java.text.DecimalFormat f = new java.text.DecimalFormat("0.0 %", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return f;
    }
}
