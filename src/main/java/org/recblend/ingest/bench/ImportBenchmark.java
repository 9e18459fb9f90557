package org.recblend.ingest.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.ColumnMapping;
import org.recblend.ingest.ImportException;
import org.recblend.ingest.ImportResult;
import org.recblend.ingest.ImportSpec;
import org.recblend.ingest.Importer;
import org.recblend.ingest.read.FileFormat;
import org.recblend.store.ProjectException;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/**
 * Compares our importer with H2's own bulk load on the same generated file: {@code rows}
 * interactions (user, item, rating, timestamp) of 10,000 users and 5,000 items, seeded. Ours
 * parses, checks, maps external ids and writes in one transaction; H2's is
 * {@code INSERT INTO interactions ... SELECT ... FROM CSVREAD(...)}, also one statement. Both run
 * once on a smaller file first so that neither pays for warming up the JVM alone, then twice on the
 * full file in alternating order; the best time of each is compared (the machine is shared).
 */
public final class ImportBenchmark {
    /** Users and items of the generated file. */
    public static final int USERS = 10_000;
    public static final int ITEMS = 5_000;
    private static final long SEED = 20_240_601L;
    private static final int WARM_UP_ROWS = 200_000;
    private static final int ROUNDS = 2;

    /**
     * The figures of one run.
     *
     * @param rows       rows in the file
     * @param fileBytes  size of the file
     * @param oursMillis our importer, including the commit
     * @param h2Millis   H2's CSVREAD load, including the commit
     * @param stored     rows our importer stored (equals rows)
     */
    public record Result(int rows, long fileBytes, long oursMillis, long h2Millis, long stored) {
        /** Our time over H2's; the target is at most 1.5. */
        public double ratio() {
            return (double) oursMillis / Math.max(1, h2Millis);
        }

        public boolean meetsTarget() {
            return ratio() <= 1.5;
        }
    }

    private ImportBenchmark() {
    }

    /** Generates the file in {@code workDir}, runs both loads into fresh projects there, prints and returns the figures. */
    public static Result run(Path workDir, int rows, PrintStream out) throws IOException, ProjectException, ImportException {
        Files.createDirectories(workDir);
        Path csv = workDir.resolve("interactions-" + rows + ".csv");
        out.printf(Locale.ROOT, "Generating %,d interactions (%,d users x %,d items, seed %d) ...%n", rows, USERS, ITEMS, SEED);
        generate(csv, rows, SEED);
        Path warm = workDir.resolve("warm-up.csv");
        generate(warm, Math.min(WARM_UP_ROWS, Math.max(1, rows / 5)), SEED + 1);
        long bytes = Files.size(csv);
        try {
            out.println("Warming up both loaders on a small file ...");
            ours(workDir, warm);
            h2(workDir, warm);
            long bestOurs = Long.MAX_VALUE;
            long bestH2 = Long.MAX_VALUE;
            long stored = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                // alternate the order, so neither always runs on a JVM the other has just warmed
                boolean oursFirst = round % 2 == 1;
                long[] o = null;
                long h = 0;
                if (oursFirst) {
                    o = ours(workDir, csv);
                }
                h = h2(workDir, csv);
                if (!oursFirst) {
                    o = ours(workDir, csv);
                }
                out.printf(Locale.ROOT, "round %d: RecBlend importer %,d ms, H2 CSVREAD %,d ms%n", round, o[0], h);
                bestOurs = Math.min(bestOurs, o[0]);
                bestH2 = Math.min(bestH2, h);
                stored = o[1];
            }
            Result r = new Result(rows, bytes, bestOurs, bestH2, stored);
            print(r, out);
            return r;
        } finally {
            Files.deleteIfExists(warm);
            Files.deleteIfExists(csv);
        }
    }

    private static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "rows: %,d (%.1f MB), %d processors, Java %s, best of %d rounds%n", r.rows(), r.fileBytes() / 1e6,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), ROUNDS);
        out.printf(Locale.ROOT, "RecBlend importer : %,8d ms  (%,.0f rows/s; parses, checks, maps ids, one transaction)%n",
                r.oursMillis(), r.rows() * 1000.0 / Math.max(1, r.oursMillis()));
        out.printf(Locale.ROOT, "H2 CSVREAD        : %,8d ms  (%,.0f rows/s)%n", r.h2Millis(), r.rows() * 1000.0 / Math.max(1, r.h2Millis()));
        out.printf(Locale.ROOT, "ratio ours/H2     : %.2f  (target <= 1.50: %s)%n", r.ratio(), r.meetsTarget() ? "met" : "NOT met");
    }

    /** Writes a seeded interactions CSV with a header: user_id,item_id,rating,timestamp. */
    public static void generate(Path file, int rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long start = 1_577_836_800L; // 2020-01-01
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("user_id,item_id,rating,timestamp\n");
            StringBuilder line = new StringBuilder(48);
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                line.append(1 + random.nextInt(USERS)).append(',')
                        .append(1 + random.nextInt(ITEMS)).append(',')
                        .append(1 + random.nextInt(5)).append(',')
                        .append(start + random.nextInt(365 * 86_400)).append('\n');
                w.append(line);
            }
        }
    }

    private static ImportSpec spec() {
        return ImportSpec.of("bench", "interactions", SourceKind.BEHAVIOUR, FileFormat.csv(), List.of(
                ColumnMapping.named("user_id", ColumnRole.USER_ID), ColumnMapping.named("item_id", ColumnRole.ITEM_ID),
                ColumnMapping.named("rating", ColumnRole.RATING), ColumnMapping.named("timestamp", ColumnRole.TIMESTAMP)));
    }

    /** Our import into a new project: {millis, rows stored}. */
    private static long[] ours(Path workDir, Path csv) throws ProjectException, ImportException, IOException {
        Path base = workDir.resolve("bench-ours-" + System.nanoTime());
        try (ProjectStore store = ProjectStore.create(base)) {
            long t = System.nanoTime();
            ImportResult r = new Importer(store).run(spec(), csv, TaskMonitor.none());
            return new long[] {(System.nanoTime() - t) / 1_000_000, r.rowsStored()};
        } finally {
            deleteProject(base);
        }
    }

    /** H2's bulk load into a new project's interactions table. */
    private static long h2(Path workDir, Path csv) throws ProjectException, IOException {
        Path base = workDir.resolve("bench-h2-" + System.nanoTime());
        try (ProjectStore store = ProjectStore.create(base); Connection c = store.connection()) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO datasets (id, name) VALUES (1, 'bench')");
                s.executeUpdate("INSERT INTO sources (id, dataset_id, name, kind) VALUES (1, 1, 'interactions', 'BEHAVIOUR')");
            }
            String sql = "INSERT INTO interactions (source_id, user_id, item_id, weight, ts)"
                    + " SELECT 1, CAST(\"USER_ID\" AS INT), CAST(\"ITEM_ID\" AS INT), CAST(\"RATING\" AS DOUBLE PRECISION),"
                    + " CAST(\"TIMESTAMP\" AS BIGINT) FROM CSVREAD('"
                    + csv.toAbsolutePath().toString().replace("'", "''") + "', NULL, 'charset=UTF-8')";
            long t = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.executeUpdate(sql); // CSVREAD takes the file name as a literal only
            }
            return (System.nanoTime() - t) / 1_000_000;
        } catch (SQLException e) {
            throw new IOException("H2's CSVREAD load failed: " + e.getMessage(), e);
        } finally {
            deleteProject(base);
        }
    }

    private static void deleteProject(Path base) throws IOException {
        Path parent = base.toAbsolutePath().getParent();
        String name = base.getFileName().toString();
        try (Stream<Path> files = Files.list(parent)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(name + ".")).toList()) {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> tree = Files.walk(p)) {
                        tree.sorted(Comparator.reverseOrder()).forEach(ImportBenchmark::deleteQuietly);
                    }
                } else {
                    deleteQuietly(p);
                }
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
