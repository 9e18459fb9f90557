package org.recblend.ingest.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * JSON Lines (one object per line) and JSON arrays of objects, through Jackson. The columns are the
 * field names of the first objects (up to {@value #HEADER_SAMPLE}), in order of appearance; fields
 * first seen later are appended. Arrays of plain values read as one value joined by {@code |}.
 */
final class JsonRecordReader implements RecordReader {
    static final int HEADER_SAMPLE = 1000;
    /** What arrays of plain values are joined with; a mapping splits them again with this separator. */
    public static final String ARRAY_JOINER = "|";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final FormatType type;
    private final CountingInputStream counter;
    private final DetectedEncoding encoding;
    private final BufferedReader text;
    private JsonParser parser;
    private long textLine;
    private boolean started;
    private boolean finished;

    private final ArrayDeque<Entry> ahead = new ArrayDeque<>();
    private final List<String> names = new ArrayList<>();
    private final Set<String> known = new HashSet<>();
    private final List<String> header = Collections.unmodifiableList(names);
    private Entry current;

    private record Entry(ObjectNode node, long line, String raw, MalformedRecordException error) {
    }

    JsonRecordReader(Path file, FileFormat format, CountingInputStream counter, BufferedReader text,
                     DetectedEncoding encoding) throws IOException, TextFileException {
        this.file = file;
        this.type = format.type();
        this.counter = counter;
        this.encoding = encoding;
        this.text = text;
        for (int i = 0; i < format.skipLines(); i++) {
            if (text.readLine() == null) {
                break;
            }
            textLine++;
        }
        while (ahead.size() < HEADER_SAMPLE) {
            Entry e = fetch();
            if (e == null) {
                break;
            }
            ahead.add(e);
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public long headerLine() {
        return 0;
    }

    @Override
    public boolean next() throws IOException, TextFileException, MalformedRecordException {
        Entry e = ahead.isEmpty() ? fetch() : ahead.poll();
        current = e;
        if (e == null) {
            return false;
        }
        if (e.error() != null) {
            throw e.error();
        }
        return true;
    }

    private Entry fetch() throws IOException, TextFileException {
        if (finished) {
            return null;
        }
        try {
            return type == FormatType.JSON_LINES ? fetchLine() : fetchArrayElement();
        } catch (CharacterCodingException e) {
            throw new TextFileException(TextFileException.Problem.BAD_ENCODING, file, textLine,
                    file.getFileName() + ": the text is not valid " + encoding.name() + "; choose the file's encoding", e);
        }
    }

    private Entry fetchLine() throws IOException {
        String line;
        do {
            line = text.readLine();
            if (line == null) {
                finished = true;
                return null;
            }
            textLine++;
        } while (line.isBlank());
        if (textLine == 1 && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        try {
            JsonNode node = MAPPER.readTree(line);
            if (node instanceof ObjectNode object) {
                learn(object);
                return new Entry(object, textLine, line, null);
            }
            return failed(textLine, "expected a JSON object, found " + describe(node), line);
        } catch (JsonProcessingException e) {
            return failed(textLine, "not valid JSON: " + e.getOriginalMessage(), line);
        }
    }

    private Entry fetchArrayElement() throws IOException, TextFileException {
        try {
            if (!started) {
                started = true;
                parser = MAPPER.getFactory().createParser(text);
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_ARRAY) {
                    throw new TextFileException(TextFileException.Problem.SYNTAX, file, line(parser),
                            file.getFileName() + ", line " + line(parser) + ": expected a JSON array ('['), found "
                                    + (first == null ? "nothing" : parser.getText()), null);
                }
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                finished = true;
                return null;
            }
            long at = line(parser);
            JsonNode node = MAPPER.readTree(parser);
            if (node instanceof ObjectNode object) {
                learn(object);
                return new Entry(object, at, null, null);
            }
            return failed(at, "expected a JSON object, found " + describe(node), String.valueOf(node));
        } catch (JsonEOFException e) {
            finished = true;
            long at = e.getLocation() == null ? textLine : e.getLocation().getLineNr();
            return failed(at, "the file ends inside a JSON value (truncated)", "");
        } catch (StreamReadException e) {
            long at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new TextFileException(TextFileException.Problem.SYNTAX, file, at,
                    file.getFileName() + ", line " + at + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static long line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private Entry failed(long line, String reason, String raw) {
        return new Entry(null, line, raw, new MalformedRecordException(line, reason, raw, null));
    }

    private static String describe(JsonNode node) {
        return node.isArray() ? "an array" : node.isTextual() ? "a string" : node.isNumber() ? "a number" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private void learn(ObjectNode object) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (known.add(name)) {
                names.add(name);
            }
        }
    }

    @Override
    public int size() {
        return names.size();
    }

    @Override
    public String get(int index) {
        if (index >= names.size()) {
            return null;
        }
        return valueText(current.node().get(names.get(index)));
    }

    /** A JSON value as the text the importer parses. */
    static String valueText(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode e : v) {
                if (!e.isValueNode()) {
                    return v.toString();
                }
                if (!sb.isEmpty()) {
                    sb.append(ARRAY_JOINER);
                }
                sb.append(e.asText());
            }
            return sb.toString();
        }
        return v.toString();
    }

    @Override
    public long line() {
        return current.line();
    }

    @Override
    public String rawText() {
        return current.raw() != null ? current.raw() : current.node().toString();
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
        if (parser != null) {
            parser.close();
        }
        text.close();
    }
}
