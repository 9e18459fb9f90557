package org.recblend.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recblend.ingest.ProjectFixture.rows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.read.FileFormat;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/** Each duplicate policy on a tiny file where (u1, i1) occurs three times. */
class DuplicatePolicyTest {
    private static final String FILE = """
            user,item,rating,ts
            u1,i1,1,100
            u1,i2,2,200
            u1,i1,3,300
            u2,i1,4,400
            u1,i1,5,500
            """;

    @TempDir
    Path dir;
    private ProjectStore store;
    private Path file;

    @BeforeEach
    void setUp() throws Exception {
        store = ProjectFixture.create(dir);
        file = dir.resolve("ratings.csv");
        Files.writeString(file, FILE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ImportResult run(DuplicatePolicy policy, Path f, ImportMode mode) throws ImportException {
        ImportSpec spec = ImportSpec.of("d", "ratings", SourceKind.BEHAVIOUR, FileFormat.csv(), List.of(
                ColumnMapping.named("user", ColumnRole.USER_ID), ColumnMapping.named("item", ColumnRole.ITEM_ID),
                ColumnMapping.named("rating", ColumnRole.RATING), ColumnMapping.named("ts", ColumnRole.TIMESTAMP)))
                .withDuplicates(policy).withMode(mode);
        return new Importer(store).run(spec, f, TaskMonitor.none());
    }

    private List<String> stored() {
        return rows(store, "SELECT u.ext_id, i.ext_id, x.weight, x.ts FROM interactions x JOIN users u ON u.id = x.user_id"
                + " JOIN items i ON i.id = x.item_id ORDER BY u.ext_id, i.ext_id, x.ts");
    }

    @Test
    void keepAllStoresEveryRowAndCountsDuplicates() throws Exception {
        ImportResult r = run(DuplicatePolicy.KEEP_ALL, file, ImportMode.NEW);
        assertThat(stored()).containsExactly("u1|i1|1.0|100", "u1|i1|3.0|300", "u1|i1|5.0|500", "u1|i2|2.0|200", "u2|i1|4.0|400");
        assertThat(r.rowsDuplicate()).isEqualTo(2);
        assertThat(r.rowsStored()).isEqualTo(5);
    }

    @Test
    void keepLastKeepsTheLastRowOfEachPair() throws Exception {
        ImportResult r = run(DuplicatePolicy.KEEP_LAST, file, ImportMode.NEW);
        assertThat(stored()).containsExactly("u1|i1|5.0|500", "u1|i2|2.0|200", "u2|i1|4.0|400");
        assertThat(r.rowsDuplicate()).isEqualTo(2);
        assertThat(r.rowsAccepted()).isEqualTo(5);
        assertThat(r.rowsStored()).isEqualTo(3);
    }

    @Test
    void meanAveragesTheWeightsAndKeepsTheLastTime() throws Exception {
        run(DuplicatePolicy.MEAN, file, ImportMode.NEW);
        assertThat(stored()).containsExactly("u1|i1|3.0|500", "u1|i2|2.0|200", "u2|i1|4.0|400");
    }

    @Test
    void sumAddsTheWeights() throws Exception {
        run(DuplicatePolicy.SUM, file, ImportMode.NEW);
        assertThat(stored()).containsExactly("u1|i1|9.0|500", "u1|i2|2.0|200", "u2|i1|4.0|400");
    }

    @Test
    void rejectKeepsTheFirstAndReportsTheOthers() throws Exception {
        ImportResult r = run(DuplicatePolicy.REJECT, file, ImportMode.NEW);
        assertThat(stored()).containsExactly("u1|i1|1.0|100", "u1|i2|2.0|200", "u2|i1|4.0|400");
        assertThat(RejectReport.of(store, r.sourceId()).page(0, 10))
                .extracting(RejectReport.Reject::line, RejectReport.Reject::reason, RejectReport.Reject::rawText)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4L, "duplicate of line 2 (same user 'u1' and item 'i1')", "u1,i1,3,300"),
                        org.assertj.core.groups.Tuple.tuple(6L, "duplicate of line 2 (same user 'u1' and item 'i1')", "u1,i1,5,500"));
        assertThat(r.rowsRejected()).isEqualTo(2);
        assertThat(r.rowsDuplicate()).isEqualTo(2);
    }

    private Path more() throws IOException {
        Path f = dir.resolve("more.csv");
        Files.writeString(f, "user,item,rating,ts\nu1,i1,7,700\nu3,i3,1,800\n");
        return f;
    }

    @Test
    void appendMergesWithTheRowsTheSourceHolds() throws Exception {
        run(DuplicatePolicy.SUM, file, ImportMode.NEW);
        ImportResult r = run(DuplicatePolicy.SUM, more(), ImportMode.APPEND);
        assertThat(stored()).containsExactly("u1|i1|16.0|700", "u1|i2|2.0|200", "u2|i1|4.0|400", "u3|i3|1.0|800");
        assertThat(r.rowsDuplicate()).isEqualTo(1);
        assertThat(SourceInfo.find(store, "d", "ratings")).get().satisfies(s -> {
            assertThat(s.rowsRead()).isEqualTo(7);
            assertThat(s.rowsDuplicate()).isEqualTo(3);
        });
    }

    @Test
    void appendRejectsPairsTheSourceAlreadyHolds() throws Exception {
        run(DuplicatePolicy.REJECT, file, ImportMode.NEW);
        ImportResult r = run(DuplicatePolicy.REJECT, more(), ImportMode.APPEND);
        assertThat(stored()).containsExactly("u1|i1|1.0|100", "u1|i2|2.0|200", "u2|i1|4.0|400", "u3|i3|1.0|800");
        assertThat(RejectReport.of(store, r.sourceId()).page(0, 10)).extracting(RejectReport.Reject::reason)
                .contains("duplicate: the source already holds a row for user 'u1' and item 'i1'");
    }

    @Test
    void replaceDropsTheOldRowsAndReport() throws Exception {
        run(DuplicatePolicy.REJECT, file, ImportMode.NEW);
        ImportResult r = run(DuplicatePolicy.KEEP_ALL, more(), ImportMode.REPLACE);
        assertThat(stored()).containsExactly("u1|i1|7.0|700", "u3|i3|1.0|800");
        assertThat(RejectReport.of(store, r.sourceId()).total()).isZero();
        assertThat(SourceInfo.find(store, "d", "ratings")).get().satisfies(s -> assertThat(s.rowsRead()).isEqualTo(2));
    }
}
