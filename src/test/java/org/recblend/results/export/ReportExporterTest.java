package org.recblend.results.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.engine.eval.MetricValue;
import org.recblend.nodes.evaluate.MetricsRepository;
import org.recblend.results.DemoFixture;
import org.recblend.results.ReportData;

/** Reports of the two-run fixture as HTML and PDF: every chart present and decodable, the figures those of the store. */
class ReportExporterTest {
    static DemoFixture fx;
    @TempDir
    Path dir;

    @BeforeAll
    static void fixture() throws Exception {
        fx = DemoFixture.get();
    }

    private static double stored(int run, String name, int k) {
        return new MetricsRepository(fx.store).load(run, "evaluate").stream()
                .filter(m -> m.segment().equals("all") && m.name().equals(name) && m.k() != null && m.k() == k)
                .mapToDouble(MetricValue::value).findFirst().orElseThrow();
    }

    @Test
    void theComparisonHtmlHasEveryChartAndTheStoredFigures() throws Exception {
        Path html = ReportExporter.writeHtml(fx.store, List.of(fx.gatedRun, fx.concatRun), dir.resolve("report"));
        String page = Files.readString(html, StandardCharsets.UTF_8);
        Matcher img = Pattern.compile("<img src=\"([^\"]+)\"").matcher(page);
        List<String> sources = new ArrayList<>();
        while (img.find()) {
            sources.add(img.group(1));
        }
        assertThat(sources).containsExactly(ReportExporter.CURVE_PNG, ReportExporter.BARS_PNG);
        for (String src : sources) {
            Path png = html.getParent().resolve(src);
            assertThat(png).exists();
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(src).isNotNull();
            assertThat(image.getWidth()).isEqualTo(ReportCharts.WIDTH);
            assertThat(distinctColours(image)).as(src + " is a drawn chart, not a blank").isGreaterThan(20);
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.copy(png, Path.of("target", "screenshots", "report-" + src), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(page).contains(">auc</td>").doesNotContain("auc@0");
        assertThat(page).contains("Comparison: " + DemoFixture.GATED + " · run " + fx.gatedRun)
                .contains(ReportTables.format(stored(fx.gatedRun, "ndcg", 10)))
                .contains(ReportTables.format(stored(fx.concatRun, "ndcg", 10)))
                .contains(ReportTables.format(stored(fx.concatRun, "recall", 20)))
                .contains("Wilcoxon signed-rank p = ");
        ReportData data = ReportData.load(fx.store, List.of(fx.gatedRun, fx.concatRun));
        MetricsRepository.Comparison c = new MetricsRepository(fx.store).compare(fx.gatedRun, "evaluate", fx.concatRun, "evaluate",
                "ndcg", 10);
        assertThat(data.comparison().orElseThrow().test().test().pValue()).isEqualTo(c.test().pValue());
        assertThat(data.comparison().get().gainShare() + data.comparison().get().lossShare()).isBetween(0.0, 1.0);
        // no half-written files are left beside the report
        try (var files = Files.list(html.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(ReportExporter.HTML,
                    ReportExporter.CURVE_PNG, ReportExporter.BARS_PNG);
        }
    }

    @Test
    void aSingleRunReportHasItsCurve() throws Exception {
        ReportData data = ReportData.load(fx.store, List.of(fx.gatedRun));
        assertThat(data.comparison()).isEmpty();
        assertThat(data.runs().get(0).curves()).containsKey("hybrid");
        assertThat(data.runs().get(0).curves().get("hybrid")).hasSize(2);
        Path html = ReportExporter.writeHtml(fx.store, List.of(fx.gatedRun), dir);
        assertThat(Files.readString(html)).contains("Run report: " + DemoFixture.GATED).doesNotContain("Paired comparison");
    }

    @Test
    void thePdfRendersWithTablesAndCharts() throws Exception {
        Files.createDirectories(Path.of("target", "screenshots"));
        Path pdf = ReportExporter.writePdf(fx.store, List.of(fx.gatedRun, fx.concatRun), dir.resolve("report.pdf"));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isBetween(1, 4);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Comparison").contains("ndcg@10").contains(ReportTables.format(stored(fx.gatedRun, "ndcg", 10)))
                    .contains("Wilcoxon");
            long images = 0;
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    images += page.getResources().isImageXObject(name) ? 1 : 0;
                }
            }
            assertThat(images).isEqualTo(2);
        }
        Files.copy(pdf, Path.of("target", "screenshots", "report.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path png = renderFirstPage(pdf);
        BufferedImage page = ImageIO.read(png.toFile());
        assertThat(page).isNotNull();
        assertThat(distinctColours(page)).isGreaterThan(20);
    }

    /** Page 1 as PNG in target/screenshots: with pdftoppm when installed (the check), else PDFBox's renderer. */
    static Path renderFirstPage(Path pdf) throws Exception {
        Path out = Path.of("target", "screenshots");
        Path target = out.resolve("report-page1.png");
        boolean poppler = false;
        try {
            Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf.toString(),
                    out.resolve("report-page1").toString()).redirectErrorStream(true).start();
            poppler = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            poppler = false;
        }
        if (!poppler) {
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 80), "png", target.toFile());
            }
        }
        return target;
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    @Test
    void anUnknownRunOrNoRunIsRefused() {
        assertThatThrownBy(() -> ReportExporter.writeHtml(fx.store, List.of(9999), dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no run 9999");
        assertThatThrownBy(() -> ReportExporter.writePdf(fx.store, List.of(), dir.resolve("x.pdf")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Choose one run");
        assertThat(new File(dir.toFile(), "x.pdf")).doesNotExist();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
