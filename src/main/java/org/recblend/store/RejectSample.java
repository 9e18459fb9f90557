package org.recblend.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The first rejected rows of an imported source, in file order: enough to show a user what went wrong. */
public final class RejectSample {
    private RejectSample() {
    }

    /**
     * One rejected row.
     *
     * @param line the line in the file (1 = first line)
     * @param column the column's name, else its number, else empty
     * @param reason why it was rejected
     * @param rawText the row as read, possibly shortened
     */
    public record Row(long line, String column, String reason, String rawText) {
    }

    /** Up to {@code limit} rejected rows of the source, by line. */
    public static List<Row> first(ProjectStore store, int sourceId, int limit) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT line_no, column_no, column_name, reason, raw_text"
                    + " FROM import_rejects WHERE source_id = ? ORDER BY line_no, column_no LIMIT ?")) {
                ps.setInt(1, sourceId);
                ps.setInt(2, limit);
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int number = rs.getInt(2);
                        boolean noNumber = rs.wasNull();
                        String name = rs.getString(3);
                        String column = name != null ? name : noNumber ? "" : String.valueOf(number);
                        rows.add(new Row(rs.getLong(1), column, rs.getString(4), rs.getString(5)));
                    }
                }
                return rows;
            }
        });
    }
}
