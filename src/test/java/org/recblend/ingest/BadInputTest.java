package org.recblend.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.recblend.ingest.ProjectFixture.count;
import static org.recblend.ingest.ProjectFixture.rows;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.read.FileAccess;
import org.recblend.ingest.read.FileFormat;
import org.recblend.store.ProjectStore;
import org.recblend.task.CancellableMonitor;
import org.recblend.task.TaskMonitor;

/**
 * Every kind of bad input a user can give: the message names file, line and column, and the
 * project is unchanged (ABORT) or holds exactly the good rows plus a reject report (SKIP).
 */
class BadInputTest {
    @TempDir
    Path dir;
    private ProjectStore store;
    private Map<String, String> before;

    @BeforeEach
    void projectWithOneSource() throws Exception {
        store = ProjectFixture.create(dir);
        Path earlier = write("earlier.csv", "user,item,rating,ts\nu1,i1,4,100\nu2,i2,5,200\n");
        new Importer(store).run(spec("earlier"), earlier, TaskMonitor.none());
        before = ProjectFixture.fingerprint(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static ImportSpec spec(String source) {
        return ImportSpec.of("shop", source, SourceKind.BEHAVIOUR, FileFormat.csv(), List.of(
                ColumnMapping.named("user", ColumnRole.USER_ID), ColumnMapping.named("item", ColumnRole.ITEM_ID),
                ColumnMapping.named("rating", ColumnRole.RATING), ColumnMapping.named("ts", ColumnRole.TIMESTAMP)));
    }

    private ImportException abort(Path file) {
        return abort(spec("bad").withOnError(ErrorPolicy.ABORT), file);
    }

    private ImportException abort(ImportSpec spec, Path file) {
        ImportException e = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> new Importer(store).run(spec, file, TaskMonitor.none()));
        assertUnchanged();
        return e;
    }

    private void assertUnchanged() {
        assertThat(ProjectFixture.fingerprint(store)).isEqualTo(before);
    }

    private ImportResult skip(Path file) throws ImportException {
        return new Importer(store).run(spec("bad"), file, TaskMonitor.none());
    }

    private List<RejectReport.Reject> rejects(ImportResult r) {
        return RejectReport.of(store, r.sourceId()).page(0, 100);
    }

    private List<String> storedRows(ImportResult r) {
        return rows(store, "SELECT u.ext_id, i.ext_id, x.weight, x.ts FROM interactions x JOIN users u ON u.id = x.user_id"
                + " JOIN items i ON i.id = x.item_id WHERE x.source_id = " + r.sourceId() + " ORDER BY x.ts");
    }

    // ---- truncated rows

    @Test
    void truncatedRowIsRejectedWithItsLineAndRawText() throws Exception {
        Path f = write("bad.csv", "user,item,rating,ts\nu1,i3,3,300\nu3,i3,2,\"400\n");
        ImportResult r = skip(f);
        assertThat(storedRows(r)).containsExactly("u1|i3|3.0|300");
        assertThat(rejects(r)).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.reason()).contains("truncated");
            assertThat(x.rawText()).isEqualTo("u3,i3,2,\"400");
        });
        assertThat(SourceInfo.find(store, "shop", "bad")).get().satisfies(s -> {
            assertThat(s.rowsRead()).isEqualTo(2);
            assertThat(s.rowsAccepted()).isEqualTo(1);
            assertThat(s.rowsRejected()).isEqualTo(1);
        });
    }

    @Test
    void truncatedRowAbortsNamingFileAndLine() throws Exception {
        Path f = write("bad.csv", "user,item,rating,ts\nu1,i3,3,300\nu3,i3,2,\"400\n");
        ImportException e = abort(f);
        assertThat(e.getMessage()).startsWith("bad.csv, line 3: ").contains("truncated");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.file()).isEqualTo(f);
    }

    // ---- wrong column counts

    @Test
    void wrongColumnCountIsRejected() throws Exception {
        Path f = write("bad.csv", "user,item,rating,ts\nu1,i3,3,300\nu3,i3,2\nu4,i4,1,500,extra\nu5,i5,5,600\n");
        ImportResult r = skip(f);
        assertThat(storedRows(r)).containsExactly("u1|i3|3.0|300", "u5|i5|5.0|600");
        assertThat(rejects(r)).extracting(RejectReport.Reject::line, RejectReport.Reject::reason, RejectReport.Reject::rawText)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "expected 4 columns, found 3", "u3,i3,2"),
                        org.assertj.core.groups.Tuple.tuple(4L, "expected 4 columns, found 5", "u4,i4,1,500,extra"));
    }

    @Test
    void wrongColumnCountAborts() throws Exception {
        Path f = write("bad.csv", "user,item,rating,ts\nu1,i3,3,300\nu3,i3,2\n");
        assertThat(abort(f).getMessage()).startsWith("bad.csv, line 3: expected 4 columns, found 3");
    }

    // ---- values

    @Test
    void nonNumericRatingNamesValueColumnAndLine() throws Exception {
        Path f = write("bad.csv", "user,item,rating,ts\nu1,i3,3,300\nu3,i3,abc,400\n");
        ImportResult r = skip(f);
        assertThat(storedRows(r)).containsExactly("u1|i3|3.0|300");
        assertThat(rejects(r)).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.column()).isEqualTo(3);
            assertThat(x.columnName()).isEqualTo("rating");
            assertThat(x.reason()).isEqualTo("'abc' in column 3 (rating) is not a number");
        });
        before = ProjectFixture.fingerprint(store);
        ImportException e = abort(spec("bad2").withOnError(ErrorPolicy.ABORT), write("bad2.csv", "user,item,rating,ts\nu3,i3,abc,400\n"));
        assertThat(e.getMessage()).startsWith("bad2.csv, line 2: 'abc' in column 3 (rating) is not a number");
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.columnName()).isEqualTo("rating");
    }

    @Test
    void badTimestampEmptyIdAndUnknownLookupKeyAreRejected() throws Exception {
        Path codes = write("codes.tsv", "i1\tApple\ni2\tPear\n");
        Path f = write("bad.csv", "user,item,rating,ts\nu1,i1,3,300\nu2,i2,4,yesterday\n,i1,1,100\nu3,i9,2,100\n");
        ImportSpec s = spec("bad").withColumns(List.of(
                ColumnMapping.named("user", ColumnRole.USER_ID),
                ColumnMapping.named("item", ColumnRole.ITEM_ID).withLookup(ValueLookup.byIndex("codes.tsv", FileFormat.tsv(false), 0, 1)),
                ColumnMapping.named("rating", ColumnRole.RATING), ColumnMapping.named("ts", ColumnRole.TIMESTAMP)));
        ImportResult r = new Importer(store).run(s, f, TaskMonitor.none());
        assertThat(storedRows(r)).containsExactly("u1|Apple|3.0|300");
        assertThat(rejects(r)).extracting(RejectReport.Reject::line, RejectReport.Reject::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "'yesterday' in column 4 (ts) is not a time (expected epoch seconds or an ISO date)"),
                org.assertj.core.groups.Tuple.tuple(4L, "empty user id in column 1 (user)"),
                org.assertj.core.groups.Tuple.tuple(5L, "'i9' in column 2 (item) is not in the lookup table codes.tsv"));
        assertThat(codes).exists();
    }

    // ---- whole-file problems

    @Test
    void unknownEncoding() throws Exception {
        Path f = write("bad.csv", "user,item,rating,ts\nu1,i3,3,300\n");
        ImportException e = abort(spec("bad").withFormat(FileFormat.csv().withEncoding("LATIN-99")), f);
        assertThat(e.getMessage()).contains("Unknown encoding 'LATIN-99'").contains("bad.csv");
        assertThat(e.file()).isEqualTo(f);
    }

    @Test
    void emptyFileAndHeaderWithoutRows() throws Exception {
        assertThat(abort(write("empty.csv", "")).getMessage()).isEqualTo("empty.csv is empty");
        assertThat(abort(write("header.csv", "user,item,rating,ts\n")).getMessage()).isEqualTo("header.csv has a header but no data rows");
    }

    @Test
    void missingFileAndFolder() throws Exception {
        Path missing = dir.resolve("nowhere.csv");
        assertThat(abort(missing).getMessage()).isEqualTo("nowhere.csv does not exist (" + missing.toAbsolutePath() + ")");
        assertThat(abort(dir).getMessage()).startsWith(dir.getFileName() + " is a folder, not a file");
    }

    @Test
    void binaryFile() throws Exception {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        bytes[10] = 0;
        Path f = dir.resolve("picture.csv");
        Files.write(f, bytes);
        assertThat(abort(f).getMessage()).isEqualTo("picture.csv is not a text file (it contains binary data such as NUL or control bytes)");
    }

    @Test
    void duplicateHeaderNames() throws Exception {
        Path f = write("bad.csv", "user,item,rating,rating\nu1,i3,3,300\n");
        ImportException e = abort(f);
        assertThat(e.getMessage()).startsWith("bad.csv, line 1: the header names two columns 'rating' (columns 3 and 4)");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(4);
    }

    @Test
    void missingRequiredRole() throws Exception {
        Path f = write("bad.csv", "user,item,rating,ts\nu1,i3,3,300\n");
        ImportSpec noItem = spec("bad").withColumns(List.of(ColumnMapping.named("user", ColumnRole.USER_ID),
                ColumnMapping.named("rating", ColumnRole.RATING)));
        assertThat(abort(noItem, f).getMessage()).isEqualTo("The import of bad.csv cannot start: A BEHAVIOUR source needs"
                + " columns with the roles [USER_ID, ITEM_ID]; no column has the role ITEM_ID");
    }

    @Test
    void mappedColumnThatDoesNotExist() throws Exception {
        Path f = write("bad.csv", "user,item,rating,ts\nu1,i3,3,300\n");
        ImportSpec typo = spec("bad").withColumns(List.of(ColumnMapping.named("user", ColumnRole.USER_ID),
                ColumnMapping.named("itme", ColumnRole.ITEM_ID)));
        assertThat(abort(typo, f).getMessage()).isEqualTo("The ITEM_ID column 'itme' does not exist in bad.csv (columns: user, item, rating, ts)");
        ImportSpec tooFar = ImportSpec.of("shop", "bad", SourceKind.BEHAVIOUR, FileFormat.csv().withHeader(false),
                List.of(ColumnMapping.at(0, ColumnRole.USER_ID), ColumnMapping.at(7, ColumnRole.ITEM_ID)));
        assertThat(abort(tooFar, write("nohead.csv", "u1,i3,3,300\n")).getMessage())
                .isEqualTo("The ITEM_ID column number 8 does not exist: nohead.csv has 4 columns");
    }

    @Test
    void checkReportsTheSameProblemsWithoutImporting() throws Exception {
        Path f = write("bad.csv", "user,item,rating,ts\nu1,i3,3,300\n");
        Importer importer = new Importer(store);
        assertThat(importer.check(spec("fine"), f)).isEmpty();
        ImportSpec typo = spec("bad").withColumns(List.of(ColumnMapping.named("user", ColumnRole.USER_ID),
                ColumnMapping.named("itme", ColumnRole.ITEM_ID)));
        assertThat(importer.check(typo, f)).containsExactly("The ITEM_ID column 'itme' does not exist in bad.csv (columns: user, item, rating, ts)");
        assertThat(importer.check(spec("x").withFormat(FileFormat.csv().withEncoding("nope")), f))
                .singleElement().asString().startsWith("Unknown encoding 'nope'");
        assertUnchanged();
    }

    @Test
    void sourceThatExistsNeedsAppendOrReplace() throws Exception {
        Path f = write("again.csv", "user,item,rating,ts\nu1,i3,3,300\n");
        assertThat(abort(spec("earlier"), f).getMessage()).isEqualTo(
                "The dataset 'shop' already has a source 'earlier'; choose another name, or import with mode APPEND or REPLACE");
    }

    // ---- files that change under the importer

    private Path bigFile(String name, int rows) throws IOException {
        StringBuilder sb = new StringBuilder("user,item,rating,ts\n");
        for (int i = 0; i < rows; i++) {
            sb.append('u').append(i % 97).append(",i").append(i % 89).append(',').append(1 + i % 5).append(',').append(1000 + i).append('\n');
        }
        return write(name, sb.toString());
    }

    @Test
    void fileThatDisappearsMidReadStoresNothing() throws Exception {
        Path f = bigFile("vanishing.csv", 60_000);
        AtomicBoolean deleted = new AtomicBoolean();
        CancellableMonitor monitor = new CancellableMonitor((fraction, message) -> {
            if (fraction > 0.3 && fraction < 1 && deleted.compareAndSet(false, true)) {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, line -> { });
        ImportException e = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> new Importer(store).run(spec("vanishing"), f, monitor));
        assertThat(deleted).isTrue();
        assertThat(e.getMessage()).startsWith("vanishing.csv disappeared while it was read (after line 60001); nothing was imported");
        assertUnchanged();
    }

    @Test
    void fileThatChangesMidReadStoresNothing() throws Exception {
        Path f = bigFile("growing.csv", 60_000);
        AtomicBoolean appended = new AtomicBoolean();
        CancellableMonitor monitor = new CancellableMonitor((fraction, message) -> {
            if (fraction > 0.3 && fraction < 1 && appended.compareAndSet(false, true)) {
                try {
                    Files.writeString(f, "u1,i1,1,1\n", StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, line -> { });
        ImportException e = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> new Importer(store).run(spec("growing"), f, monitor));
        assertThat(e.getMessage()).startsWith("growing.csv changed while it was read");
        assertUnchanged();
    }

    /** A disk that fails half way through the file on the given opening (1: encoding check, 2: the rows). */
    private static FileAccess failingOnOpen(int failingOpen, long failAt) {
        java.util.concurrent.atomic.AtomicInteger opens = new java.util.concurrent.atomic.AtomicInteger();
        return new FileAccess() {
            @Override
            public InputStream open(Path file) throws IOException {
                boolean fail = opens.incrementAndGet() == failingOpen;
                return new FilterInputStream(Files.newInputStream(file)) {
                    private long position;

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (fail && position >= failAt) {
                            throw new IOException("simulated disk failure");
                        }
                        int n = super.read(b, off, fail ? (int) Math.min(len, failAt - position) : len);
                        position += Math.max(0, n);
                        return n;
                    }
                };
            }

            @Override
            public Stamp stamp(Path file) throws IOException {
                return FileAccess.local().stamp(file);
            }
        };
    }

    @Test
    void readErrorMidFileStoresNothing() throws Exception {
        Path f = bigFile("flaky.csv", 60_000);
        long failAt = Files.size(f) / 2;
        for (int failingOpen : new int[] {1, 2}) {
            List<String> progress = new java.util.ArrayList<>();
            CancellableMonitor monitor = new CancellableMonitor((fraction, message) -> progress.add(message), line -> { });
            ImportException e = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                    () -> new Importer(store, failingOnOpen(failingOpen, failAt)).run(spec("flaky"), f, monitor));
            assertThat(e.getMessage()).isEqualTo("flaky.csv could not be read (simulated disk failure); nothing was imported");
            if (failingOpen == 2) {
                assertThat(progress).contains("Importing flaky.csv: 20,000 rows"); // failed inside the row loop
            }
            assertUnchanged();
        }
    }

    @Test
    void cancelledSmallImportStoresNothing() throws Exception {
        Path f = bigFile("cancelled.csv", 30_000);
        CancellableMonitor monitor = new CancellableMonitor();
        monitor.cancel();
        org.junit.jupiter.api.Assertions.assertThrows(org.recblend.task.CancelledException.class,
                () -> new Importer(store).run(spec("cancelled"), f, monitor));
        assertUnchanged();
    }

    @Test
    void abortAfterGoodRowsStoresNoneOfThem() throws Exception {
        Path f = write("bad.csv", "user,item,rating,ts\nnew1,new1,3,300\nnew2,new2,4,400\nnew3,new3,x,500\n");
        abort(f);
        assertThat(count(store, "SELECT COUNT(*) FROM users WHERE ext_id LIKE 'new%'")).isZero();
    }
}
