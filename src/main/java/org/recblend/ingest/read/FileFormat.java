package org.recblend.ingest.read;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/**
 * How to read a file: layout, delimiter, quoting, header, encoding and lines to skip.
 *
 * <p>In JSON (mapping files) the delimiter may also be written as {@code TAB}, {@code SPACE},
 * {@code PIPE}, {@code COMMA} or {@code SEMICOLON}. The quote is {@code null} for the default
 * ({@code "}) and an empty string for none: files such as Last.fm's {@code .dat} contain stray
 * quotes that must be read as text.
 *
 * @param type        delimited text, JSON Lines or a JSON array
 * @param delimiter   the field delimiter, one or more characters (e.g. {@code "\t"}, {@code "::"})
 * @param quote       the quote character; {@code null} means {@code "}, {@code ""} means no quoting
 * @param header      whether the first (non-skipped) line names the columns
 * @param encoding    a Java charset name; {@code null} means detect
 * @param skipLines   lines to skip before the header or the first record
 * @param typedHeader whether header names carry RecBole types ({@code user_id:token}) to strip
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileFormat(FormatType type, String delimiter, String quote, boolean header,
                         String encoding, int skipLines, boolean typedHeader) {

    public FileFormat {
        type = type == null ? FormatType.DELIMITED : type;
        delimiter = normaliseDelimiter(type == FormatType.DELIMITED && delimiter == null ? "," : delimiter);
        if (type == FormatType.DELIMITED && delimiter.isEmpty()) {
            throw new IllegalArgumentException("The delimiter of a delimited file must not be empty");
        }
        if (quote != null && quote.length() > 1) {
            throw new IllegalArgumentException("The quote must be one character or empty, not '" + quote + "'");
        }
        if (skipLines < 0) {
            throw new IllegalArgumentException("skipLines must not be negative");
        }
        encoding = encoding == null || encoding.isBlank() ? null : encoding.strip();
    }

    /** Comma-separated with a header line and {@code "} quotes. */
    public static FileFormat csv() {
        return new FileFormat(FormatType.DELIMITED, ",", null, true, null, 0, false);
    }

    /** Delimited by the given string, without quoting. */
    public static FileFormat delimited(String delimiter, boolean header) {
        return new FileFormat(FormatType.DELIMITED, delimiter, "", header, null, 0, false);
    }

    /** Tab-separated without quoting. */
    public static FileFormat tsv(boolean header) {
        return delimited("\t", header);
    }

    /** One JSON object per line. */
    public static FileFormat jsonLines() {
        return new FileFormat(FormatType.JSON_LINES, null, null, false, null, 0, false);
    }

    /** A JSON array of objects. */
    public static FileFormat jsonArray() {
        return new FileFormat(FormatType.JSON_ARRAY, null, null, false, null, 0, false);
    }

    /** The same format with another delimiter (names such as {@code TAB} allowed). */
    public FileFormat withDelimiter(String newDelimiter) {
        return new FileFormat(type, newDelimiter, quote, header, encoding, skipLines, typedHeader);
    }

    /** The same settings for another layout; a JSON layout drops the delimiter and quote. */
    public FileFormat withType(FormatType newType) {
        boolean json = newType != FormatType.DELIMITED;
        return new FileFormat(newType, json ? null : delimiter == null ? "," : delimiter, json ? null : quote,
                !json && header, encoding, json ? 0 : skipLines, !json && typedHeader);
    }

    public FileFormat withEncoding(String newEncoding) {
        return new FileFormat(type, delimiter, quote, header, newEncoding, skipLines, typedHeader);
    }

    public FileFormat withQuote(Character newQuote) {
        return new FileFormat(type, delimiter, newQuote == null ? "" : newQuote.toString(), header, encoding, skipLines, typedHeader);
    }

    public FileFormat withHeader(boolean newHeader) {
        return new FileFormat(type, delimiter, quote, newHeader, encoding, skipLines, typedHeader);
    }

    public FileFormat withSkipLines(int lines) {
        return new FileFormat(type, delimiter, quote, header, encoding, lines, typedHeader);
    }

    /** RecBole atomic files: a header of {@code name:type} fields. */
    public FileFormat withTypedHeader(boolean typed) {
        return new FileFormat(type, delimiter, quote, header || typed, encoding, skipLines, typed);
    }

    /** The quote character, or {@code null} when fields are not quoted. */
    @JsonIgnore
    public Character quoteChar() {
        if (quote == null) {
            return '"';
        }
        return quote.isEmpty() ? null : quote.charAt(0);
    }

    @JsonIgnore
    public boolean isJson() {
        return type != FormatType.DELIMITED;
    }

    /** A short description for messages and logs, such as "TAB-separated, header, UTF-8". */
    public String describe() {
        if (isJson()) {
            return (type == FormatType.JSON_LINES ? "JSON Lines" : "JSON array") + (encoding == null ? "" : ", " + encoding);
        }
        String d = switch (delimiter) {
            case "\t" -> "TAB";
            case " " -> "space";
            default -> "'" + delimiter + "'";
        };
        return d + "-separated" + (header ? ", header" : ", no header") + (encoding == null ? "" : ", " + encoding);
    }

    private static String normaliseDelimiter(String d) {
        if (d == null) {
            return null;
        }
        return switch (d.toUpperCase(Locale.ROOT)) {
            case "TAB", "\\T" -> "\t";
            case "SPACE" -> " ";
            case "PIPE" -> "|";
            case "COMMA" -> ",";
            case "SEMICOLON" -> ";";
            default -> d;
        };
    }
}
