package org.recblend.engine.recommend;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes recommendations as CSV with a header: {@code user_id,rank,item_id,score}, external ids,
 * rank 1 = best, one row per recommended item, users in index order.
 */
public final class RecommendationsCsv {
    public static final String[] HEADER = {"user_id", "rank", "item_id", "score"};

    private RecommendationsCsv() {
    }

    public static void write(Recommendations recs, Writer out) throws IOException {
        // not closed: the caller owns the writer
        CSVPrinter csv = printer(out);
        for (int p = 0; p < recs.userCount(); p++) {
            for (Recommendations.Entry e : recs.list(p)) {
                csv.printRecord(recs.users().id(e.user()), e.rank(), recs.items().id(e.item()), e.score());
            }
        }
        csv.flush();
    }

    /** A CSV printer that has written the header. */
    public static CSVPrinter printer(Writer out) throws IOException {
        return new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
    }

    /** Writes to a file in UTF-8, through a temporary file, so a failed export leaves no half file. */
    public static void write(Recommendations recs, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(recs, w);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
