package org.recblend.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.recblend.ingest.ProjectFixture.count;
import static org.recblend.ingest.ProjectFixture.rows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.read.FileFormat;
import org.recblend.store.ProjectStore;
import org.recblend.task.CancellableMonitor;
import org.recblend.task.TaskMonitor;

/** Each kind of source and each column role on small files, and the spec as JSON. */
class ImporterTest {
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

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private ImportResult run(ImportSpec spec, Path file) throws ImportException {
        return new Importer(store).run(spec, file, TaskMonitor.none());
    }

    @Test
    void itemContentWithTextsCategoriesFlagsAndAttributes() throws Exception {
        Path f = write("items.txt", "1|Toy Story (1995)|01-Jan-1995|Animation|Comedy|0|1|8.3\n"
                + "2|Heat (1995)||Action|Crime|1|0|\n");
        ImportSpec spec = ImportSpec.of("m", "items", SourceKind.ITEM_CONTENT, FileFormat.delimited("|", false), List.of(
                ColumnMapping.at(0, ColumnRole.ITEM_ID),
                ColumnMapping.at(1, ColumnRole.ITEM_TEXT).withName("title"),
                ColumnMapping.at(2, ColumnRole.ITEM_ATTRIBUTE).withName("released").withFormat("dd-MMM-yyyy"),
                ColumnMapping.at(3, ColumnRole.ITEM_CATEGORY),
                ColumnMapping.at(4, ColumnRole.ITEM_CATEGORY),
                ColumnMapping.at(5, ColumnRole.CATEGORY_FLAG).withName("Noir"),
                ColumnMapping.at(6, ColumnRole.CATEGORY_FLAG).withName("Family"),
                ColumnMapping.at(7, ColumnRole.ITEM_ATTRIBUTE).withName("score")));
        ImportResult r = run(spec, f);
        assertThat(r.rowsStored()).isEqualTo(2);
        assertThat(r.newItems()).isEqualTo(2);
        assertThat(rows(store, "SELECT i.ext_id, t.field, t.text FROM item_texts t JOIN items i ON i.id = t.item_id ORDER BY 1"))
                .containsExactly("1|title|Toy Story (1995)", "2|title|Heat (1995)");
        assertThat(rows(store, "SELECT i.ext_id, c.category FROM item_categories c JOIN items i ON i.id = c.item_id ORDER BY 1, 2"))
                .containsExactly("1|Animation", "1|Comedy", "1|Family", "2|Action", "2|Crime", "2|Noir");
        assertThat(rows(store, "SELECT i.ext_id, a.name, a.str_value, a.num_value FROM item_attributes a JOIN items i ON i.id = a.item_id ORDER BY 1, 2"))
                .containsExactly("1|released|01-Jan-1995|7.889184E8", "1|score|8.3|8.3");
    }

    @Test
    void multiValuedCategoriesWithASeparator() throws Exception {
        Path f = write("movies.csv", "movieId,title,genres\n1,\"Misérables, Les (1995)\",Drama|War\n2,Heat,Action| Crime |\n");
        ImportSpec spec = ImportSpec.of("m", "movies", SourceKind.ITEM_CONTENT, FileFormat.csv(), List.of(
                ColumnMapping.named("movieId", ColumnRole.ITEM_ID), ColumnMapping.named("title", ColumnRole.ITEM_TEXT),
                ColumnMapping.named("genres", ColumnRole.ITEM_CATEGORY).withFormat("|")));
        run(spec, f);
        assertThat(rows(store, "SELECT i.ext_id, c.category FROM item_categories c JOIN items i ON i.id = c.item_id ORDER BY 1, 2"))
                .containsExactly("1|Drama", "1|War", "2|Action", "2|Crime");
        assertThat(rows(store, "SELECT text FROM item_texts ORDER BY 1")).containsExactly("Heat", "Misérables, Les (1995)");
    }

    @Test
    void badCategoryFlagIsRejected() throws Exception {
        Path f = write("flags.txt", "1|1\n2|maybe\n");
        ImportSpec spec = ImportSpec.of("m", "flags", SourceKind.ITEM_CONTENT, FileFormat.delimited("|", false), List.of(
                ColumnMapping.at(0, ColumnRole.ITEM_ID), ColumnMapping.at(1, ColumnRole.CATEGORY_FLAG).withName("Action")));
        ImportResult r = run(spec, f);
        assertThat(RejectReport.of(store, r.sourceId()).page(0, 5)).extracting(RejectReport.Reject::reason)
                .containsExactly("'maybe' in column 2 (Action) is not a 0/1 flag");
    }

    @Test
    void userProfilesKeepCodesAsText() throws Exception {
        Path f = write("users.csv", "user_id,age,zip\n1,24,00501\n2,53,T8H1A\n");
        ImportSpec spec = ImportSpec.of("m", "users", SourceKind.USER_PROFILE, FileFormat.csv(), List.of(
                ColumnMapping.named("user_id", ColumnRole.USER_ID), ColumnMapping.named("age", ColumnRole.USER_ATTRIBUTE),
                ColumnMapping.named("zip", ColumnRole.USER_ATTRIBUTE).withFormat(ColumnMapping.TEXT)));
        run(spec, f);
        assertThat(rows(store, "SELECT u.ext_id, a.name, a.str_value, a.num_value FROM user_attributes a JOIN users u ON u.id = a.user_id ORDER BY 1, 2"))
                .containsExactly("1|age|24|24.0", "1|zip|00501|null", "2|age|53|53.0", "2|zip|T8H1A|null");
    }

    @Test
    void socialEdgesShareTheUsersOfBehaviour() throws Exception {
        run(ImportSpec.of("s", "ratings", SourceKind.BEHAVIOUR, FileFormat.delimited(" ", false), List.of(
                ColumnMapping.at(0, ColumnRole.USER_ID), ColumnMapping.at(1, ColumnRole.ITEM_ID))), write("r.txt", "1 10\n2 20\n"));
        ImportResult r = run(ImportSpec.of("s", "trust", SourceKind.SOCIAL, FileFormat.delimited(" ", false), List.of(
                ColumnMapping.at(0, ColumnRole.SOCIAL_SOURCE), ColumnMapping.at(1, ColumnRole.SOCIAL_TARGET),
                ColumnMapping.at(2, ColumnRole.SOCIAL_WEIGHT))).withKindLabel("trust"), write("t.txt", "1 2 1\n2 3 0.5\n"));
        assertThat(r.newUsers()).isEqualTo(1);
        assertThat(rows(store, "SELECT a.ext_id, b.ext_id, e.kind, e.weight FROM social_edges e JOIN users a ON a.id = e.src_user_id"
                + " JOIN users b ON b.id = e.dst_user_id ORDER BY 1")).containsExactly("1|2|trust|1.0", "2|3|trust|0.5");
    }

    @Test
    void userItemTextsWithDatesInThreeColumns() throws Exception {
        Path f = write("tags.dat", "userID\tartistID\ttag\tday\tmonth\tyear\n2\t52\tmetal\t1\t4\t2009\n2\t53\t\t1\t4\t2009\n3\t52\tpop\t31\t2\t2009\n");
        ImportSpec spec = ImportSpec.of("l", "tags", SourceKind.USER_ITEM_TEXT, FileFormat.tsv(true), List.of(
                ColumnMapping.named("userID", ColumnRole.USER_ID), ColumnMapping.named("artistID", ColumnRole.ITEM_ID),
                ColumnMapping.named("tag", ColumnRole.USER_ITEM_TEXT), ColumnMapping.named("day", ColumnRole.DATE_DAY),
                ColumnMapping.named("month", ColumnRole.DATE_MONTH), ColumnMapping.named("year", ColumnRole.DATE_YEAR)))
                .withKindLabel("tag");
        ImportResult r = run(spec, f);
        assertThat(rows(store, "SELECT kind, text, ts FROM user_item_texts")).containsExactly("tag|metal|1238544000");
        assertThat(RejectReport.of(store, r.sourceId()).page(0, 5)).extracting(RejectReport.Reject::reason).containsExactly(
                "empty tag in column 3 (tag)", "day 31, month 2, year 2009 in columns 4, 5 and 6 is not a date");
    }

    @Test
    void jsonLinesWithEventTypeContextAndReviewText() throws Exception {
        Path f = write("events.jsonl", """
                {"user": "a", "item": "x", "event": "click", "device": "mobile", "hour": 13, "ts": "2024-03-01T10:15:30Z", "review": "Nice"}
                {"user": "b", "item": "x", "device": "desktop", "ts": 1709288130000}
                """);
        ImportSpec spec = ImportSpec.of("e", "events", SourceKind.BEHAVIOUR, FileFormat.jsonLines(), List.of(
                ColumnMapping.named("user", ColumnRole.USER_ID), ColumnMapping.named("item", ColumnRole.ITEM_ID),
                ColumnMapping.named("event", ColumnRole.EVENT_TYPE), ColumnMapping.named("device", ColumnRole.CONTEXT),
                ColumnMapping.named("hour", ColumnRole.CONTEXT), ColumnMapping.named("ts", ColumnRole.TIMESTAMP),
                ColumnMapping.named("review", ColumnRole.USER_ITEM_TEXT).withName("review"))).withKindLabel("view");
        run(spec, f);
        assertThat(rows(store, "SELECT u.ext_id, x.event_type, x.ts, x.context, x.weight FROM interactions x JOIN users u ON u.id = x.user_id ORDER BY 1"))
                .containsExactly("a|click|1709288130|{\"device\":\"mobile\",\"hour\":\"13\"}|null",
                        "b|view|1709288130|{\"device\":\"desktop\"}|null");
        assertThat(rows(store, "SELECT kind, text FROM user_item_texts")).containsExactly("review|Nice");
    }

    @Test
    void jsonArrayFieldsByNameAndArraysAsCategories() throws Exception {
        Path f = write("items.json", "[{\"id\": 1, \"title\": \"A\", \"genres\": [\"x\", \"y\"]}, {\"id\": 2, \"title\": \"B\"}]");
        ImportSpec spec = ImportSpec.of("j", "items", SourceKind.ITEM_CONTENT, FileFormat.jsonArray(), List.of(
                ColumnMapping.named("id", ColumnRole.ITEM_ID), ColumnMapping.named("title", ColumnRole.ITEM_TEXT),
                ColumnMapping.named("genres", ColumnRole.ITEM_CATEGORY).withFormat("|")));
        ImportResult r = run(spec, f);
        assertThat(r.rowsRead()).isEqualTo(2);
        assertThat(rows(store, "SELECT i.ext_id, c.category FROM item_categories c JOIN items i ON i.id = c.item_id ORDER BY 1, 2"))
                .containsExactly("1|x", "1|y");
    }

    @Test
    void datePatternsAndEpochMillis() throws Exception {
        Path f = write("d.csv", "u,i,when\n1,1,05/03/2021 14:30\n");
        run(ImportSpec.of("t", "d", SourceKind.BEHAVIOUR, FileFormat.csv(), List.of(
                ColumnMapping.named("u", ColumnRole.USER_ID), ColumnMapping.named("i", ColumnRole.ITEM_ID),
                ColumnMapping.named("when", ColumnRole.TIMESTAMP).withFormat("dd/MM/yyyy HH:mm"))), f);
        run(ImportSpec.of("t", "m", SourceKind.BEHAVIOUR, FileFormat.csv(), List.of(
                ColumnMapping.named("u", ColumnRole.USER_ID), ColumnMapping.named("i", ColumnRole.ITEM_ID),
                ColumnMapping.named("when", ColumnRole.TIMESTAMP).withFormat(ColumnMapping.EPOCH_MILLIS))),
                write("m.csv", "u,i,when\n1,1,1614954600999\n"));
        assertThat(rows(store, "SELECT ts FROM interactions")).containsExactly("1614954600", "1614954600");
    }

    @Test
    void idsAreScopedByDatasetAndContinueAfterTheHighest() throws Exception {
        ImportSpec a = ImportSpec.of("A", "r", SourceKind.BEHAVIOUR, FileFormat.csv().withHeader(false), List.of(
                ColumnMapping.at(0, ColumnRole.USER_ID), ColumnMapping.at(1, ColumnRole.ITEM_ID)));
        run(a, write("a.csv", "u1,i1\nu2,i1\n"));
        run(a.withDataset("B"), write("b.csv", "u1,i1\n"));
        assertThat(rows(store, "SELECT d.name, u.id, u.ext_id FROM users u JOIN datasets d ON d.id = u.dataset_id ORDER BY u.id"))
                .containsExactly("A|1|u1", "A|2|u2", "B|3|u1");
        run(a.withSourceName("r2"), write("c.csv", "u2,i9\nu3,i9\n"));
        assertThat(count(store, "SELECT COUNT(*) FROM users")).isEqualTo(4);
    }

    @Test
    void progressIsReportedByBytesAndEndsAtOne() throws Exception {
        StringBuilder sb = new StringBuilder("u,i\n");
        for (int k = 0; k < 45_000; k++) {
            sb.append(k % 100).append(',').append(k % 37).append('\n');
        }
        List<Double> fractions = new ArrayList<>();
        CancellableMonitor monitor = new CancellableMonitor((fraction, message) -> fractions.add(fraction), line -> { });
        run(ImportSpec.of("p", "r", SourceKind.BEHAVIOUR, FileFormat.csv(), List.of(
                ColumnMapping.named("u", ColumnRole.USER_ID), ColumnMapping.named("i", ColumnRole.ITEM_ID))), write("p.csv", sb.toString()));
        new Importer(store).run(ImportSpec.of("p", "r2", SourceKind.BEHAVIOUR, FileFormat.csv(), List.of(
                ColumnMapping.named("u", ColumnRole.USER_ID), ColumnMapping.named("i", ColumnRole.ITEM_ID))), dir.resolve("p.csv"), monitor);
        assertThat(fractions).hasSizeGreaterThanOrEqualTo(5).isSorted();
        assertThat(fractions.get(0)).isZero();
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
        assertThat(fractions.stream().filter(x -> x > 0.2 && x < 0.9)).isNotEmpty();
    }

    @Test
    void specRoundTripsAsJsonAndIsStoredWithTheSource() throws Exception {
        ImportSpec spec = ImportSpec.of("m", "items", SourceKind.ITEM_CONTENT, FileFormat.delimited("|", false).withEncoding("ISO-8859-1"),
                List.of(ColumnMapping.at(0, ColumnRole.ITEM_ID),
                        ColumnMapping.at(1, ColumnRole.ITEM_TEXT).withName("title"),
                        ColumnMapping.at(2, ColumnRole.ITEM_CATEGORY).withFormat("|")
                                .withLookup(ValueLookup.byName("codes.tsv", FileFormat.tsv(true), "id", "name"))))
                .withDuplicates(DuplicatePolicy.KEEP_ALL).withOnError(ErrorPolicy.ABORT).withMode(ImportMode.REPLACE);
        assertThat(SpecJson.fromJson(SpecJson.toJson(spec))).isEqualTo(spec);

        run(spec.withColumns(spec.columns().subList(0, 2)).withMode(ImportMode.NEW), write("i.txt", "1|A\n"));
        SourceInfo info = SourceInfo.list(store).get(0);
        assertThat(info.spec().format().encoding()).isEqualTo("ISO-8859-1");
        assertThat(info.spec().columns()).hasSize(2);
        assertThat(info.fileName()).endsWith("i.txt");
    }

    @Test
    void handWrittenMappingFileWithTabAliasAndTypoMessages() throws Exception {
        Path mapping = write("spec.json", """
                {
                  "dataset": "ml", "sourceName": "ratings", "kind": "BEHAVIOUR",
                  "format": {"delimiter": "TAB", "quote": "", "header": false},
                  "columns": [ {"index": 0, "role": "USER_ID"}, {"index": 1, "role": "ITEM_ID"},
                               {"index": 2, "role": "RATING"} ]
                }
                """);
        ImportSpec spec = SpecJson.read(mapping);
        assertThat(spec.format().delimiter()).isEqualTo("\t");
        assertThat(spec.onError()).isEqualTo(ErrorPolicy.SKIP_AND_REPORT);
        run(spec, write("u.data", "1\t2\t3\n"));
        assertThat(count(store, "SELECT COUNT(*) FROM interactions")).isEqualTo(1);

        Path typo = write("typo.json", "{\n \"dataset\": \"ml\",\n \"colums\": []\n}");
        assertThatThrownBy(() -> SpecJson.read(typo)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("The mapping file typo.json, line 3: unknown field 'colums'");
        Path badRole = write("role.json", "{\"columns\": [{\"index\": 0, \"role\": \"USER\"}]}");
        assertThatThrownBy(() -> SpecJson.read(badRole)).hasMessageContaining("role.json, line 1").hasMessageContaining("USER");
        Path noRole = write("norole.json", "{\"columns\": [{\"index\": 0}]}");
        assertThatThrownBy(() -> SpecJson.read(noRole)).hasMessageContaining("A column mapping needs a role");
    }

    @Test
    void severalFilesInOneTransactionAreAllOrNothing() throws Exception {
        ImportSpec good = ImportSpec.of("x", "a", SourceKind.BEHAVIOUR, FileFormat.csv().withHeader(false), List.of(
                ColumnMapping.at(0, ColumnRole.USER_ID), ColumnMapping.at(1, ColumnRole.ITEM_ID)));
        Path a = write("a.csv", "1,2\n");
        Path b = write("b.csv", "");
        assertThatThrownBy(() -> new Importer(store).runAll(List.of(new ImportJob(good, a), new ImportJob(good.withSourceName("b"), b)),
                TaskMonitor.none())).hasMessage("b.csv is empty");
        assertThat(ProjectFixture.tableCounts(store).values()).allMatch(n -> n == 0);
    }
}
