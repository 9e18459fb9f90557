package org.recblend.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.recblend.store.ProjectStore;

/** The rows an import rejected, read page by page (a bad file can have millions). */
public final class RejectReport {
    private final ProjectStore store;
    private final int sourceId;

    /**
     * One rejected row.
     *
     * @param line       where it starts in the file
     * @param column     the 1-based column to blame, or {@code null} for the whole row
     * @param columnName the column's name, or {@code null}
     * @param reason     why it was rejected
     * @param rawText    the row as written (cut at 10,000 characters)
     */
    public record Reject(long line, Integer column, String columnName, String reason, String rawText) {
    }

    private RejectReport(ProjectStore store, int sourceId) {
        this.store = store;
        this.sourceId = sourceId;
    }

    public static RejectReport of(ProjectStore store, int sourceId) {
        return new RejectReport(store, sourceId);
    }

    public int sourceId() {
        return sourceId;
    }

    /** The number of rejected rows. */
    public long total() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM import_rejects WHERE source_id = ?")) {
                ps.setInt(1, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Up to {@code limit} rejects from {@code offset}, in file order. */
    public List<Reject> page(long offset, int limit) {
        return store.read(c -> page(c, sourceId, offset, limit));
    }

    /** A page read on a given connection: a dry run reads its rejects before it rolls back. */
    static List<Reject> page(Connection c, int sourceId, long offset, int limit) throws SQLException {
        String sql = "SELECT line_no, column_no, column_name, reason, raw_text FROM import_rejects WHERE source_id = ?"
                + " ORDER BY line_no, column_no LIMIT ? OFFSET ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, sourceId);
            ps.setInt(2, limit);
            ps.setLong(3, offset);
            List<Reject> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int col = rs.getInt(2);
                    Integer column = rs.wasNull() ? null : col;
                    out.add(new Reject(rs.getLong(1), column, rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        }
    }
}
