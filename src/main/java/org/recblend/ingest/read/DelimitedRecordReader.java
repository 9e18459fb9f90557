package org.recblend.ingest.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Delimited text through commons-csv: any delimiter, optional quotes and header, exact line numbers. */
final class DelimitedRecordReader implements RecordReader {
    private static final String EOF_IN_QUOTES = "EOF reached before encapsulated token finished";

    private final Path file;
    private final CountingInputStream counter;
    private final WindowReader window;
    private final DetectedEncoding encoding;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final long lineOffset;
    private List<String> header = List.of();
    private long headerLine;

    private CSVRecord current;
    private long line;
    private long lineBreaks;       // line breaks the current record spans
    private String raw;
    private boolean finished;

    DelimitedRecordReader(Path file, FileFormat format, CountingInputStream counter, WindowReader window,
                          DetectedEncoding encoding) throws IOException, TextFileException {
        this.file = file;
        this.counter = counter;
        this.window = window;
        this.encoding = encoding;
        int skipped = 0;
        try {
            while (skipped < format.skipLines() && window.skipLine()) {
                skipped++;
            }
        } catch (CharacterCodingException e) {
            throw badEncoding(skipped + 1, e);
        }
        this.lineOffset = skipped;
        CSVFormat csv = CSVFormat.Builder.create()
                .setDelimiter(format.delimiter())
                .setQuote(format.quoteChar())
                .setIgnoreEmptyLines(false)  // we skip them ourselves, so line numbers stay exact
                .setRecordSeparator("\n")
                .get();
        this.parser = csv.parse(window.startParsing());
        this.records = parser.iterator();
        if (format.header()) {
            try {
                if (!advance()) {
                    return;
                }
            } catch (MalformedRecordException e) {
                throw new TextFileException(TextFileException.Problem.SYNTAX, file, e.line(),
                        file.getFileName() + ", line " + e.line() + ": the header cannot be read: " + e.reason(), e);
            }
            headerLine = line;
            header = headerNames(current, format.typedHeader());
        }
    }

    private static List<String> headerNames(CSVRecord record, boolean typed) {
        List<String> names = new ArrayList<>(record.size());
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (typed) {
                name = RecBoleTypes.stripType(name);
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public long headerLine() {
        return headerLine;
    }

    @Override
    public boolean next() throws IOException, TextFileException, MalformedRecordException {
        while (advance()) {
            if (current.size() == 1 && current.get(0).isEmpty()) {
                continue; // an empty line
            }
            return true;
        }
        return false;
    }

    private boolean advance() throws IOException, TextFileException, MalformedRecordException {
        long before = parser.getCurrentLineNumber();
        if (current != null) {
            window.release(current.getCharacterPosition());
        }
        long previousStart = current == null ? 0 : current.getCharacterPosition();
        long previousBreaks = lineBreaks;
        boolean hasPrevious = current != null;
        raw = null;
        if (finished) {
            current = null;
            return false;
        }
        try {
            if (!records.hasNext()) {
                current = null;
                return false;
            }
            current = records.next();
        } catch (UncheckedIOException e) {
            long startLine = before + 1 + lineOffset;
            IOException cause = e.getCause();
            if (cause instanceof CharacterCodingException cce) {
                throw badEncoding(parser.getCurrentLineNumber() + 1 + lineOffset, cce);
            }
            if (cause instanceof CSVException) {
                finished = true;
                current = null;
                if (cause.getMessage() != null && cause.getMessage().contains(EOF_IN_QUOTES)) {
                    long from = hasPrevious ? window.endOf(previousStart, previousBreaks) : 0;
                    throw new MalformedRecordException(startLine,
                            "the row is truncated: a quoted value is not closed before the end of the file",
                            window.text(from, 0), cause);
                }
                throw new TextFileException(TextFileException.Problem.SYNTAX, file, startLine,
                        file.getFileName() + ", line " + startLine + ": the row cannot be parsed (" + cause.getMessage()
                                + "); if the file does not quote its values, set the quote to none", cause);
            }
            throw cause;
        }
        long after = parser.getCurrentLineNumber();
        lineBreaks = after - before;
        line = before + 1 + lineOffset;
        return true;
    }

    private TextFileException badEncoding(long atLine, CharacterCodingException e) {
        return new TextFileException(TextFileException.Problem.BAD_ENCODING, file, atLine,
                file.getFileName() + ", line " + atLine + ": the text is not valid " + encoding.name()
                        + "; choose the file's encoding (for example ISO-8859-1)", e);
    }

    @Override
    public int size() {
        return current.size();
    }

    @Override
    public String get(int index) {
        return index < current.size() ? current.get(index) : null;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public String rawText() {
        if (raw == null) {
            raw = window.text(current.getCharacterPosition(), lineBreaks);
        }
        return raw;
    }

    @Override
    public long bytesRead() {
        return counter.count();
    }

    @Override
    public DetectedEncoding encoding() {
        return encoding;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
