package org.recblend.ui.dashboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.title.LegendTitle;

/**
 * One look for every dashboard chart (white, light grid, readable type, a fixed palette so a run
 * keeps its colour from chart to chart), in the style of the data browser's charts.
 */
final class DashboardCharts {
    /** Colour-blind-safe (Okabe–Ito) first, then darker variants. */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xD55E00), new Color(0x7A7A7A), new Color(0xF0E442), new Color(0x004C7A),
        new Color(0x8C5E00)};
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final DecimalFormat FOUR = new DecimalFormat("0.0000");

    private DashboardCharts() {
    }

    static Color colour(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LABEL);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        if (chart.getPlot() instanceof XYPlot p) {
            style(p);
        } else if (chart.getPlot() instanceof CategoryPlot p) {
            style(p);
        }
    }

    /** Two plots one above the other over one shared domain axis (epochs, K), styled alike. */
    static JFreeChart stacked(String title, NumberAxis domain, XYPlot top, XYPlot bottom) {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(domain);
        plot.setGap(14);
        style(top);
        style(bottom);
        plot.add(top, 1);
        plot.add(bottom, 1);
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        style(chart);
        domain.setLabelFont(LABEL);
        domain.setTickLabelFont(TICK);
        return chart;
    }

    static void style(XYPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(new Color(0xDDDDDD));
        p.setRangeGridlinePaint(new Color(0xDDDDDD));
        p.setOutlineVisible(false);
        for (int i = 0; i < p.getRangeAxisCount(); i++) {
            if (p.getRangeAxis(i) != null) {
                p.getRangeAxis(i).setLabelFont(LABEL);
                p.getRangeAxis(i).setTickLabelFont(TICK);
            }
        }
        if (p.getDomainAxis() != null) {
            p.getDomainAxis().setLabelFont(LABEL);
            p.getDomainAxis().setTickLabelFont(TICK);
        }
    }

    static void style(CategoryPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(new Color(0xDDDDDD));
        p.setOutlineVisible(false);
        p.getRangeAxis().setLabelFont(LABEL);
        p.getRangeAxis().setTickLabelFont(TICK);
        CategoryAxis x = p.getDomainAxis();
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICK);
        x.setMaximumCategoryLabelLines(2);
        x.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        if (p.getRenderer() instanceof BarRenderer r) {
            r.setBarPainter(new StandardBarPainter());
            r.setShadowVisible(false);
            r.setDrawBarOutline(false);
            r.setItemMargin(0.05);
            r.setMaximumBarWidth(0.12);
            r.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{0} · {1}: {2}", FOUR));
            r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.000")));
            r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            r.setDefaultItemLabelsVisible(true);
            for (int i = 0; i < PALETTE.length; i++) {
                r.setSeriesPaint(i, colour(i));
            }
        }
    }

    static BasicStroke line(boolean dashed) {
        return dashed ? new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(2.2f);
    }
}
