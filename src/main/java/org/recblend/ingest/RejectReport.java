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
     * @param file       the name of the file the row is in (a source can be filled from several)
     */
    public record Reject(long line, Integer column, String columnName, String reason, String rawText, String file) {
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

    /** Up to {@code limit} rejects from {@code offset}, by line (rows of several files interleave; each names its file). */
    public List<Reject> page(long offset, int limit) {
        return store.read(c -> page(c, sourceId, offset, limit));
    }

    /** A page read on a given connection: a dry run reads its rejects before it rolls back. */
    static List<Reject> page(Connection c, int sourceId, long offset, int limit) throws SQLException {
        // a reject written before schema 3 has no file of its own: it came from the source's file
        String sql = "SELECT r.line_no, r.column_no, r.column_name, r.reason, r.raw_text, COALESCE(r.file_name, s.file_name)"
                + " FROM import_rejects r JOIN sources s ON s.id = r.source_id WHERE r.source_id = ?"
                + " ORDER BY r.line_no, r.column_no LIMIT ? OFFSET ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, sourceId);
            ps.setInt(2, limit);
            ps.setLong(3, offset);
            List<Reject> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int col = rs.getInt(2);
                    Integer column = rs.wasNull() ? null : col;
                    String file = rs.getString(6);
                    out.add(new Reject(rs.getLong(1), column, rs.getString(3), rs.getString(4), rs.getString(5),
                            file == null ? null : java.nio.file.Path.of(file).getFileName().toString()));
                }
            }
            return out;
        }
    }
}
