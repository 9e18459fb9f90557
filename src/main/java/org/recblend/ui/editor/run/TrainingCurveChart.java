package org.recblend.ui.editor.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.recblend.engine.EpochRecord;
import org.recblend.pipeline.ExecutionContext;

/**
 * The learning curve of one training node: the training loss per epoch on the left axis and the
 * validation metric on the right one. Points are added as they come; the chart redraws itself
 * when its series change, so callers add in batches (the run relay's) rather than point by point.
 */
public final class TrainingCurveChart {
    private static final Color LOSS_COLOUR = new Color(0x3A7BD5);
    private static final Color METRIC_COLOUR = new Color(0xD9822B);

    private final XYSeries loss = new XYSeries("training loss", true, false);
    private final XYSeriesCollection metricData = new XYSeriesCollection();
    private final JFreeChart chart;
    private final NumberAxis metricAxis = new NumberAxis("validation");
    private final TextTitle subtitle = new TextTitle("", new Font(Font.SANS_SERIF, Font.PLAIN, 11));

    public TrainingCurveChart(String title) {
        XYSeriesCollection lossData = new XYSeriesCollection(loss);
        chart = ChartFactory.createXYLineChart(title, "epoch", "training loss", lossData, PlotOrientation.VERTICAL,
                true, true, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        chart.addSubtitle(0, subtitle);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        plot.setRenderer(0, renderer(LOSS_COLOUR));
        metricAxis.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(1, metricAxis);
        plot.setDataset(1, metricData);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, renderer(METRIC_COLOUR));
        metricAxis.setVisible(false);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Adds points of a node's series; the loss goes left, any other series (a validation metric) right. */
    public void add(List<MetricPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        chart.setNotify(false); // one redraw for the batch
        try {
            for (MetricPoint p : points) {
                if (!Double.isFinite(p.value())) {
                    continue;
                }
                series(p.series()).addOrUpdate(p.step(), p.value());
            }
        } finally {
            chart.setNotify(true);
        }
    }

    /** Shows these points only. */
    public void setPoints(List<MetricPoint> points) {
        chart.setNotify(false);
        try {
            loss.clear();
            metricData.removeAllSeries();
            metricAxis.setVisible(false);
            add(points);
        } finally {
            chart.setNotify(true);
        }
    }

    /** A line under the title (what ran, the best epoch); the legend stays. */
    public void setSubtitle(String text) {
        subtitle.setText(text == null ? "" : text);
    }

    /** How many loss points are drawn. */
    public int lossPoints() {
        return loss.getItemCount();
    }

    /** How many validation points are drawn, over every validation series. */
    public int metricPoints() {
        int n = 0;
        for (int i = 0; i < metricData.getSeriesCount(); i++) {
            n += metricData.getSeries(i).getItemCount();
        }
        return n;
    }

    /** A trained model's stored curve as series points (for a finished node's preview). */
    public static List<MetricPoint> points(String nodeId, List<EpochRecord> curve) {
        List<MetricPoint> points = new ArrayList<>();
        for (EpochRecord r : curve) {
            points.add(new MetricPoint(nodeId, ExecutionContext.LOSS, r.epoch(), r.trainLoss()));
            if (r.validMetricName() != null && Double.isFinite(r.validMetric())) {
                points.add(new MetricPoint(nodeId, r.validMetricName(), r.epoch(), r.validMetric()));
            }
        }
        return points;
    }

    private XYSeries series(String name) {
        if (ExecutionContext.LOSS.equals(name)) {
            return loss;
        }
        String label = "validation " + name;
        int index = metricData.getSeriesIndex(label);
        if (index >= 0) {
            return metricData.getSeries(index);
        }
        XYSeries s = new XYSeries(label, true, false);
        metricData.addSeries(s);
        metricAxis.setLabel(label);
        metricAxis.setVisible(true);
        return s;
    }

    private static XYLineAndShapeRenderer renderer(Color colour) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setDefaultStroke(new BasicStroke(2f));
        r.setAutoPopulateSeriesStroke(false);
        r.setDefaultPaint(colour);
        r.setAutoPopulateSeriesPaint(false);
        return r;
    }
}
