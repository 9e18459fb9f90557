package org.recblend.ui.inspector.items;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.recblend.results.ItemMapData;

/**
 * The item map as a JFreeChart scatter plot: one series per colour group (the biggest categories,
 * then "other"), then the search matches (ringed) and the selected item with its neighbours on top.
 * Series are built in one batch with notification off, so a redraw happens once per change.
 * The groups are drawn as square dots without chart entities: thousands of round shapes, each with
 * an entity and a tooltip, held the JavaFX thread and its renderer for a sixth of a second per
 * redraw. Hover and click find their item with {@link #nearest} instead.
 */
public final class ItemMapChart {
    /** Colours a reader can tell apart (Tableau 10), and a quiet grey for "other". */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0x2F4B7C)};
    private static final Color OTHER = new Color(0xC8C8C8);
    public static final String MATCHES = "search matches";
    public static final String NEIGHBOURS = "nearest neighbours";
    public static final String SELECTED = "selected";

    private static final int DOT = 5;

    private final XYSeriesCollection groups = new XYSeriesCollection();
    private final XYSeriesCollection overlays = new XYSeriesCollection();
    private final JFreeChart chart;
    private final XYDotRenderer dots = new XYDotRenderer();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    /** The points of each overlay series, by series index, so a click on one finds its item. */
    private final List<List<ItemMapData.Point>> pointsBySeries = new ArrayList<>();
    private ItemMapData.ItemMap map;

    ItemMapChart() {
        NumberAxis x = new NumberAxis("first principal component");
        NumberAxis y = new NumberAxis("second principal component");
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        dots.setDotWidth(DOT);
        dots.setDotHeight(DOT);
        XYPlot plot = new XYPlot(groups, x, y, dots);
        plot.setDataset(1, overlays);
        plot.setRenderer(1, renderer);
        // the overlays (dataset 1) over the groups
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xEEEEEE));
        plot.setRangeGridlinePaint(new Color(0xEEEEEE));
        plot.setOutlineVisible(false);
        // the first series on top: the selection, neighbours and matches come last and must not be hidden
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        renderer.setDefaultToolTipGenerator((XYToolTipGenerator) (d, s, i) -> tooltip(s, i));
        chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }

    JFreeChart chart() {
        return chart;
    }

    /** Redraws the map: the groups, then matches, neighbours and the selection over them. */
    void show(ItemMapData.ItemMap map, Collection<ItemMapData.Point> matches, ItemMapData.Point selected,
              Collection<ItemMapData.Neighbour> neighbours) {
        chart.setNotify(false);
        try {
            this.map = map;
            groups.removeAllSeries();
            overlays.removeAllSeries();
            pointsBySeries.clear();
            if (map == null) {
                return;
            }
            boolean focus = !matches.isEmpty() || selected != null;
            Map<String, List<ItemMapData.Point>> byColour = new LinkedHashMap<>();
            map.groups().forEach(g -> byColour.put(g, new ArrayList<>()));
            map.points().forEach(p -> byColour.get(p.colour()).add(p));
            int s = 0;
            for (Map.Entry<String, List<ItemMapData.Point>> g : byColour.entrySet()) {
                boolean other = g.getKey().equals(ItemMapData.OTHER);
                XYSeries series = new XYSeries(g.getKey() + " (" + g.getValue().size() + ")", false, true);
                g.getValue().forEach(p -> series.add(p.x(), p.y(), false));
                groups.addSeries(series);
                Color c = other ? OTHER : PALETTE[s % PALETTE.length];
                // while something is picked out, the rest steps back
                dots.setSeriesPaint(s, focus ? new Color(c.getRed(), c.getGreen(), c.getBlue(), 70) : c);
                s++;
            }
            s = 0;
            List<ItemMapData.Point> near = new ArrayList<>();
            for (ItemMapData.Neighbour n : neighbours) {
                map.point(n.id()).ifPresent(near::add);
            }
            overlay(s++, MATCHES, new ArrayList<>(matches), new Ellipse2D.Double(-6, -6, 12, 12), new Color(0xD62728), false);
            overlay(s++, NEIGHBOURS, near, new Ellipse2D.Double(-7, -7, 14, 14), Color.BLACK, false);
            overlay(s, SELECTED, selected == null ? List.of() : List.of(selected), new Rectangle2D.Double(-7, -7, 14, 14),
                    Color.BLACK, true);
        } finally {
            chart.setNotify(true);
        }
    }

    private void overlay(int s, String name, List<ItemMapData.Point> points, java.awt.Shape shape, Color colour, boolean filled) {
        add(name, points);
        renderer.setSeriesPaint(s, colour);
        renderer.setSeriesShape(s, shape);
        renderer.setSeriesShapesFilled(s, filled);
        renderer.setSeriesOutlineStroke(s, new BasicStroke(2f));
        renderer.setUseOutlinePaint(false);
        renderer.setDrawOutlines(true);
        renderer.setSeriesVisibleInLegend(s, !points.isEmpty());
    }

    private void add(String name, List<ItemMapData.Point> points) {
        XYSeries series = new XYSeries(name, false, true);
        points.forEach(p -> series.add(p.x(), p.y(), false));
        overlays.addSeries(series);
        pointsBySeries.add(points);
    }

    /**
     * The item nearest a point of the map, in the map's own coordinates, if it lies within
     * {@code maxDx} and {@code maxDy} of it (the caller turns a few pixels into those).
     */
    ItemMapData.Point nearest(double x, double y, double maxDx, double maxDy) {
        if (map == null) {
            return null;
        }
        ItemMapData.Point best = null;
        double bestD = Double.MAX_VALUE;
        for (ItemMapData.Point p : map.points()) {
            double dx = (p.x() - x) / maxDx;
            double dy = (p.y() - y) / maxDy;
            double d = dx * dx + dy * dy;
            if (d <= 1 && d < bestD) {
                bestD = d;
                best = p;
            }
        }
        return best;
    }

    /**
     * The item under a pixel of the chart (within {@code radius} pixels), given the data area the
     * chart was last drawn in.
     */
    ItemMapData.Point at(double px, double py, Rectangle2D dataArea, double radius) {
        if (dataArea == null || !dataArea.contains(px, py)) {
            return null;
        }
        XYPlot plot = chart.getXYPlot();
        var xAxis = plot.getDomainAxis();
        var yAxis = plot.getRangeAxis();
        double x = xAxis.java2DToValue(px, dataArea, plot.getDomainAxisEdge());
        double y = yAxis.java2DToValue(py, dataArea, plot.getRangeAxisEdge());
        double dx = Math.abs(xAxis.java2DToValue(px + radius, dataArea, plot.getDomainAxisEdge()) - x);
        double dy = Math.abs(yAxis.java2DToValue(py + radius, dataArea, plot.getRangeAxisEdge()) - y);
        return nearest(x, y, dx, dy);
    }

    /** The text shown when the pointer rests on an item. */
    static String tooltip(ItemMapData.Point p) {
        return p.id() + " · " + p.title() + " (" + p.category() + ")";
    }

    /** The overlay item drawn as item {@code item} of overlay series {@code series}, or null. */
    ItemMapData.Point point(int series, int item) {
        if (series < 0 || series >= pointsBySeries.size() || item < 0 || item >= pointsBySeries.get(series).size()) {
            return null;
        }
        return pointsBySeries.get(series).get(item);
    }

    /** How many points a series draws (tests). */
    public int count(String seriesPrefix) {
        for (XYSeriesCollection data : List.of(groups, overlays)) {
            for (int s = 0; s < data.getSeriesCount(); s++) {
                if (data.getSeriesKey(s).toString().startsWith(seriesPrefix)) {
                    return data.getItemCount(s);
                }
            }
        }
        return -1;
    }

    private String tooltip(int series, int item) {
        ItemMapData.Point p = point(series, item);
        return p == null ? null : tooltip(p);
    }
}
