package org.recblend.ingest.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recblend.domain.ColumnRole.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.domain.ColumnRole;
import org.recblend.domain.SourceKind;
import org.recblend.ingest.ColumnMapping;
import org.recblend.ingest.ImportResult;
import org.recblend.ingest.Importer;
import org.recblend.ingest.ProjectFixture;
import org.recblend.ingest.read.FileFormat;
import org.recblend.ingest.read.FormatType;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.SharedData;

/** Format sniffing, type inference and role suggestions on written files and on the real data sets. */
class InferenceTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static List<ColumnRole> roles(List<ColumnProfile> profiles) {
        return profiles.stream().map(ColumnProfile::suggestedRole).toList();
    }

    @Test
    void typesOfAWrittenFile() throws Exception {
        Path f = write("mixed.csv", """
                id,score,when,day,genres,title,ms
                1,4.5,881250949,2021-03-05,Action|Comedy,"Misérables, Les (1995)",1614954600000
                2,3,881250950,2021-03-06,Drama,Heat,1614954600001
                3,1,881250951,2021-03-07,Action|Drama,Toy Story,1614954600002
                4,2,881250952,2021-03-08,Comedy|Drama,Casino,1614954600003
                """);
        List<ColumnProfile> p = TypeInference.profile(f, FileFormat.csv());
        assertThat(p).extracting(ColumnProfile::type).containsExactly(ValueType.INTEGER, ValueType.DECIMAL,
                ValueType.EPOCH_SECONDS, ValueType.DATE, ValueType.MULTI_VALUED, ValueType.TEXT, ValueType.INTEGER);
        assertThat(p.get(3).format()).isEqualTo("yyyy-MM-dd");
        assertThat(p.get(4).format()).isEqualTo("|");
        assertThat(p.get(1).min()).isEqualTo(1.0);
        assertThat(p.get(1).max()).isEqualTo(4.5);
        assertThat(TypeInference.profileColumn(0, "created_at", List.of("1614954600000", "1614954600001")).type())
                .isEqualTo(ValueType.EPOCH_MILLIS);
        assertThat(TypeInference.profileColumn(0, "released", List.of("01-Jan-1995", "4-Feb-1971")).format()).isEqualTo("d-MMM-yyyy");
        assertThat(TypeInference.profileColumn(0, "genres", List.of("Animation, Adventure, Comedy", "Action, Comedy", "Drama", "Comedy, Drama", "Action, Adventure")).format())
                .isEqualTo(", ");
        assertThat(TypeInference.profileColumn(0, "title", List.of("Misérables, Les (1995)", "Heat (1995)", "Usual Suspects, The (1995)")).type())
                .isEqualTo(ValueType.TEXT);
    }

    @Test
    void rolesFromHeaderNames() throws Exception {
        Path ratings = write("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.0,964981247\n2,3,5,964981248\n");
        assertThat(roles(TypeInference.profile(ratings, FileFormat.csv()))).containsExactly(USER_ID, ITEM_ID, RATING, TIMESTAMP);

        Path friends = write("user_friends.dat", "userID\tfriendID\n2\t275\n2\t428\n3\t2\n");
        assertThat(roles(TypeInference.profile(friends, FileFormat.tsv(true)))).containsExactly(SOCIAL_SOURCE, SOCIAL_TARGET);

        Path users = write("users.csv", "id,age,gender,occupation\n1,24,M,technician\n2,53,F,other\n");
        assertThat(roles(TypeInference.profile(users, FileFormat.csv()))).containsExactly(USER_ID, USER_ATTRIBUTE, USER_ATTRIBUTE, USER_ATTRIBUTE);

        Path tags = write("tags.dat", "userID\tartistID\ttag\tday\tmonth\tyear\n2\t52\tmetal\t1\t4\t2009\n2\t53\trock\t1\t4\t2009\n");
        assertThat(roles(TypeInference.profile(tags, FileFormat.tsv(true))))
                .containsExactly(USER_ID, ITEM_ID, ColumnRole.USER_ITEM_TEXT, DATE_DAY, DATE_MONTH, DATE_YEAR);

        Path movies = write("movies.csv", "movieId,title,genres,url\n1,Toy Story (1995),Adventure|Animation,http://a\n"
                + "2,Jumanji (1995),Adventure|Children,http://b\n3,Heat (1995),Action|Crime,http://c\n");
        assertThat(roles(TypeInference.profile(movies, FileFormat.csv()))).containsExactly(ITEM_ID, ITEM_TEXT, ITEM_CATEGORY, IGNORE);
    }

    @Test
    void rolesFromValuesWithoutHeader() throws Exception {
        Path f = write("u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n244\t51\t2\t880606923\n");
        assertThat(roles(TypeInference.profile(f, FileFormat.tsv(false)))).containsExactly(USER_ID, ITEM_ID, RATING, TIMESTAMP);
    }

    @Test
    void snifferFindsDelimiterHeaderQuotesAndJson() throws Exception {
        SniffResult csv = FormatSniffer.sniff(write("a.csv", "user,item,text\n1,2,\"a, b\"\n3,4,\"c, d\"\n"));
        assertThat(csv.format()).isEqualTo(new FileFormat(FormatType.DELIMITED, ",", null, true, null, 0, false));
        SniffResult pipe = FormatSniffer.sniff(write("u.user", "1|24|M|technician|85711\n2|53|F|other|94043\n"));
        assertThat(pipe.format().delimiter()).isEqualTo("|");
        assertThat(pipe.format().header()).isFalse();
        assertThat(pipe.format().quoteChar()).isNull();
        SniffResult colons = FormatSniffer.sniff(write("ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n"));
        assertThat(colons.format().delimiter()).isEqualTo("::");
        SniffResult space = FormatSniffer.sniff(write("ratings.txt", "1 1 2\n1 2 4\n1 3 3.5\n"));
        assertThat(space.format().delimiter()).isEqualTo(" ");
        assertThat(FormatSniffer.sniff(write("a.json", "  [ {\"a\": 1} ]")).format().type()).isEqualTo(FormatType.JSON_ARRAY);
        assertThat(FormatSniffer.sniff(write("a.jsonl", "{\"a\": 1}\n{\"a\": 2}\n")).format().type()).isEqualTo(FormatType.JSON_LINES);
        SniffResult typed = FormatSniffer.sniff(write("x.inter", "user_id:token\titem_id:token\trating:float\n1\t2\t3\n"));
        assertThat(typed.format().typedHeader()).isTrue();
        assertThat(typed.format().header()).isTrue();
    }

    @Test
    void snifferOnTheRealFiles() throws Exception {
        Path ml = SharedData.dir("ml-100k");
        assertThat(FormatSniffer.sniff(ml.resolve("u.data")).format()).isEqualTo(FileFormat.tsv(false));
        SniffResult item = FormatSniffer.sniff(ml.resolve("u.item"));
        assertThat(item.format()).isEqualTo(FileFormat.delimited("|", false));
        assertThat(item.encoding().charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        Path lastfm = SharedData.dir("hetrec2011-lastfm-2k");
        assertThat(FormatSniffer.sniff(lastfm.resolve("artists.dat")).format()).isEqualTo(FileFormat.tsv(true));
        assertThat(FormatSniffer.sniff(lastfm.resolve("user_taggedartists.dat")).format()).isEqualTo(FileFormat.tsv(true));
        Path scientific = SharedData.dir("amazon-scientific-unisrec");
        assertThat(FormatSniffer.sniff(scientific.resolve("Scientific.train.inter")).format())
                .isEqualTo(FileFormat.tsv(true).withTypedHeader(true));
        assertThat(FormatSniffer.sniff(SharedData.dir("ml-100k-plots").resolve("items_info.json")).format().type())
                .isEqualTo(FormatType.JSON_ARRAY);
        assertThat(FormatSniffer.sniff(SharedData.dir("filmtrust").resolve("ratings.txt")).format())
                .isEqualTo(FileFormat.delimited(" ", false));
    }

    @Test
    void suggestedSpecImportsMlLatestRatingsAndTags() throws Exception {
        Path folder = SharedData.dir("ml-latest-small");
        SpecSuggester.Suggestion ratings = SpecSuggester.suggest(folder.resolve("ratings.csv"), "mls", null);
        assertThat(ratings.spec().kind()).isEqualTo(SourceKind.BEHAVIOUR);
        assertThat(ratings.spec().sourceName()).isEqualTo("ratings");
        assertThat(ratings.spec().columns()).extracting(ColumnMapping::column, ColumnMapping::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple("userId", USER_ID), org.assertj.core.groups.Tuple.tuple("movieId", ITEM_ID),
                org.assertj.core.groups.Tuple.tuple("rating", RATING), org.assertj.core.groups.Tuple.tuple("timestamp", TIMESTAMP));
        SpecSuggester.Suggestion tags = SpecSuggester.suggest(folder.resolve("tags.csv"), "mls", null);
        assertThat(tags.spec().kind()).isEqualTo(SourceKind.USER_ITEM_TEXT);
        SpecSuggester.Suggestion movies = SpecSuggester.suggest(folder.resolve("movies.csv"), "mls", null);
        assertThat(movies.spec().kind()).isEqualTo(SourceKind.ITEM_CONTENT);
        assertThat(movies.spec().columns()).extracting(ColumnMapping::role).containsExactly(ITEM_ID, ITEM_TEXT, ITEM_CATEGORY);
        assertThat(movies.spec().columns().get(2).format()).isEqualTo("|");

        try (ProjectStore store = ProjectFixture.create(dir)) {
            ImportResult r = new Importer(store).run(ratings.spec(), folder.resolve("ratings.csv"), TaskMonitor.none());
            assertThat(r.rowsStored()).isEqualTo(100_836);
            assertThat(r.rowsRejected()).isZero();
            ImportResult t = new Importer(store).run(tags.spec(), folder.resolve("tags.csv"), TaskMonitor.none());
            assertThat(t.rowsStored()).isEqualTo(3_683);
        }
    }
}
