package org.recblend.ui.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.recblend.engine.EpochRecord;
import org.recblend.results.TrainingCurves;
import org.recblend.results.TrainingCurves.CurveRun;
import org.recblend.store.ProjectStore;
import org.recblend.ui.task.PulseSteps;
import org.recblend.ui.task.TaskExecutor;

/**
 * The training dashboard: the stored learning curves of one or several runs overlaid, training
 * loss above and the validation metric below on a shared epoch axis. Runs are ticked in the list
 * on the left; the chart zooms with the mouse (drag a rectangle, drag left to reset), shows each
 * point's value on hover, and exports as PNG or SVG.
 */
public final class TrainingDashboardView {
    private final TrainingDashboardViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final ListView<CurveRun> list = new ListView<>();
    private final TickList<CurveRun> ticks;
    // the chart's parts, made with it (see buildChart)
    private XYSeriesCollection lossData;
    private XYSeriesCollection validData;
    private XYLineAndShapeRenderer lossRenderer;
    private XYLineAndShapeRenderer validRenderer;
    private NumberAxis validAxis;
    /** Made in the frame after the view opens, and its viewer in the next: each is a long job the first time. */
    private JFreeChart chart;
    private ChartViewer viewer;
    private final StackPane chartStack = new StackPane();
    private final PulseSteps steps = new PulseSteps();
    private final Label message = new Label();
    private final Tab tab;

    public TrainingDashboardView(TrainingDashboardViewModel viewModel) {
        this.viewModel = viewModel;
        ticks = new TickList<>(list, viewModel::isChosen, viewModel::setChosen,
                (CurveRun r) -> r.label() + " · " + r.epochs() + " epochs\n" + r.pipelineName());
        steps.add("chart", () -> chart = buildChart());
        steps.add("viewer", () -> {
            viewer = new ChartViewer(chart);
            viewer.setId("trainingChart");
            chartStack.getChildren().add(0, viewer);
        });
        root.setId("trainingDashboard");
        root.setLeft(runList());
        root.setCenter(chartArea());
        tab = new Tab("Training dashboard", root);
        tab.setId("dashboard:training");
        // the list and the curves reach the screen in separate frames (see PulseSteps)
        viewModel.runs().addListener((ListChangeListener<CurveRun>) c -> steps.add("list", () -> list.getItems().setAll(viewModel.runs())));
        viewModel.shown().addListener((ListChangeListener<TrainingDashboardViewModel.Shown>) c -> steps.add("curves", this::redraw));
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
    }

    /** A dashboard over the project's stored curves, starting to read them at once (off the JavaFX thread). */
    public static TrainingDashboardView open(ProjectStore store, TaskExecutor executor) {
        TrainingDashboardView view = new TrainingDashboardView(new TrainingDashboardViewModel(new TrainingCurves(store), executor));
        view.viewModel.load();
        return view;
    }

    public Tab tab() {
        return tab;
    }

    public Node root() {
        return root;
    }

    public TrainingDashboardViewModel viewModel() {
        return viewModel;
    }

    public JFreeChart chart() {
        steps.flush();
        return chart;
    }

    /** Whether the view shows the view model's latest data (its updates are spread over a few frames). */
    public boolean settled() {
        return steps.idle();
    }

    /** Writes the chart as it is drawn now; PNG or SVG by the file's extension. */
    public Path export(Path file) throws IOException {
        steps.flush();
        return ChartExport.write(chart, file);
    }

    private Node runList() {
        list.setId("trainingRuns");
        return ticks.pane("Runs", "Tick runs to overlay them. Drag on the chart to zoom, drag left to reset; hover a point for its value.",
                270);
    }

    private Node chartArea() {
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
        message.setId("trainingMessage");
        message.setWrapText(true);
        message.setStyle("-fx-font-size: 14px; -fx-text-fill: #555; -fx-background-color: rgba(255,255,255,0.9); -fx-padding: 12;");
        chartStack.getChildren().add(message);
        BorderPane area = new BorderPane(chartStack);
        area.setTop(bar);
        return area;
    }

    private void exportWithChooser(String ext) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export chart as " + ext.toUpperCase(Locale.ROOT));
        chooser.setInitialFileName("training-curves." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(Locale.ROOT), "*." + ext));
        File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            try {
                export(f.toPath());
            } catch (IOException ex) {
                viewModelMessage("Could not write " + f + ": " + ex.getMessage());
            }
        }
    }

    private void viewModelMessage(String text) {
        Tooltip.install(message, new Tooltip(text));
        message.textProperty().unbind();
        message.setText(text);
    }

    private JFreeChart buildChart() {
        lossData = new XYSeriesCollection();
        validData = new XYSeriesCollection();
        lossRenderer = renderer(false);
        validRenderer = renderer(true);
        validAxis = new NumberAxis("validation metric");
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochs.setAutoRangeIncludesZero(false);
        NumberAxis lossAxis = new NumberAxis("training loss");
        lossAxis.setAutoRangeIncludesZero(false);
        XYPlot loss = new XYPlot(lossData, null, lossAxis, lossRenderer);
        validAxis.setAutoRangeIncludesZero(false);
        XYPlot valid = new XYPlot(validData, null, validAxis, validRenderer);
        return DashboardCharts.stacked("Training loss and validation metric per epoch", epochs, loss, valid);
    }

    private static XYLineAndShapeRenderer renderer(boolean validation) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}: epoch {1}, {2}",
                new java.text.DecimalFormat("0"), DashboardCharts.FOUR));
        r.setAutoPopulateSeriesStroke(false);
        r.setDefaultStroke(DashboardCharts.line(validation));
        return r;
    }

    /** Rebuilds the series from the chosen curves; a run keeps its colour (its place in the list). */
    private void redraw() {
        // the ticks follow the model (the newest run is chosen on open; callers may choose too)
        ticks.refresh();
        chart.setNotify(false);
        try {
            lossData.removeAllSeries();
            validData.removeAllSeries();
            java.util.Set<String> metrics = new java.util.TreeSet<>();
            for (TrainingDashboardViewModel.Shown s : viewModel.shown()) {
                CurveRun r = s.run();
                XYSeries loss = new XYSeries(r.label() + " loss", true, false);
                XYSeries valid = new XYSeries(r.label() + " " + (r.validMetric() == null ? "validation" : r.validMetric()), true, false);
                for (EpochRecord e : s.epochs()) {
                    if (Double.isFinite(e.trainLoss())) {
                        loss.add(e.epoch(), e.trainLoss());
                    }
                    if (Double.isFinite(e.validMetric())) {
                        valid.add(e.epoch(), e.validMetric());
                    }
                }
                java.awt.Color colour = DashboardCharts.colour(viewModel.runs().indexOf(r));
                lossData.addSeries(loss);
                lossRenderer.setSeriesPaint(lossData.getSeriesCount() - 1, colour);
                if (valid.getItemCount() > 0) {
                    validData.addSeries(valid);
                    validRenderer.setSeriesPaint(validData.getSeriesCount() - 1, colour);
                    metrics.add(r.validMetric());
                }
            }
            validAxis.setLabel(metrics.isEmpty() ? "validation metric" : "validation " + String.join(" / ", metrics));
        } finally {
            chart.setNotify(true);
        }
    }
}
