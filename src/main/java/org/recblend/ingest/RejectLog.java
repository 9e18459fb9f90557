package org.recblend.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Where rejected rows go: into the source's reject report ({@code import_rejects}), or, when the
 * spec says ABORT, into an {@link ImportException} that rolls the whole import back.
 */
final class RejectLog implements AutoCloseable {
    private static final int RAW_MAX = 10_000;

    private final Path file;
    private final ErrorPolicy policy;
    private final int sourceId;
    private final Batch rows;
    private long count;

    RejectLog(Connection c, Path file, ErrorPolicy policy, int sourceId) throws SQLException {
        this.file = file;
        this.policy = policy;
        this.sourceId = sourceId;
        this.rows = new Batch(c, "INSERT INTO import_rejects (source_id, line_no, column_no, column_name, reason, raw_text, file_name)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)");
    }

    /** Records a rejected row; throws when the policy is ABORT. */
    void reject(long line, int column, String columnName, String reason, String rawText) throws ImportException, SQLException {
        if (policy == ErrorPolicy.ABORT) {
            throw new ImportException(file.getFileName() + ", line " + line + ": " + reason
                    + ". Nothing was imported (the import aborts at the first bad row)", file, line, column, columnName, null);
        }
        count++;
        PreparedStatement ps = rows.ps();
        ps.setInt(1, sourceId);
        ps.setLong(2, line);
        if (column > 0) {
            ps.setInt(3, column);
        } else {
            ps.setNull(3, Types.INTEGER);
        }
        ps.setString(4, columnName == null ? null : cut(columnName, 200));
        ps.setString(5, cut(reason, 2000));
        ps.setString(6, rawText == null ? null : cut(rawText, RAW_MAX));
        ps.setString(7, cut(String.valueOf(file.getFileName()), 1000));
        rows.add();
    }

    void reject(long line, RowReject r, String rawText) throws ImportException, SQLException {
        reject(line, r.column(), r.columnName(), r.reason(), rawText);
    }

    long count() {
        return count;
    }

    void flush() throws SQLException {
        rows.flush();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    @Override
    public void close() throws SQLException {
        rows.close();
    }
}
