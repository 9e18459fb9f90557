package org.recblend.ingest;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recblend.ingest.read.FileAccess;
import org.recblend.ingest.read.MalformedRecordException;
import org.recblend.ingest.read.RecordReader;
import org.recblend.ingest.read.Readers;
import org.recblend.ingest.read.TextFileException;
import org.recblend.task.TaskMonitor;

/** Loads the code tables of value lookups into memory (they are small: tags, id indices). */
final class Lookups {
    private Lookups() {
    }

    /** Resolves a lookup's file against the folder of the imported file. */
    static Path resolve(ValueLookup lookup, Path importedFile) {
        Path p = Path.of(lookup.file());
        Path folder = importedFile.toAbsolutePath().getParent();
        return p.isAbsolute() || folder == null ? p : folder.resolve(p);
    }

    static Map<String, String> load(ValueLookup lookup, Path importedFile, FileAccess files, TaskMonitor monitor) throws ImportException {
        Path file = resolve(lookup, importedFile);
        String name = file.getFileName().toString();
        Map<String, String> table = new HashMap<>();
        try (RecordReader r = Readers.open(file, lookup.format(), files, monitor)) {
            int key = column(lookup.keyIndex(), lookup.keyColumn(), r.header(), file, "key");
            int value = column(lookup.valueIndex(), lookup.valueColumn(), r.header(), file, "value");
            for (long row = 0; ; row++) {
                if (row % 10_000 == 0) {
                    monitor.checkCancelled();
                }
                try {
                    if (!r.next()) {
                        break;
                    }
                } catch (MalformedRecordException e) {
                    throw new ImportException("The lookup table " + name + ", line " + e.line() + ": " + e.reason(), file, e.line(), 0, null, e);
                }
                String k = Column.strip(r.get(key));
                String v = r.get(value);
                if (k != null && !k.isEmpty() && v != null) {
                    table.putIfAbsent(k, v.strip());
                }
            }
        } catch (NoSuchFileException e) {
            throw new ImportException("The lookup table " + file + " does not exist", file);
        } catch (TextFileException e) {
            throw new ImportException("The lookup table: " + e.getMessage(), file, e.line(), 0, null, e);
        } catch (IOException e) {
            throw new ImportException("The lookup table " + file + " cannot be read: " + e.getMessage(), file, 0, 0, null, e);
        }
        return table;
    }

    private static int column(Integer index, String name, List<String> header, Path file, String what) throws ImportException {
        if (name != null) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new ImportException("The lookup table " + file.getFileName() + " has no " + what + " column '" + name
                        + "' (columns: " + String.join(", ", header) + ")", file);
            }
            return i;
        }
        return index;
    }
}
