package org.recblend.ingest.infer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recblend.ingest.read.DetectedEncoding;
import org.recblend.ingest.read.EncodingDetector;
import org.recblend.ingest.read.FileAccess;
import org.recblend.ingest.read.FileFormat;
import org.recblend.ingest.read.FormatType;
import org.recblend.ingest.read.RecBoleTypes;
import org.recblend.ingest.read.TextFileException;

/**
 * Guesses how a file is laid out from its first lines: JSON or delimited text, the delimiter (the
 * candidate that splits the lines into the same number of fields most consistently), quoting,
 * a header line and RecBole's typed headers.
 */
public final class FormatSniffer {
    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final int SAMPLE_LINES = 50;
    private static final long DETECT_BYTES = 1 << 20;
    /** Candidates in order of preference when equally consistent ("::" before ":" never matters: ":" is not one). */
    private static final List<String> DELIMITERS = List.of("\t", ",", ";", "|", "::", " ");

    private FormatSniffer() {
    }

    public static SniffResult sniff(Path file) throws IOException, TextFileException {
        return sniff(file, FileAccess.local());
    }

    public static SniffResult sniff(Path file, FileAccess files) throws IOException, TextFileException {
        DetectedEncoding encoding = EncodingDetector.detect(files, file, null, DETECT_BYTES);
        List<String> lines = firstLines(files, file, encoding);
        String first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        if (first.startsWith("[")) {
            return new SniffResult(FileFormat.jsonArray(), encoding, "starts with '['");
        }
        if (first.startsWith("{")) {
            return new SniffResult(FileFormat.jsonLines(), encoding, "starts with '{'");
        }
        List<String> data = lines.stream().filter(l -> !l.isBlank()).toList();
        String delimiter = ",";
        double best = -1;
        for (String d : DELIMITERS) {
            double score = consistency(data, d);
            if (score > best + 1e-9) {
                best = score;
                delimiter = d;
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : data) {
            rows.add(split(line, delimiter));
        }
        boolean quoted = rows.stream().flatMap(List::stream).anyMatch(v -> v.length() >= 2 && v.startsWith("\"") && v.endsWith("\""));
        boolean typed = !rows.isEmpty() && RecBoleTypes.isTypedHeader(rows.get(0));
        boolean header = typed || hasHeader(rows);
        FileFormat format = new FileFormat(FormatType.DELIMITED, delimiter, quoted || delimiter.equals(",") || delimiter.equals(";") ? null : "",
                header, null, 0, typed);
        String reason = String.format("%s splits the first %d lines into %s fields consistently%s", describe(delimiter), data.size(),
                rows.isEmpty() ? "0" : String.valueOf(rows.get(0).size()),
                typed ? "; RecBole typed header" : header ? "; the first line names the columns" : "; no header line");
        return new SniffResult(format, encoding, reason);
    }

    private static String describe(String d) {
        return switch (d) {
            case "\t" -> "TAB";
            case " " -> "A space";
            default -> "'" + d + "'";
        };
    }

    private static List<String> firstLines(FileAccess files, Path file, DetectedEncoding encoding) throws IOException {
        byte[] head;
        try (InputStream in = files.open(file)) {
            head = in.readNBytes(SAMPLE_BYTES);
        }
        Charset cs = encoding.charset();
        String text = new String(head, encoding.bomLength(), head.length - encoding.bomLength(), cs);
        String[] parts = text.split("\r\n|\n|\r", -1);
        List<String> lines = new ArrayList<>();
        int usable = head.length == SAMPLE_BYTES ? parts.length - 1 : parts.length; // the last may be cut
        for (int i = 0; i < usable && lines.size() < SAMPLE_LINES; i++) {
            lines.add(parts[i]);
        }
        return lines;
    }

    /** How well a delimiter splits the lines: share of lines with the most common field count, times log of that count. */
    private static double consistency(List<String> lines, String d) {
        if (lines.isEmpty()) {
            return 0;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (String line : lines) {
            counts.merge(split(line, d).size(), 1, Integer::sum);
        }
        Map.Entry<Integer, Integer> mode = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        if (mode.getKey() < 2) {
            return 0;
        }
        double share = (double) mode.getValue() / lines.size();
        double penalty = d.equals(" ") ? 0.9 : 1.0; // spaces also separate words of text
        return share * penalty * (1 + Math.log(mode.getKey()) / 10);
    }

    /** Splits a line, keeping delimiters inside double quotes. */
    static List<String> split(String line, String d) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && (cur.length() == 0 || inQuotes)) {
                inQuotes = !inQuotes;
                cur.append(c);
            } else if (!inQuotes && line.startsWith(d, i)) {
                out.add(cur.toString());
                cur.setLength(0);
                i += d.length() - 1;
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** A header names columns: every first-line value is text, and some column holds numbers below it or names repeat no value. */
    private static boolean hasHeader(List<List<String>> rows) {
        if (rows.size() < 2) {
            return false;
        }
        List<String> first = rows.get(0);
        if (first.stream().anyMatch(v -> v.isBlank() || isNumber(v))) {
            return false;
        }
        for (int c = 0; c < first.size(); c++) {
            boolean numericBelow = true;
            for (int r = 1; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                if (c >= row.size() || !isNumber(row.get(c))) {
                    numericBelow = false;
                    break;
                }
            }
            if (numericBelow) {
                return true;
            }
        }
        // all columns are text: a header when its values never occur again in their column
        for (int c = 0; c < first.size(); c++) {
            for (int r = 1; r < rows.size(); r++) {
                if (c < rows.get(r).size() && rows.get(r).get(c).equals(first.get(c))) {
                    return false;
                }
            }
        }
        return RoleSuggester.normalise(String.join("", first)).chars().allMatch(Character::isLetterOrDigit);
    }

    private static boolean isNumber(String v) {
        String s = v.strip();
        if (s.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(s);
            return s.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E');
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
