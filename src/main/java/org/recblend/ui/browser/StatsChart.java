package org.recblend.ui.browser;

import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.recblend.store.browse.ColumnStats;
import org.recblend.store.browse.ColumnType;

/**
 * The chart of a column's statistics: a histogram of a numeric column, the most frequent values
 * of a text column. The bins come counted from the database; this only draws them.
 */
final class StatsChart {
    private static final Color BAR = new Color(0x3A7BD5);
    private static final int MAX_LABEL = 30;

    private StatsChart() {
    }

    static JFreeChart of(ColumnStats stats) {
        JFreeChart chart = stats.histogram().isEmpty() ? topValues(stats) : histogram(stats);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        return chart;
    }

    private static JFreeChart histogram(ColumnStats stats) {
        XYIntervalSeries series = new XYIntervalSeries(stats.column().name());
        for (ColumnStats.Bin bin : stats.histogram()) {
            double mid = (bin.from() + bin.to()) / 2;
            series.add(mid, bin.from(), bin.to(), bin.count(), bin.count(), bin.count());
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);
        boolean time = stats.column().type() == ColumnType.EPOCH_SECONDS;
        JFreeChart chart = ChartFactory.createXYBarChart("Histogram of " + stats.column().name(),
                stats.column().name() + (time ? " (seconds since 1970)" : ""), false, "rows", data,
                PlotOrientation.VERTICAL, false, true, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (!time && stats.histogram().get(0).to() - stats.histogram().get(0).from() == 1) {
            ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        renderer.setMargin(0.05);
        return chart;
    }

    private static JFreeChart topValues(ColumnStats stats) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ColumnStats.ValueCount v : stats.topValues()) {
            String label = shorten(v.value());
            for (int n = 2; data.getColumnIndex(label) >= 0; n++) {
                label = shorten(v.value()) + " (" + n + ")"; // two long values cut to the same text
            }
            data.addValue(v.count(), "rows", label);
        }
        JFreeChart chart = ChartFactory.createBarChart("Most frequent values of " + stats.column().name(), null, "rows",
                data, PlotOrientation.HORIZONTAL, false, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.55f);
        plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        return chart;
    }

    private static String shorten(String value) {
        String oneLine = value.replaceAll("\\s+", " ");
        if (oneLine.startsWith("{") && oneLine.endsWith("}")) {
            oneLine = oneLine.substring(1, oneLine.length() - 1).replace("\"", "").replace(",", ", "); // context JSON
        }
        return oneLine.length() <= MAX_LABEL ? oneLine : oneLine.substring(0, MAX_LABEL - 1) + "…";
    }
}
