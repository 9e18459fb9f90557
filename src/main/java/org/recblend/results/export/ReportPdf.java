package org.recblend.results.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.recblend.results.ReportData;

/**
 * The PDF form of the report, drawn with PDFBox on A4: title, the runs table, the metrics table,
 * the paired comparison and the chart images scaled to the page width, starting a new page
 * whenever the next block does not fit. Text is set in Liberation Sans, the font PDFBox carries in
 * its own jar, embedded as a subset: it covers Latin, Greek and Cyrillic, so names such as
 * "Müller" or "Ελένη" print as they are; characters it has no glyph for (CJK) print as '?'. Bold is
 * drawn by stroking the regular glyphs, since PDFBox ships no bold face.
 */
final class ReportPdf {
    private static final float MARGIN = 48;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /** A face: the embedded font, drawn plain or bold. */
    private record Face(PDFont font, boolean bold) {
    }

    private final Face regular;
    private final Face bold;

    private final PDDocument doc;
    private PDPageContentStream cs;
    private float y;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private ReportPdf(PDDocument doc) throws IOException {
        this.doc = doc;
        try (var in = ReportPdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IOException("The PDF font " + FONT + " is missing from the PDFBox jar");
            }
            PDFont font = PDType0Font.load(doc, in, true);
            regular = new Face(font, false);
            bold = new Face(font, true);
        }
    }

    static void write(ReportData data, String title, Collection<BufferedImage> images, Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            ReportPdf pdf = new ReportPdf(doc);
            pdf.newPage();
            pdf.text(title, pdf.bold, 17, 0.12f, 0.23f, 0.37f);
            pdf.y -= 6;
            pdf.heading("Runs");
            pdf.table(ReportTables.runs(data));
            pdf.heading("Metrics");
            ReportTables.Table metrics = ReportTables.metrics(data);
            if (metrics.rows().isEmpty()) {
                pdf.paragraph("No evaluation was stored for these runs.");
            } else {
                pdf.table(metrics);
            }
            String comparison = ReportTables.comparison(data);
            if (!comparison.isEmpty()) {
                pdf.heading("Paired comparison");
                pdf.paragraph(comparison);
            }
            if (!images.isEmpty()) {
                pdf.heading("Charts");
                for (BufferedImage image : images) {
                    pdf.image(image);
                }
            }
            pdf.cs.close();
            doc.save(file.toFile());
        }
    }

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void ensure(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void text(String s, Face face, float size, float r, float g, float b) throws IOException {
        ensure(size * 1.4f);
        y -= size * 1.2f;
        cs.beginText();
        cs.setNonStrokingColor(r, g, b);
        cs.setStrokingColor(r, g, b);
        begin(face, size);
        cs.newLineAtOffset(MARGIN, y);
        cs.showText(safe(face.font(), s));
        cs.endText();
        cs.setNonStrokingColor(0f, 0f, 0f);
        y -= size * 0.3f;
    }

    private void heading(String s) throws IOException {
        y -= 10;
        ensure(60);
        text(s, bold, 13, 0.12f, 0.23f, 0.37f);
    }

    private void paragraph(String s) throws IOException {
        float size = 10;
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (regular.font().getStringWidth(safe(regular.font(), next)) / 1000 * size > width && line.length() > 0) {
                text(line.toString(), regular, size, 0, 0, 0);
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(next);
            }
        }
        if (line.length() > 0) {
            text(line.toString(), regular, size, 0, 0, 0);
        }
    }

    /** A grid: the first column takes what it needs, the others share the rest. */
    private void table(ReportTables.Table t) throws IOException {
        int cols = t.header().size();
        float size = cols > 5 ? 8 : 9;
        float rowHeight = size * 1.9f;
        float first = Math.min(width * 0.3f, Math.max(60, widest(t, 0, size) + 10));
        float other = (width - first) / Math.max(1, cols - 1);
        drawRow(t.header(), null, first, other, size, rowHeight, true);
        for (int r = 0; r < t.rows().size(); r++) {
            drawRow(t.rows().get(r), t.best().get(r), first, other, size, rowHeight, false);
        }
        y -= 4;
    }

    private float widest(ReportTables.Table t, int col, float size) throws IOException {
        PDFont font = regular.font();
        float w = font.getStringWidth(safe(font, t.header().get(col))) / 1000 * size;
        for (List<String> row : t.rows()) {
            w = Math.max(w, font.getStringWidth(safe(font, row.get(col))) / 1000 * size);
        }
        return w;
    }

    private void drawRow(List<String> cells, List<Boolean> best, float first, float other, float size, float h, boolean header)
            throws IOException {
        ensure(h);
        float x = MARGIN;
        for (int c = 0; c < cells.size(); c++) {
            float w = c == 0 ? first : other;
            boolean mark = best != null && best.get(c);
            if (header || mark) {
                cs.setNonStrokingColor(header ? 0.94f : 0.92f, header ? 0.95f : 0.96f, header ? 0.96f : 0.93f);
                cs.addRect(x, y - h, w, h);
                cs.fill();
            }
            cs.setStrokingColor(0.85f, 0.88f, 0.91f);
            cs.setLineWidth(0.5f);
            cs.addRect(x, y - h, w, h);
            cs.stroke();
            Face face = header || mark ? bold : regular;
            String s = fit(face.font(), cells.get(c), size, w - 8);
            float tw = face.font().getStringWidth(s) / 1000 * size;
            // numbers line up on the right, words on the left
            float tx = c == 0 || !numeric(cells.get(c)) ? x + 4 : x + w - 4 - tw;
            cs.beginText();
            cs.setNonStrokingColor(0f, 0f, 0f);
            cs.setStrokingColor(0f, 0f, 0f);
            begin(face, size);
            cs.newLineAtOffset(tx, y - h + (h - size) / 2 + 1.5f);
            cs.showText(s);
            cs.endText();
            x += w;
        }
        y -= h;
    }

    /** Sets the font of a text object; bold strokes the outline as well as filling it. */
    private void begin(Face face, float size) throws IOException {
        cs.setFont(face.font(), size);
        cs.setRenderingMode(face.bold() ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
        if (face.bold()) {
            cs.setLineWidth(size * 0.04f);
        }
    }

    static boolean numeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == ',' || ch == '-');
    }

    /** The text cut with an ellipsis to fit the cell. */
    private static String fit(PDFont font, String text, float size, float max) throws IOException {
        String s = safe(font, text);
        if (font.getStringWidth(s) / 1000 * size <= max) {
            return s;
        }
        while (s.length() > 1 && font.getStringWidth(s + "...") / 1000 * size > max) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "...";
    }

    private void image(BufferedImage image) throws IOException {
        float h = width * image.getHeight() / image.getWidth();
        ensure(h + 8);
        PDImageXObject x = LosslessFactory.createFromImage(doc, image);
        y -= h;
        cs.drawImage(x, MARGIN, y, width, h);
        y -= 12;
    }

    /** The text with every character the font cannot encode replaced by '?'. */
    static String safe(PDFont font, String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append(cp == 0x00B7 ? "-" : "?");
            }
        });
        return out.toString();
    }
}
