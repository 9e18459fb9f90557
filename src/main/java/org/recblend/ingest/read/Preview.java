package org.recblend.ingest.read;

import java.util.ArrayList;
import java.util.List;

/**
 * The first rows of a file as the importer would read them.
 *
 * @param header   the column names (empty for a file without a header)
 * @param rows     the parsed rows
 * @param encoding the encoding found (or chosen)
 * @param format   the format used
 */
public record Preview(List<String> header, List<Row> rows, DetectedEncoding encoding, FileFormat format) {

    public Preview {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /**
     * One parsed row.
     *
     * @param line    where it starts in the file
     * @param values  its values ({@code null} for a JSON field the object lacks)
     * @param problem why it cannot be read, or {@code null}
     */
    public record Row(long line, List<String> values, String problem) {
        public Row {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** The number of columns: the header's, else the widest row's. */
    public int columnCount() {
        int n = header.size();
        for (Row r : rows) {
            if (r.problem() == null) {
                n = Math.max(n, r.values().size());
            }
        }
        return n;
    }
}
