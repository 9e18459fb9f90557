package org.recblend.results.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.recblend.results.ReportData;

/**
 * The report's charts, drawn with JFreeChart off screen (no JavaFX): the learning curves of every
 * trained model of the reported runs (training loss on the left axis, the validation metric dashed
 * on the right) and bars of each metric at the report's K per run. Colours follow the run, so run
 * A is the same blue in both charts.
 */
public final class ReportCharts {
    /** The cut-off the bar chart shows; the table lists every K. */
    public static final int BAR_K = 10;
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 480;
    private static final Color[] COLOURS = {new Color(0x2F80ED), new Color(0xE8702A), new Color(0x16A34A), new Color(0x9333EA),
        new Color(0xDC2626), new Color(0x0891B2)};
    /** Left out of the bars, where taller must mean better; the table has them. */
    private static final java.util.Set<String> LOWER_IS_BETTER = java.util.Set.of("gini", "rmse", "mae");
    private static final Font TITLE = new Font("SansSerif", Font.BOLD, 18);

    private ReportCharts() {
    }

    /** The learning curves, or null when no reported run trained a model with a curve. */
    public static JFreeChart learningCurve(ReportData data) {
        XYSeriesCollection losses = new XYSeriesCollection();
        XYSeriesCollection metrics = new XYSeriesCollection();
        String metricName = null;
        for (ReportData.RunReport run : data.runs()) {
            for (Map.Entry<String, List<ReportData.CurvePoint>> e : run.curves().entrySet()) {
                String key = run.label() + " · " + e.getKey();
                XYSeries loss = new XYSeries(key + " loss");
                XYSeries valid = new XYSeries(key + " validation");
                for (ReportData.CurvePoint p : e.getValue()) {
                    if (!Double.isNaN(p.trainLoss())) {
                        loss.add(p.epoch(), p.trainLoss());
                    }
                    if (!Double.isNaN(p.validMetric())) {
                        valid.add(p.epoch(), p.validMetric());
                        metricName = metricName == null ? p.validMetricName() : metricName;
                    }
                }
                losses.addSeries(loss);
                metrics.addSeries(valid);
            }
        }
        if (losses.getSeriesCount() == 0) {
            return null;
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Learning curves", "epoch", "training loss", losses,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        style(chart);
        XYLineAndShapeRenderer lossRenderer = new XYLineAndShapeRenderer(true, true);
        XYLineAndShapeRenderer validRenderer = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < losses.getSeriesCount(); s++) {
            Color c = COLOURS[s % COLOURS.length];
            lossRenderer.setSeriesPaint(s, c);
            lossRenderer.setSeriesStroke(s, new BasicStroke(2.5f));
            validRenderer.setSeriesPaint(s, c);
            validRenderer.setSeriesStroke(s, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {6f, 5f}, 0f));
        }
        plot.setRenderer(0, lossRenderer);
        NumberAxis epochs = (NumberAxis) plot.getDomainAxis();
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        if (metrics.getSeries().stream().anyMatch(s -> ((XYSeries) s).getItemCount() > 0)) {
            NumberAxis right = new NumberAxis("validation " + (metricName == null ? "metric" : metricName) + " (dashed)");
            right.setAutoRangeIncludesZero(false);
            plot.setRangeAxis(1, right);
            plot.setDataset(1, metrics);
            plot.mapDatasetToRangeAxis(1, 1);
            plot.setRenderer(1, validRenderer);
        }
        return chart;
    }

    /** Bars of every metric at {@link #BAR_K} (and those without a cut-off, such as AUC) that lies in [0, 1], per run. */
    public static JFreeChart metricBars(ReportData data) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (ReportData.RunReport run : data.runs()) {
            for (ReportData.Evaluation ev : run.evaluations()) {
                String series = run.evaluations().size() == 1 ? run.label() : run.label() + " · " + ev.nodeId();
                ev.metrics().stream()
                        .filter(m -> (m.k() == null || m.k() <= 0 || m.k() == BAR_K) && m.value() >= 0 && m.value() <= 1
                                && !LOWER_IS_BETTER.contains(m.name()))
                        .forEach(m -> ds.addValue(m.value(), series, ReportTables.metricLabel(m.name(), m.k())));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Metrics at K = " + BAR_K, null, "value", ds,
                PlotOrientation.VERTICAL, true, false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(1.5f);
        for (int s = 0; s < ds.getRowCount(); s++) {
            r.setSeriesPaint(s, COLOURS[s % COLOURS.length]);
        }
        return chart;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE);
        chart.getPlot().setBackgroundPaint(new Color(0xFAFBFC));
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xDDE3EA));
            xy.setRangeGridlinePaint(new Color(0xDDE3EA));
        } else if (chart.getPlot() instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(new Color(0xDDE3EA));
        }
    }

    /** The chart drawn at the report's size (HTML). */
    public static BufferedImage image(JFreeChart chart) {
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }

    /**
     * The chart laid out for a page about 500 points wide: drawn at 700 × 336 so its text stays
     * readable once scaled to the page, rendered at twice that for print sharpness.
     */
    public static BufferedImage pageImage(JFreeChart chart) {
        return chart.createBufferedImage(1400, 672, 700, 336, null);
    }
}
