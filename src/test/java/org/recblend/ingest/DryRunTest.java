package org.recblend.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.read.FileFormat;
import org.recblend.ingest.read.FormatType;
import org.recblend.ingest.read.Preview;
import org.recblend.ingest.read.Readers;
import org.recblend.store.ProjectStore;
import org.recblend.task.CancellableMonitor;
import org.recblend.task.CancelledException;
import org.recblend.task.TaskMonitor;

/** The wizard's validation step (a dry run) and its previews with a format the user overrode. */
class DryRunTest {
    @TempDir
    Path dir;
    private ProjectStore store;

    @BeforeEach
    void setUp() throws Exception {
        store = ProjectFixture.create(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ImportSpec ratings(String source) {
        return ImportSpec.of("shop", source, SourceKind.BEHAVIOUR, FileFormat.csv(), List.of(
                ColumnMapping.named("user", ColumnRole.USER_ID), ColumnMapping.named("item", ColumnRole.ITEM_ID),
                ColumnMapping.named("rating", ColumnRole.RATING)));
    }

    @Test
    void countsRowsRejectsAndDuplicatesAndStoresNothing() throws Exception {
        Path file = dir.resolve("r.csv");
        Files.writeString(file, "user,item,rating\nu1,i1,5\nu1,i1,4\nu2,i2,abc\nu3,i3\n");
        new Importer(store).run(ratings("earlier"), file, TaskMonitor.none());
        Map<String, String> before = ProjectFixture.fingerprint(store);

        Importer.DryRun dry = new Importer(store).dryRun(ratings("new"), file, 10, TaskMonitor.none());

        assertThat(dry.result().rowsRead()).isEqualTo(4);
        assertThat(dry.result().rowsAccepted()).isEqualTo(2);
        assertThat(dry.result().rowsRejected()).isEqualTo(2);
        assertThat(dry.result().rowsDuplicate()).isEqualTo(1);
        assertThat(dry.rejects()).extracting(RejectReport.Reject::line).containsExactly(4L, 5L);
        assertThat(dry.rejects().get(0).column()).isEqualTo(3);
        assertThat(dry.rejects().get(0).reason()).contains("abc");
        assertThat(dry.rejects().get(1).reason()).contains("expected 3 columns");
        assertThat(ProjectFixture.fingerprint(store)).isEqualTo(before);
    }

    @Test
    void twoFilesForOneSourceAreCheckedTogetherAndEachRejectNamesItsFile() throws Exception {
        Path first = dir.resolve("part1.csv");
        Path second = dir.resolve("part2.csv");
        Files.writeString(first, "user,item,rating\nu1,i1,5\nu2,i2,x\n");
        Files.writeString(second, "user,item,rating\nu3,i1,4\nu4,i3,3\nu5\n");
        Map<String, String> before = ProjectFixture.fingerprint(store);

        Importer.DryRun dry = new Importer(store).dryRun(List.of(new ImportJob(ratings("both"), first),
                new ImportJob(ratings("both").withMode(ImportMode.APPEND), second)), 10, TaskMonitor.none());

        assertThat(dry.results()).hasSize(2);
        assertThat(dry.result().rowsRead()).isEqualTo(5);
        assertThat(dry.result().rowsAccepted()).isEqualTo(3);
        assertThat(dry.result().rowsStored()).isEqualTo(3);
        assertThat(dry.result().newUsers()).isEqualTo(3);
        assertThat(dry.result().newItems()).isEqualTo(2);
        assertThat(dry.rejects()).extracting(RejectReport.Reject::file, RejectReport.Reject::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("part1.csv", 3L),
                        org.assertj.core.groups.Tuple.tuple("part2.csv", 4L));
        assertThat(ProjectFixture.fingerprint(store)).isEqualTo(before);
    }

    @Test
    void aBadSecondFileStoresNeitherFile() throws Exception {
        Path first = dir.resolve("good.csv");
        Path second = dir.resolve("bad.csv");
        Files.writeString(first, "user,item,rating\nu1,i1,5\n");
        Files.writeString(second, "user,item,stars\nu2,i2,4\n");
        Map<String, String> before = ProjectFixture.fingerprint(store);

        assertThatThrownBy(() -> new Importer(store).runAll(List.of(new ImportJob(ratings("both"), first),
                new ImportJob(ratings("both").withMode(ImportMode.APPEND), second)), TaskMonitor.none()))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.file()).isEqualTo(second))
                .hasMessageContaining("rating");
        assertThat(ProjectFixture.fingerprint(store)).isEqualTo(before);
    }

    @Test
    void returnsAtMostTheRequestedRejects() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "user,item,rating\nu1,i1,x\nu1,i2,y\nu1,i3,z\n");
        Importer.DryRun dry = new Importer(store).dryRun(ratings("bad"), file, 2, TaskMonitor.none());
        assertThat(dry.result().rowsRejected()).isEqualTo(3);
        assertThat(dry.rejects()).hasSize(2);
    }

    @Test
    void anAbortingSpecFailsWithLineAndColumnAndStoresNothing() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "user,item,rating\nu1,i1,5\nu1,i2,oops\n");
        Map<String, String> before = ProjectFixture.fingerprint(store);
        assertThatThrownBy(() -> new Importer(store).dryRun(ratings("bad").withOnError(ErrorPolicy.ABORT), file, 5, TaskMonitor.none()))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("bad.csv").contains("oops");
                });
        assertThat(ProjectFixture.fingerprint(store)).isEqualTo(before);
    }

    @Test
    void aCancelledDryRunThrowsAndStoresNothing() throws Exception {
        Path file = dir.resolve("r.csv");
        Files.writeString(file, "user,item,rating\nu1,i1,5\n");
        CancellableMonitor monitor = new CancellableMonitor();
        monitor.cancel();
        Map<String, String> before = ProjectFixture.fingerprint(store);
        assertThatThrownBy(() -> new Importer(store).dryRun(ratings("c"), file, 5, monitor)).isInstanceOf(CancelledException.class);
        assertThat(ProjectFixture.fingerprint(store)).isEqualTo(before);
    }

    @Test
    void previewFollowsAnOverriddenDelimiterAndEncoding() throws Exception {
        Path file = dir.resolve("latin.txt");
        Files.write(file, "id;name|x\n1;Caf\u00e9|y\n".getBytes(StandardCharsets.ISO_8859_1));
        FileFormat semicolon = FileFormat.csv().withDelimiter(";").withEncoding("ISO-8859-1");
        Preview bySemicolon = Readers.preview(file, semicolon, 10);
        assertThat(bySemicolon.header()).containsExactly("id", "name|x");
        assertThat(bySemicolon.rows().get(0).values()).containsExactly("1", "Caf\u00e9|y");
        assertThat(bySemicolon.encoding().name()).isEqualTo("ISO-8859-1");

        Preview byPipe = Readers.preview(file, semicolon.withDelimiter("PIPE"), 10);
        assertThat(byPipe.header()).containsExactly("id;name", "x");
    }

    @Test
    void switchingToJsonDropsDelimiterAndHeader() {
        FileFormat json = FileFormat.tsv(true).withType(FormatType.JSON_LINES);
        assertThat(json.isJson()).isTrue();
        assertThat(json.header()).isFalse();
        FileFormat back = json.withType(FormatType.DELIMITED);
        assertThat(back.delimiter()).isEqualTo(",");
    }
}
