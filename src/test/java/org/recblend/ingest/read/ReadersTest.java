package org.recblend.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** Reads all records as "line:raw" strings, rejects as "line!reason". */
    private static List<String> readAll(RecordReader r) throws Exception {
        List<String> out = new ArrayList<>();
        while (true) {
            try {
                if (!r.next()) {
                    return out;
                }
                List<String> values = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) {
                    values.add(r.get(i));
                }
                out.add(r.line() + ":" + values + ":" + r.rawText());
            } catch (MalformedRecordException e) {
                out.add(e.line() + "!" + e.reason() + "!" + e.rawText());
            }
        }
    }

    @Test
    void quotedFieldsWithEmbeddedDelimitersAndNewlinesKeepExactLinesAndRawText() throws Exception {
        Path f = write("q.csv", "user,item,text\r\n1,2,\"a, b\"\r\n\r\n3,4,\"two\nlines\"\r\n5,6,plain");
        try (RecordReader r = Readers.open(f, FileFormat.csv())) {
            assertThat(r.header()).containsExactly("user", "item", "text");
            assertThat(r.headerLine()).isEqualTo(1);
            assertThat(readAll(r)).containsExactly(
                    "2:[1, 2, a, b]:1,2,\"a, b\"",
                    "4:[3, 4, two\nlines]:3,4,\"two\nlines\"",
                    "6:[5, 6, plain]:5,6,plain");
        }
    }

    @Test
    void truncatedQuotedRowAtEndOfFileIsMalformedWithItsLine() throws Exception {
        Path f = write("t.csv", "a,b\n1,2\n3,\"unterminated\n4,5\n");
        try (RecordReader r = Readers.open(f, FileFormat.csv())) {
            List<String> all = readAll(r);
            assertThat(all).hasSize(2);
            assertThat(all.get(0)).isEqualTo("2:[1, 2]:1,2");
            assertThat(all.get(1)).startsWith("3!the row is truncated").endsWith("!3,\"unterminated\n4,5");
        }
    }

    @Test
    void rawTextAndLinesStayExactDeepIntoALargeFile() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 150_000; i++) {
            sb.append(i).append(",\"text ").append(i).append(i % 50_000 == 7 ? "\nsecond line\"" : "\"").append('\n');
        }
        Path f = write("large.csv", sb.toString());
        List<String> seen = new ArrayList<>();
        try (RecordReader r = Readers.open(f, FileFormat.csv())) {
            while (r.next()) {
                if (r.get(0).equals("100007") || r.get(0).equals("149999")) {
                    seen.add(r.line() + ":" + r.rawText());
                }
            }
        }
        // rows 7, 50007 and 100007 span two lines each: row i starts at line i + 2 + (rows before it that span two)
        assertThat(seen).containsExactly("100011:100007,\"text 100007\nsecond line\"", "150004:149999,\"text 149999\"");
    }

    @Test
    void multiCharacterDelimiterSkipLinesAndNoHeader() throws Exception {
        Path f = write("m.dat", "# comment\n# another\n1::10::5::978300760\n2::20::3::978300761\n");
        FileFormat fmt = FileFormat.delimited("::", false).withSkipLines(2);
        try (RecordReader r = Readers.open(f, fmt)) {
            assertThat(r.header()).isEmpty();
            assertThat(readAll(r)).containsExactly(
                    "3:[1, 10, 5, 978300760]:1::10::5::978300760",
                    "4:[2, 20, 3, 978300761]:2::20::3::978300761");
        }
    }

    @Test
    void stayQuotesAreTextWhenQuotingIsOff() throws Exception {
        Path f = write("artists.dat", "id\tname\n1686\t\"Weird Al\" Yankovic\n");
        try (RecordReader r = Readers.open(f, FileFormat.tsv(true))) {
            assertThat(readAll(r)).containsExactly("2:[1686, \"Weird Al\" Yankovic]:1686\t\"Weird Al\" Yankovic");
        }
    }

    @Test
    void strayQuoteWithQuotingOnIsASyntaxErrorNamingTheLine() throws Exception {
        Path f = write("artists.dat", "id\tname\n1\tok\n1686\t\"Weird Al\" Yankovic\n");
        FileFormat fmt = FileFormat.tsv(true).withQuote('"');
        try (RecordReader r = Readers.open(f, fmt)) {
            assertThat(r.next()).isTrue();
            assertThatThrownBy(r::next).isInstanceOf(TextFileException.class)
                    .hasMessageContaining("artists.dat, line 3")
                    .hasMessageContaining("quote");
        }
    }

    @Test
    void recBoleTypedHeaderIsStripped() throws Exception {
        Path f = write("x.inter", "user_id:token\titem_id_list:token_seq\titem_id:token\n0\t1 2 3\t4\n");
        try (RecordReader r = Readers.open(f, FileFormat.tsv(true).withTypedHeader(true))) {
            assertThat(r.header()).containsExactly("user_id", "item_id_list", "item_id");
            assertThat(readAll(r)).containsExactly("2:[0, 1 2 3, 4]:0\t1 2 3\t4");
        }
    }

    @Test
    void jsonArrayGivesLinesWhereObjectsStartAndAUnionOfFields() throws Exception {
        Path f = write("a.json", "[\n  {\"id\": \"1\", \"genres\": [\"A\", \"B\"]},\n  {\"id\": 2,\n   \"title\": \"T\"}\n]\n");
        try (RecordReader r = Readers.open(f, FileFormat.jsonArray())) {
            assertThat(r.header()).containsExactly("id", "genres", "title");
            assertThat(r.next()).isTrue();
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.get(0)).isEqualTo("1");
            assertThat(r.get(1)).isEqualTo("A|B");
            assertThat(r.get(2)).isNull();
            assertThat(r.next()).isTrue();
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.get(0)).isEqualTo("2");
            assertThat(r.get(2)).isEqualTo("T");
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void jsonLinesRejectABrokenLineAndGoOn() throws Exception {
        Path f = write("a.jsonl", "{\"u\":1,\"i\":2}\n{\"u\":2,\n\n{\"u\":3,\"i\":4}\n");
        try (RecordReader r = Readers.open(f, FileFormat.jsonLines())) {
            List<String> all = readAll(r);
            assertThat(all).hasSize(3);
            assertThat(all.get(0)).startsWith("1:[1, 2]");
            assertThat(all.get(1)).startsWith("2!not valid JSON");
            assertThat(all.get(2)).startsWith("4:[3, 4]");
        }
    }

    @Test
    void truncatedJsonArrayRejectsTheLastObject() throws Exception {
        Path f = write("a.json", "[{\"u\":1},\n{\"u\":2");
        try (RecordReader r = Readers.open(f, FileFormat.jsonArray())) {
            List<String> all = readAll(r);
            assertThat(all).hasSize(2);
            assertThat(all.get(1)).contains("truncated");
        }
    }

    @Test
    void previewShowsParsedRowsAndTheEncoding() throws Exception {
        Path f = dir.resolve("l1.txt");
        Files.write(f, "1|Mis\u00e9rables, Les (1995)\n2|Caf\u00e9\n3|x\n".getBytes(StandardCharsets.ISO_8859_1));
        Preview p = Readers.preview(f, FileFormat.delimited("|", false), 2);
        assertThat(p.encoding().charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(p.rows()).hasSize(2);
        assertThat(p.rows().get(0).values()).containsExactly("1", "Mis\u00e9rables, Les (1995)");
        assertThat(p.columnCount()).isEqualTo(2);
    }
}
