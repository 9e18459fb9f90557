package org.recblend.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encoding detection on files the test writes in each encoding. */
class EncodingDetectorTest {
    private static final String TEXT = "id|title\n1|Misérables, Les (1995)\n2|Café Ünïcödé\n";

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static DetectedEncoding detect(Path p) throws Exception {
        return EncodingDetector.detect(FileAccess.local(), p, null);
    }

    /** Reads the second column of every row through the normal reader. */
    private static String titles(Path p) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (RecordReader r = Readers.open(p, FileFormat.delimited("|", true))) {
            while (r.next()) {
                sb.append(r.get(1)).append(';');
            }
        }
        return sb.toString();
    }

    @Test
    void latin1IsDetectedAndDecoded() throws Exception {
        Path p = write("latin1.txt", TEXT.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(detect(p).charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(titles(p)).isEqualTo("Misérables, Les (1995);Café Ünïcödé;");
    }

    @Test
    void validUtf8AndPlainAscii() throws Exception {
        assertThat(detect(write("utf8.txt", TEXT.getBytes(StandardCharsets.UTF_8))).how()).isEqualTo("valid UTF-8");
        assertThat(detect(write("ascii.txt", "a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII))).how()).isEqualTo("ASCII");
    }

    @Test
    void utf8Utf16LeAndBeByteOrderMarks() throws Exception {
        Path utf8 = write("bom8.txt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(StandardCharsets.UTF_8)));
        assertThat(detect(utf8)).isEqualTo(new DetectedEncoding(StandardCharsets.UTF_8, 3, "byte-order mark"));
        assertThat(titles(utf8)).isEqualTo("Misérables, Les (1995);Café Ünïcödé;");
        try (RecordReader r = Readers.open(utf8, FileFormat.delimited("|", true))) {
            assertThat(r.header()).containsExactly("id", "title"); // no BOM glued to the first name
        }

        Path le = write("bom16le.txt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE)));
        assertThat(detect(le).charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(titles(le)).isEqualTo("Misérables, Les (1995);Café Ünïcödé;");

        Path be = write("bom16be.txt", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE)));
        assertThat(detect(be).charset()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(titles(be)).isEqualTo("Misérables, Les (1995);Café Ünïcödé;");
    }

    @Test
    void utf16WithoutByteOrderMarkByItsNulPattern() throws Exception {
        Path le = write("nobom16le.txt", TEXT.getBytes(StandardCharsets.UTF_16LE));
        assertThat(detect(le).charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(titles(le)).isEqualTo("Misérables, Les (1995);Café Ünïcödé;");
        Path be = write("nobom16be.txt", TEXT.getBytes(StandardCharsets.UTF_16BE));
        assertThat(detect(be).charset()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(titles(be)).isEqualTo("Misérables, Les (1995);Café Ünïcödé;");
    }

    @Test
    void utf8WithSomeLatin1LinesReadsBothParts() throws Exception {
        byte[] utf8 = "id|title\n1|Ünïcödé café\n2|日本語\n3|naïve\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "4|rock français\n".getBytes(StandardCharsets.ISO_8859_1);
        Path p = write("mixed.txt", concat(utf8, latin1));
        DetectedEncoding e = detect(p);
        assertThat(e.name()).isEqualTo(EncodingDetector.UTF8_LATIN1);
        assertThat(e.how()).isEqualTo("UTF-8 with 1 byte(s) read as Latin-1");
        assertThat(titles(p)).isEqualTo("Ünïcödé café;日本語;naïve;rock français;");
    }

    @Test
    void binaryEmptyAndUnknownEncodingsAreClearErrors() throws Exception {
        Path bin = write("data.bin", new byte[] {1, 2, 3, 0, 5, 6, 7, 8, 9, 0, 0, 1});
        assertThatThrownBy(() -> detect(bin)).isInstanceOf(TextFileException.class)
                .hasMessage("data.bin is not a text file (it contains binary data such as NUL or control bytes)")
                .extracting(t -> ((TextFileException) t).problem()).isEqualTo(TextFileException.Problem.BINARY);
        Path control = write("control.bin", new byte[] {1, 2, 3, 4, 'a', 'b', 5, 6, 7, 8, 'c', 'd'});
        assertThatThrownBy(() -> detect(control)).hasMessageContaining("not a text file");
        Path empty = write("empty.txt", new byte[0]);
        assertThatThrownBy(() -> detect(empty)).hasMessage("empty.txt is empty");
        Path ok = write("ok.txt", TEXT.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> EncodingDetector.detect(FileAccess.local(), ok, "klingon-8"))
                .hasMessageStartingWith("Unknown encoding 'klingon-8' for ok.txt");
    }

    @Test
    void overrideWinsOverDetection() throws Exception {
        Path p = write("cp1252.txt", "id|title\n1|\u20ac 5\n".getBytes(Charset.forName("windows-1252")));
        assertThat(EncodingDetector.detect(FileAccess.local(), p, "windows-1252").charset()).isEqualTo(Charset.forName("windows-1252"));
        StringBuilder sb = new StringBuilder();
        try (RecordReader r = Readers.open(p, FileFormat.delimited("|", true).withEncoding("windows-1252"))) {
            while (r.next()) {
                sb.append(r.get(1));
            }
        }
        assertThat(sb.toString()).isEqualTo("\u20ac 5");
    }

    @Test
    void wrongOverrideIsReportedWithTheLine() throws Exception {
        Path p = write("latin.txt", "id|title\n1|ok\n2|caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> {
            try (RecordReader r = Readers.open(p, FileFormat.delimited("|", true).withEncoding("UTF-8"))) {
                while (r.next()) {
                    r.get(1);
                }
            }
        }).isInstanceOf(TextFileException.class).hasMessageContaining("latin.txt, line").hasMessageContaining("not valid UTF-8");
    }
}
