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

    private final XYSeriesCollection data = new XYSeriesCollection();
    private final JFreeChart chart;
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    /** The points of each series, by series index, so a click finds its item. */
    private final List<List<ItemMapData.Point>> pointsBySeries = new ArrayList<>();

    ItemMapChart() {
        NumberAxis x = new NumberAxis("first principal component");
        NumberAxis y = new NumberAxis("second principal component");
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
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
            data.removeAllSeries();
            pointsBySeries.clear();
            if (map == null) {
                return;
            }
            boolean focus = !matches.isEmpty() || selected != null;
            Map<String, List<ItemMapData.Point>> groups = new LinkedHashMap<>();
            map.groups().forEach(g -> groups.put(g, new ArrayList<>()));
            map.points().forEach(p -> groups.get(p.colour()).add(p));
            int s = 0;
            for (Map.Entry<String, List<ItemMapData.Point>> g : groups.entrySet()) {
                boolean other = g.getKey().equals(ItemMapData.OTHER);
                add(g.getKey() + " (" + g.getValue().size() + ")", g.getValue());
                Color c = other ? OTHER : PALETTE[s % PALETTE.length];
                // while something is picked out, the rest steps back
                renderer.setSeriesPaint(s, focus ? new Color(c.getRed(), c.getGreen(), c.getBlue(), 70) : c);
                renderer.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
                renderer.setSeriesShapesFilled(s, true);
                s++;
            }
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
        data.addSeries(series);
        pointsBySeries.add(points);
    }

    /** The item drawn as item {@code item} of series {@code series}, or null. */
    ItemMapData.Point point(int series, int item) {
        if (series < 0 || series >= pointsBySeries.size() || item < 0 || item >= pointsBySeries.get(series).size()) {
            return null;
        }
        return pointsBySeries.get(series).get(item);
    }

    /** How many points a series draws (tests). */
    public int count(String seriesPrefix) {
        for (int s = 0; s < data.getSeriesCount(); s++) {
            if (data.getSeriesKey(s).toString().startsWith(seriesPrefix)) {
                return data.getItemCount(s);
            }
        }
        return -1;
    }

    XYSeriesCollection data() {
        return data;
    }

    private String tooltip(int series, int item) {
        ItemMapData.Point p = point(series, item);
        // called for every point at every redraw: plain concatenation, String.format cost a tenth of a second on 5,000 points
        return p == null ? null : p.id() + " · " + p.title() + " (" + p.category() + ")";
    }
}
