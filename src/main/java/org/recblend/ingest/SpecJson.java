package org.recblend.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes {@link ImportSpec}s as JSON: the mapping files of {@code recblend import
 * --mapping} and the settings stored with each source. Unknown fields are errors, so a typo in a
 * hand-written mapping file is reported instead of silently ignored.
 */
public final class SpecJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SpecJson() {
    }

    public static String toJson(ImportSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An import spec cannot be written as JSON", e);
        }
    }

    /** Parses a spec; the message of a failure names the field and the line. */
    public static ImportSpec fromJson(String json) throws ImportException {
        return parse(json, null);
    }

    /** Reads a mapping file. */
    public static ImportSpec read(Path file) throws ImportException {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new ImportException("Cannot read the mapping file " + file + ": " + e.getMessage(), file, 0, 0, null, e);
        }
        return parse(json, file);
    }

    public static void write(ImportSpec spec, Path file) throws IOException {
        Files.writeString(file, toJson(spec) + System.lineSeparator());
    }

    /** Jackson reports unknown fields of records at the end of the object: find the field itself. */
    private static long lineOf(String json, String token, JsonProcessingException e) {
        int at = json.indexOf(token);
        if (at < 0) {
            return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        }
        return json.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static ImportSpec parse(String json, Path file) throws ImportException {
        String where = file == null ? "The import spec" : "The mapping file " + file.getFileName();
        try {
            ImportSpec spec = MAPPER.readValue(json, ImportSpec.class);
            if (spec == null) {
                throw new ImportException(where + " is empty", file, 0, 0, null, null);
            }
            return spec;
        } catch (UnrecognizedPropertyException e) {
            long line = lineOf(json, "\"" + e.getPropertyName() + "\"", e);
            List<String> known = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            throw new ImportException(where + ", line " + line + ": unknown field '" + e.getPropertyName()
                    + "' (known fields: " + String.join(", ", known) + ")", file, line, 0, null, e);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String reason = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
            throw new ImportException(where + ", line " + line + ": " + reason, file, line, 0, null, e);
        }
    }
}
