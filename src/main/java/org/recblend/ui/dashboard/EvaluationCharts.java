package org.recblend.ui.dashboard;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.recblend.results.EvaluationRuns;
import org.recblend.results.EvaluationRuns.Paired;

/**
 * The evaluation dashboard's charts, redrawn from the view model's chosen evaluations. A chosen
 * evaluation keeps one colour (its place among all evaluations) in every chart.
 */
final class EvaluationCharts {
    private final EvaluationDashboardViewModel vm;
    private final DefaultCategoryDataset barData = new DefaultCategoryDataset();
    private final DefaultCategoryDataset segmentData = new DefaultCategoryDataset();
    private final DefaultCategoryDataset pairedData = new DefaultCategoryDataset();
    private final DefaultCategoryDataset ablationData = new DefaultCategoryDataset();
    private final XYSeriesCollection ndcgData = new XYSeriesCollection();
    private final XYSeriesCollection recallData = new XYSeriesCollection();
    private final XYLineAndShapeRenderer ndcgRenderer = curveRenderer();
    private final XYLineAndShapeRenderer recallRenderer = curveRenderer();
    // each chart is made when first asked for (its tab's first opening): five charts made with the
    // dashboard cost its first opening a tenth of a second for four that were not on screen
    private JFreeChart bars;
    private JFreeChart segments;
    private JFreeChart paired;
    private JFreeChart ablation;
    private JFreeChart curves;
    private final Set<String> stale = new HashSet<>();
    private Supplier<String> shown = () -> null;

    EvaluationCharts(EvaluationDashboardViewModel vm) {
        this.vm = vm;
    }

    private JFreeChart makeBar(DefaultCategoryDataset data) {
        JFreeChart c = ChartFactory.createBarChart("", "", "value", data, PlotOrientation.VERTICAL, true, true, false);
        DashboardCharts.style(c);
        return c;
    }

    private JFreeChart makePaired() {
        JFreeChart paired = ChartFactory.createStackedBarChart("Share of paired users", "", "share of users", pairedData,
                PlotOrientation.HORIZONTAL, true, true, false);
        DashboardCharts.style(paired);
        CategoryPlot pp = paired.getCategoryPlot();
        StackedBarRenderer sr = (StackedBarRenderer) pp.getRenderer();
        sr.setSeriesPaint(0, new Color(0x009E73));
        sr.setSeriesPaint(1, new Color(0xBBBBBB));
        sr.setSeriesPaint(2, new Color(0xD55E00));
        sr.setMaximumBarWidth(0.22);
        sr.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}",
                EvaluationDashboardView.percentFormat()));
        sr.setDefaultToolTipGenerator(new org.jfree.chart.labels.StandardCategoryToolTipGenerator("{0}: {2}",
                EvaluationDashboardView.percentFormat()));
        sr.setDefaultItemLabelFont(DashboardCharts.LABEL);
        ((NumberAxis) pp.getRangeAxis()).setRange(0, 1);
        ((NumberAxis) pp.getRangeAxis()).setNumberFormatOverride(new java.text.DecimalFormat("0 %"));
        return paired;
    }

    private JFreeChart makeAblation() {
        JFreeChart c = ChartFactory.createBarChart("Fusion ablation: NDCG@10 with all sources and without each", "", "NDCG@10",
                ablationData, PlotOrientation.VERTICAL, true, true, false);
        DashboardCharts.style(c);
        return c;
    }

    JFreeChart bars() {
        if (bars == null) {
            bars = makeBar(barData);
        }
        return bars;
    }

    JFreeChart segments() {
        if (segments == null) {
            segments = makeBar(segmentData);
        }
        return segments;
    }

    JFreeChart paired() {
        if (paired == null) {
            paired = makePaired();
        }
        return paired;
    }

    JFreeChart ablation() {
        if (ablation == null) {
            ablation = makeAblation();
        }
        return ablation;
    }

    JFreeChart curves() {
        if (curves == null) {
            curves = curvesChart();
        }
        return curves;
    }

    /**
     * Marks every chart out of date and draws the one on screen. A JFreeChart canvas redraws on the
     * JavaFX thread whenever its chart changes, hidden or not: drawing all five at once stalled the
     * thread for a third of a second, so the others wait until their tab is opened ({@link #ensure}).
     */
    void drawAll() {
        stale.addAll(List.of(EvaluationDashboardView.BARS, EvaluationDashboardView.SEGMENTS, EvaluationDashboardView.CURVES,
                EvaluationDashboardView.ABLATION));
        ensure(shown.get());
    }

    /** Draws a chart (by its tab's title) if it is out of date. */
    void ensure(String title) {
        if (title == null || !stale.remove(title)) {
            return;
        }
        switch (title) {
            case EvaluationDashboardView.BARS -> drawBars();
            case EvaluationDashboardView.SEGMENTS -> drawSegments();
            case EvaluationDashboardView.CURVES -> drawCurves();
            case EvaluationDashboardView.ABLATION -> drawAblation();
            default -> { }
        }
    }

    /** Which tab is open (its title), for {@link #drawAll}. */
    void setShown(Supplier<String> shown) {
        this.shown = shown;
    }

    private int colourIndex(EvaluationData d) {
        return vm.evaluations().indexOf(d);
    }

    private void colourSeries(JFreeChart chart, DefaultCategoryDataset data) {
        var r = chart.getCategoryPlot().getRenderer();
        for (int i = 0; i < data.getRowCount(); i++) {
            String key = (String) data.getRowKey(i);
            EvaluationData d = vm.chosen().stream().filter(x -> x.label().equals(key)).findFirst().orElse(null);
            r.setSeriesPaint(i, d == null ? DashboardCharts.colour(i) : DashboardCharts.colour(colourIndex(d)));
        }
    }

    void drawBars() {
        stale.remove(EvaluationDashboardView.BARS);
        String name = vm.barMetricProperty().get();
        bars().setNotify(false);
        barData.clear();
        for (EvaluationData d : vm.chosen()) {
            for (String label : vm.labelsOf(name)) {
                double v = d.value(label);
                if (!Double.isNaN(v)) {
                    barData.addValue(v, d.label(), label);
                }
            }
        }
        colourSeries(bars(), barData);
        bars().setTitle(name == null || name.isEmpty() ? "" : title(name) + " by run" + (vm.labelsOf(name).size() > 1 ? " and cut-off K" : ""));
        bars().getCategoryPlot().getRangeAxis().setLabel(name);
        bars().setNotify(true);
    }

    void drawSegments() {
        stale.remove(EvaluationDashboardView.SEGMENTS);
        String label = vm.segmentMetricProperty().get();
        segments().setNotify(false);
        segmentData.clear();
        for (EvaluationData d : vm.chosen()) {
            for (var seg : EvaluationDashboardViewModel.SEGMENTS.entrySet()) {
                d.value(label, seg.getKey()).ifPresent(v -> segmentData.addValue(v, d.label(), seg.getValue()));
            }
        }
        colourSeries(segments(), segmentData);
        segments().setTitle(label == null || label.isEmpty() ? "" : label + " by user and item segment");
        segments().getCategoryPlot().getRangeAxis().setLabel(label);
        segments().setNotify(true);
    }

    private static String title(String name) {
        return switch (name) {
            case "ndcg" -> "NDCG";
            case "recall" -> "Recall";
            case "precision" -> "Precision";
            case "map" -> "MAP";
            case "mrr" -> "MRR";
            case "hit_rate" -> "Hit rate";
            case "auc" -> "AUC";
            default -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
        };
    }

    private JFreeChart curvesChart() {
        NumberAxis k = new NumberAxis("cut-off K");
        k.setRange(0.5, 50.5);
        k.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot ndcg = new XYPlot(ndcgData, null, new NumberAxis("NDCG@K"), ndcgRenderer);
        XYPlot recall = new XYPlot(recallData, null, new NumberAxis("Recall@K"), recallRenderer);
        recallRenderer.setDefaultSeriesVisibleInLegend(false); // same runs, same colours: one legend entry each
        return DashboardCharts.stacked("NDCG@K and Recall@K for K = 1…50", k, ndcg, recall);
    }

    private static XYLineAndShapeRenderer curveRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}: K = {1}, {2}", new java.text.DecimalFormat("0"),
                DashboardCharts.FOUR));
        r.setAutoPopulateSeriesStroke(false);
        r.setDefaultStroke(DashboardCharts.line(false));
        return r;
    }

    void drawCurves() {
        stale.remove(EvaluationDashboardView.CURVES);
        curves().setNotify(false);
        ndcgData.removeAllSeries();
        recallData.removeAllSeries();
        for (EvaluationData d : vm.chosen()) {
            Color colour = DashboardCharts.colour(colourIndex(d));
            addCurve(ndcgData, ndcgRenderer, d, d.ndcgCurve(), "ndcg", colour);
            addCurve(recallData, recallRenderer, d, d.recallCurve(), "recall", colour);
        }
        curves().setNotify(true);
    }

    /** The stored curve as a line; without one, the stored cut-offs as dots. */
    private void addCurve(XYSeriesCollection data, XYLineAndShapeRenderer r, EvaluationData d, double[] curve, String name,
                          Color colour) {
        XYSeries s = new XYSeries(d.label(), true, false);
        for (int k = 1; k <= curve.length; k++) {
            s.add(k, curve[k - 1]);
        }
        boolean dots = curve.length == 0;
        if (dots) {
            for (int k : d.evaluation().protocol().ks()) {
                double v = d.value(name + "@" + k);
                if (!Double.isNaN(v)) {
                    s.add(k, v);
                }
            }
        }
        if (s.getItemCount() == 0) {
            return;
        }
        data.addSeries(s);
        int i = data.getSeriesCount() - 1;
        r.setSeriesPaint(i, colour);
        r.setSeriesLinesVisible(i, !dots);
        r.setSeriesShapesVisible(i, dots);
        r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
    }

    void drawPaired(Paired p, String a, String b) {
        paired().setNotify(false);
        pairedData.clear();
        if (p != null) {
            String row = p.metric();
            pairedData.addValue(p.gainShare(), a + " better", row);
            pairedData.addValue(p.tieShare(), "same", row);
            pairedData.addValue(p.lossShare(), b + " better", row);
            paired().setTitle("Users for whom " + a + " or " + b + " is better on " + p.metric());
        } else {
            paired().setTitle("Share of paired users");
        }
        paired().setNotify(true);
    }

    void drawAblation() {
        stale.remove(EvaluationDashboardView.ABLATION);
        ablation().setNotify(false);
        ablationData.clear();
        for (EvaluationRuns.Fusion f : vm.fusion()) {
            if (f.ablation().isEmpty()) {
                continue;
            }
            String series = "Run " + f.runId() + " · " + f.nodeId();
            ablationData.addValue(f.ablation().get(0).ndcgAll(), series, "all sources");
            for (EvaluationRuns.AblationRow a : f.ablation()) {
                ablationData.addValue(a.ndcgWithout(), series, "without " + EvaluationDashboardView.sourceName(a.source())
                        + " (" + a.side() + ")");
            }
        }
        ablation().setNotify(true);
    }

}
