package org.recblend.results.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.results.ReportData;

/** The PDF's text keeps the letters of names beyond basic Latin and marks only what its font cannot draw. */
class ReportPdfTest {
    @TempDir
    Path dir;

    @Test
    void greekCyrillicAndAccentedLettersPrintAsTheyAreAndCjkAsQuestionMarks() throws Exception {
        Path file = dir.resolve("names.pdf");
        ReportPdf.write(new ReportData(List.of(), Optional.empty()), "Müller · Ελένη · Жуков · 東京", List.of(), file);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Müller").contains("Ελένη").contains("Жуков").contains("??").doesNotContain("東京");
            // the font travels with the file, so any reader shows the same letters
            assertThat(doc.getPage(0).getResources().getFontNames()).isNotEmpty();
            assertThat(doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next())
                    .isEmbedded()).isTrue();
        }
    }
}
