package org.recblend.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.engine.EpochRecord;
import org.recblend.engine.eval.EvaluationResult;
import org.recblend.engine.eval.MetricNames;
import org.recblend.nodes.evaluate.MetricsRepository;
import org.recblend.results.DashboardFixture;
import org.recblend.results.TrainingCurves;
import org.recblend.testutil.Screenshots;
import org.recblend.ui.prefs.Theme;
import org.recblend.ui.prefs.ThemeStyles;
import org.recblend.ui.task.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Both dashboards on a project with two finished runs of the retail sample (the LLM hybrid with
 * ablation, the CF baseline): the numbers shown are checked against the store and the runs'
 * results, charts are exported as PNG and SVG and parsed back, and screenshots are saved.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardsFxTest {
    @TempDir
    static Path dir;
    static DashboardFixture f;
    static FxTaskExecutor executor = new FxTaskExecutor();
    private Stage stage;

    @BeforeAll
    static void twoRuns() throws Exception {
        f = DashboardFixture.create(dir, "dashboards fx");
    }

    @AfterAll
    static void close() {
        executor.shutdown();
        f.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(new StackPane(), 1240, 760);
        ThemeStyles.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    private void show(FxRobot robot, javafx.scene.Node node) {
        robot.interact(() -> ((StackPane) stage.getScene().getRoot()).getChildren().setAll(node));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shoot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), "dashboard-" + name));
    }

    /** Writes the chart as PNG and SVG and checks both read back: the PNG at the export size, the SVG an svg document. */
    private static void exportsRead(JFreeChart chart, String name) throws Exception {
        Path png = ChartExport.png(chart, dir.resolve("export").resolve(name + ".png"), ChartExport.WIDTH, ChartExport.HEIGHT);
        Path svg = ChartExport.svg(chart, dir.resolve("export").resolve(name + ".svg"), ChartExport.WIDTH, ChartExport.HEIGHT);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as(name + ".png decodes").isNotNull();
        assertThat(image.getWidth()).isEqualTo(ChartExport.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartExport.HEIGHT);
        String text = Files.readString(svg);
        assertThat(text).startsWith("<svg");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getAttribute("width")).startsWith(String.valueOf(ChartExport.WIDTH));
    }

    @Test
    void trainingDashboardOverlaysTheStoredCurvesOfTwoRuns(FxRobot robot) throws Exception {
        TrainingDashboardView view = fx(() -> TrainingDashboardView.open(f.store, executor));
        show(robot, view.root());
        waitUntil(() -> !view.viewModel().loadingProperty().get() && !view.viewModel().shown().isEmpty());
        // the newest run (the baseline) opens with its BPR curve; tick the hybrid of the other run too
        TrainingCurves.CurveRun hybrid = fx(() -> view.viewModel().runs().stream()
                .filter(r -> r.runId() == f.hybridRun.runId()).findFirst().orElseThrow());
        robot.interact(() -> view.viewModel().setChosen(hybrid, true));
        waitUntil(() -> view.viewModel().shown().size() == 2 && view.settled());
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) view.chart().getPlot();
        XYPlot loss = plot.getSubplots().get(0);
        XYPlot valid = plot.getSubplots().get(1);
        assertThat(loss.getDataset().getSeriesCount()).isEqualTo(2);
        TrainingCurves curves = new TrainingCurves(f.store);
        List<EpochRecord> bpr = curves.curve(f.baselineRun.runId(), "bpr");
        int series = loss.getDataset().indexOf("Run " + f.baselineRun.runId() + " · bpr loss");
        assertThat(loss.getDataset().getItemCount(series)).isEqualTo(bpr.size());
        for (int i = 0; i < bpr.size(); i++) {
            assertThat(loss.getDataset().getYValue(series, i)).isEqualTo(bpr.get(i).trainLoss());
            assertThat(loss.getDataset().getXValue(series, i)).isEqualTo(bpr.get(i).epoch());
        }
        assertThat(valid.getDataset().getSeriesCount()).isEqualTo(2);
        // hover: the tooltip names the run, the epoch and the value
        String tip = loss.getRenderer().getDefaultToolTipGenerator().generateToolTip(loss.getDataset(), series, 0);
        assertThat(tip).contains("bpr").contains("epoch " + bpr.get(0).epoch())
                .contains(String.format(java.util.Locale.ROOT, "%.4f", bpr.get(0).trainLoss()).substring(0, 4));
        org.jfree.chart.fx.ChartViewer viewer = robot.lookup("#trainingChart").queryAs(org.jfree.chart.fx.ChartViewer.class);
        assertThat(viewer.getCanvas().isDomainZoomable()).as("mouse zoom").isTrue();
        shoot(robot, "training");
        exportsRead(view.chart(), "training");
        Path viaView = fx(() -> view.export(dir.resolve("export").resolve("training-view.svg")));
        assertThat(Files.readString(viaView)).contains("<svg");
    }

    @Test
    void evaluationDashboardShowsTheStoredFiguresAndComparesTwoModels(FxRobot robot) throws Exception {
        EvaluationDashboardView view = fx(() -> EvaluationDashboardView.open(f.store, executor));
        show(robot, view.root());
        waitUntil(() -> !view.viewModel().loadingProperty().get() && view.viewModel().chosen().size() == 4);
        waitUntil(view::settled);
        WaitForAsyncUtils.waitForFxEvents();

        // the table: NDCG@10 of every row equals the stored figure and the run's result
        @SuppressWarnings("unchecked")
        TableView<EvaluationData> table = robot.lookup("#metricsTable").queryAs(TableView.class);
        MetricsRepository repo = new MetricsRepository(f.store);
        assertThat(table.getItems()).hasSize(4);
        for (EvaluationData row : table.getItems()) {
            double stored = repo.load(row.evaluation().runId(), row.evaluation().nodeId()).stream()
                    .filter(m -> m.label().equals("ndcg@10") && m.segment().equals(MetricNames.ALL)).findFirst().orElseThrow().value();
            assertThat(cellText(robot, "metric:ndcg@10", table.getItems().indexOf(row))).isEqualTo(EvaluationDashboardView.format(stored));
        }
        EvaluationResult bpr = f.result(f.baseline, f.baselineRun, "evaluate-bpr");
        int bprRow = rowOf(table, "evaluate-bpr");
        assertThat(cellText(robot, "metric:ndcg@10", bprRow)).isEqualTo(EvaluationDashboardView.format(bpr.value("ndcg", 10)));
        // the protocol is spelled out
        String protocol = robot.lookup("#protocols").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).reduce("", String::concat);
        assertThat(protocol).contains("random split (").contains("on test").contains("K = 5, 10, 20")
                .contains("all items except the user's training items");
        // sorting by NDCG@10 (a click on its header: ascending)
        robot.clickOn(robot.lookup(".column-header").match(n -> n.getId() != null && n.getId().equals("metric:ndcg@10"))
                .queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> sorted = fx(() -> table.getItems().stream().map(d -> d.value("ndcg@10")).toList());
        assertThat(sorted).isSorted();
        shoot(robot, "evaluation-table");
        // the table shows one cut-off at a time (K = 10 first); K = 20 brings recall@20
        assertThat(table.getColumns()).noneMatch(c -> "metric:recall@20".equals(c.getId()));
        robot.interact(() -> view.showCutoff("K = 20"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getColumns()).noneMatch(c -> "metric:ndcg@10".equals(c.getId()));
        // the rows were sorted above: find the BPR row again
        assertThat(cellText(robot, "metric:recall@20", rowOf(table, "evaluate-bpr"))).isEqualTo(EvaluationDashboardView.format(bpr.value("recall", 20)));
        robot.interact(() -> view.showCutoff(EvaluationDashboardView.ALL_CUTOFFS));
        assertThat(fx(() -> table.getColumns().stream().filter(c -> c.getId() != null && c.getId().startsWith("metric:ndcg@")).count()))
                .isEqualTo(3L);

        // bar chart of NDCG at each K across runs
        robot.interact(() -> view.showTab(EvaluationDashboardView.BARS));
        CategoryDataset bars = view.chart(EvaluationDashboardView.BARS).getCategoryPlot().getDataset();
        assertThat(bars.getRowCount()).isEqualTo(4);
        assertThat(bars.getValue("Run " + f.baselineRun.runId() + " · bpr", "ndcg@10").doubleValue()).isEqualTo(bpr.value("ndcg", 10));
        shoot(robot, "evaluation-bars");
        exportsRead(view.chart(EvaluationDashboardView.BARS), "bars");

        // K curves: 50 points per evaluation, meeting the stored cut-offs
        robot.interact(() -> view.showTab(EvaluationDashboardView.CURVES));
        XYPlot ndcgPlot = ((CombinedDomainXYPlot) view.chart(EvaluationDashboardView.CURVES).getPlot()).getSubplots().get(0);
        int s = ndcgPlot.getDataset().indexOf("Run " + f.baselineRun.runId() + " · bpr");
        assertThat(ndcgPlot.getDataset().getItemCount(s)).isEqualTo(50);
        assertThat(ndcgPlot.getDataset().getYValue(s, 9)).isCloseTo(bpr.value("ndcg", 10), org.assertj.core.api.Assertions.within(1e-12));
        shoot(robot, "evaluation-curves");
        exportsRead(view.chart(EvaluationDashboardView.CURVES), "curves");

        // segments: sparse / medium / dense users and cold items
        robot.interact(() -> view.showTab(EvaluationDashboardView.SEGMENTS));
        CategoryDataset seg = view.chart(EvaluationDashboardView.SEGMENTS).getCategoryPlot().getDataset();
        assertThat(seg.getValue("Run " + f.baselineRun.runId() + " · bpr", "dense users (> 20)").doubleValue())
                .isEqualTo(bpr.value("ndcg", 10, MetricNames.USERS_GT20));
        shoot(robot, "evaluation-segments");
        exportsRead(view.chart(EvaluationDashboardView.SEGMENTS), "segments");

        // paired comparison of BPR against ItemKNN on NDCG@10
        robot.interact(() -> view.showTab(EvaluationDashboardView.COMPARE));
        EvaluationData a = fx(() -> table.getItems().get(rowOf(table, "evaluate-bpr")));
        EvaluationData b = fx(() -> table.getItems().get(rowOf(table, "evaluate-itemknn")));
        robot.interact(() -> {
            view.comparePane().a().setValue(a);
            view.comparePane().b().setValue(a);
            view.comparePane().metric().setValue("ndcg@10");
        });
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#compareMessage").queryAs(Label.class).getText()).isEqualTo("Choose two different evaluations.");
        robot.interact(() -> view.comparePane().b().setValue(b));
        robot.clickOn("#compareButton");
        waitUntil(() -> view.viewModel().pairedProperty().get() != null);
        EvaluationResult knn = f.result(f.baseline, f.baselineRun, "evaluate-itemknn");
        var expected = bpr.compareWith(knn, "ndcg@10");
        assertThat(robot.lookup("#pairedP").queryAs(Label.class).getText()).isEqualTo(EvaluationDashboardView.formatP(expected.pValue()));
        assertThat(robot.lookup("#pairedUsers").queryAs(Label.class).getText())
                .isEqualTo(String.format(java.util.Locale.ROOT, "%,d", bpr.evaluatedUsers()));
        var paired = view.viewModel().pairedProperty().get();
        assertThat(robot.lookup("#pairedGain").queryAs(Label.class).getText()).isEqualTo(EvaluationDashboardView.percent(paired.gainShare()));
        assertThat(robot.lookup("#pairedLoss").queryAs(Label.class).getText()).isEqualTo(EvaluationDashboardView.percent(paired.lossShare()));
        assertThat(paired.gainShare() + paired.lossShare()).isPositive().isLessThanOrEqualTo(1.0);
        shoot(robot, "evaluation-compare");
        exportsRead(view.chart(EvaluationDashboardView.COMPARE), "compare");

        // fusion ablation of the hybrid run
        robot.interact(() -> view.showTab(EvaluationDashboardView.ABLATION));
        CategoryDataset abl = view.chart(EvaluationDashboardView.ABLATION).getCategoryPlot().getDataset();
        assertThat(abl.getColumnKeys()).contains("all sources");
        assertThat(abl.getColumnCount()).isGreaterThan(1);
        assertThat(robot.lookup("#ablationTable").queryAs(TableView.class).getItems()).isNotEmpty();
        shoot(robot, "evaluation-ablation");
        exportsRead(view.chart(EvaluationDashboardView.ABLATION), "ablation");
    }

    private static int rowOf(TableView<EvaluationData> table, String node) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).evaluation().nodeId().equals(node)) {
                return i;
            }
        }
        throw new AssertionError("no row of " + node);
    }

    /** The text the table shows in a column's cell of a row. */
    private static String cellText(FxRobot robot, String columnId, int row) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId()) && c.getIndex() == row
                        && c.isVisible())
                .map(TableCell::getText).findFirst()
                .orElseGet(() -> {
                    @SuppressWarnings("unchecked")
                    TableColumn<EvaluationData, ?> col = (TableColumn<EvaluationData, ?>) robot.lookup(".table-view").queryAs(TableView.class)
                            .getColumns().stream().filter(c -> columnId.equals(((TableColumn<?, ?>) c).getId())).findFirst().orElseThrow();
                    throw new AssertionError("column " + col.getText() + " shows no cell for row " + row + " (scrolled off?)");
                });
    }
}
