package org.recblend.results.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.recblend.results.ReportData;
import org.recblend.store.ProjectStore;

/**
 * Writes the report of one run, or the comparison of two, as HTML (charts as PNG files beside it,
 * so the page opens in any browser and the images can be reused) and as PDF (the same tables and
 * charts, through {@link ReportPdf}). Each file is written under a temporary name and moved into
 * place, so a failed export never leaves half a report behind.
 */
public final class ReportExporter {
    public static final String HTML = "report.html";
    public static final String CURVE_PNG = "learning-curve.png";
    public static final String BARS_PNG = "metrics.png";

    private ReportExporter() {
    }

    /**
     * Writes {@value #HTML} and its chart images into {@code dir} (created when missing).
     *
     * @return the HTML file
     * @throws IllegalArgumentException when a run id is unknown or none is given
     */
    public static Path writeHtml(ProjectStore store, List<Integer> runIds, Path dir) throws IOException {
        ReportData data = ReportData.load(store, runIds);
        Files.createDirectories(dir);
        Map<String, String> images = new LinkedHashMap<>();
        for (Map.Entry<String, JFreeChart> e : charts(data).entrySet()) {
            writePng(ReportCharts.image(e.getValue()), dir.resolve(e.getKey()));
            images.put(e.getKey(), e.getValue().getTitle().getText());
        }
        Path html = dir.resolve(HTML);
        atomically(html, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(html(data, images));
            }
        });
        return html;
    }

    /**
     * Writes the report as one PDF file.
     *
     * @throws IllegalArgumentException when a run id is unknown or none is given
     */
    public static Path writePdf(ProjectStore store, List<Integer> runIds, Path file) throws IOException {
        ReportData data = ReportData.load(store, runIds);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Map<String, BufferedImage> images = new LinkedHashMap<>();
        charts(data).forEach((name, chart) -> images.put(name, ReportCharts.pageImage(chart)));
        atomically(file, tmp -> ReportPdf.write(data, title(data), images.values(), tmp));
        return file;
    }

    /** The charts a report has, by file name: the learning curve only when a run trained with a curve. */
    static Map<String, JFreeChart> charts(ReportData data) {
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        JFreeChart curve = ReportCharts.learningCurve(data);
        if (curve != null) {
            charts.put(CURVE_PNG, curve);
        }
        if (data.runs().stream().anyMatch(r -> !r.evaluations().isEmpty())) {
            charts.put(BARS_PNG, ReportCharts.metricBars(data));
        }
        return charts;
    }

    static String title(ReportData data) {
        List<ReportData.RunReport> runs = data.runs();
        if (runs.size() == 1) {
            return "Run report: " + runs.get(0).label();
        }
        if (runs.size() == 2) {
            return "Comparison: " + runs.get(0).label() + " vs " + runs.get(1).label();
        }
        return "Comparison of " + runs.size() + " runs";
    }

    private static String html(ReportData data, Map<String, String> images) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(title(data))).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:32px auto;max-width:1040px;color:#1f2933}\n")
                .append("h1{color:#1f3a5f;margin-bottom:4px}h2{color:#1f3a5f;margin-top:32px}.muted{color:#5b6b7b}\n")
                .append("table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d9e0e7;padding:6px 10px;text-align:right}\n")
                .append("th{background:#f0f3f6}td:first-child,th:first-child,td.text{text-align:left}td.best{font-weight:bold;background:#eaf5ee}\n")
                .append("img{max-width:100%;border:1px solid #d9e0e7;margin:8px 0}\n</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(esc(title(data))).append("</h1>\n<p class=\"muted\">Written by RecBlend Workbench on ")
                .append(esc(OffsetDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))).append("</p>\n");
        sb.append("<h2>Runs</h2>\n").append(table(ReportTables.runs(data)));
        sb.append("<h2>Metrics</h2>\n");
        ReportTables.Table metrics = ReportTables.metrics(data);
        if (metrics.rows().isEmpty()) {
            sb.append("<p>No evaluation was stored for these runs.</p>\n");
        } else {
            sb.append("<p class=\"muted\">Computed on the held-out test interactions; the best value of each row is marked.</p>\n")
                    .append(table(metrics));
        }
        String comparison = ReportTables.comparison(data);
        if (!comparison.isEmpty()) {
            sb.append("<h2>Paired comparison</h2>\n<p>").append(esc(comparison)).append("</p>\n");
        }
        if (!images.isEmpty()) {
            sb.append("<h2>Charts</h2>\n");
            images.forEach((file, title) -> sb.append("<figure><img src=\"").append(esc(file)).append("\" alt=\"").append(esc(title))
                    .append("\" width=\"").append(ReportCharts.WIDTH).append("\"><figcaption class=\"muted\">").append(esc(title))
                    .append("</figcaption></figure>\n"));
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static String table(ReportTables.Table t) {
        StringBuilder sb = new StringBuilder("<table>\n<tr>");
        t.header().forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
        sb.append("</tr>\n");
        for (int r = 0; r < t.rows().size(); r++) {
            sb.append("<tr>");
            List<String> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                sb.append(t.best().get(r).get(c) ? "<td class=\"best\">" : ReportPdf.numeric(row.get(c)) ? "<td>" : "<td class=\"text\">").append(esc(row.get(c))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void writePng(BufferedImage image, Path file) throws IOException {
        atomically(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("No PNG writer in this Java runtime");
            }
        });
    }

    @FunctionalInterface
    interface FileWork {
        void write(Path tmp) throws IOException;
    }

    static void atomically(Path file, FileWork work) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            work.write(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
