package org.recblend.ui.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a dashboard chart to a file: PNG through JFreeChart itself, SVG through JFreeSVG (the chart
 * draws itself onto an SVG canvas, so lines and text stay vectors and scale in a report). Both are
 * plain Java2D work, safe off the JavaFX thread as long as the chart is not changed meanwhile.
 */
public final class ChartExport {
    /** The size charts are exported at when the caller gives none: wide enough for a report page. */
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;

    private ChartExport() {
    }

    public static Path png(JFreeChart chart, Path file, int width, int height) throws IOException {
        createParent(file);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
        return file;
    }

    public static Path svg(JFreeChart chart, Path file, int width, int height) throws IOException {
        createParent(file);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        // the bare <svg> element: no DOCTYPE pointing at w3.org that an XML reader would try to fetch
        Files.writeString(file, g.getSVGElement(), java.nio.charset.StandardCharsets.UTF_8);
        return file;
    }

    /** PNG or SVG by the file's extension (anything but .svg is PNG). */
    public static Path write(JFreeChart chart, Path file) throws IOException {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg")
                ? svg(chart, file, WIDTH, HEIGHT) : png(chart, file, WIDTH, HEIGHT);
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
