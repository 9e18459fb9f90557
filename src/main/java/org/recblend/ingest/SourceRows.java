package org.recblend.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.recblend.domain.SourceKind;

/** The datasets and sources rows an import creates, replaces and updates. */
final class SourceRows {
    /** The tables holding a source's rows, cleared when the source is replaced. */
    private static final String[] SOURCE_TABLES = {"interactions", "item_attributes", "item_categories", "item_texts",
        "user_attributes", "social_edges", "user_item_texts", "import_rejects"};

    private SourceRows() {
    }

    /** The dataset's id, creating the dataset when missing. */
    static int datasetId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM datasets WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO datasets (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    /** An existing source: its id and kind. */
    record Existing(int id, SourceKind kind) {
    }

    static Existing find(Connection c, int datasetId, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, kind FROM sources WHERE dataset_id = ? AND name = ?")) {
            ps.setInt(1, datasetId);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Existing(rs.getInt(1), SourceKind.valueOf(rs.getString(2))) : null;
            }
        }
    }

    static int create(Connection c, int datasetId, ImportSpec spec, String fileName, String specJson) throws SQLException {
        String sql = "INSERT INTO sources (dataset_id, name, kind, file_name, settings_json) VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setInt(1, datasetId);
            ps.setString(2, spec.sourceName());
            ps.setString(3, spec.kind().name());
            ps.setString(4, fileName);
            ps.setString(5, specJson);
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    /** Deletes every row of a source (and its reject report) and zeroes its counts. */
    static void clear(Connection c, int sourceId) throws SQLException {
        for (String table : SOURCE_TABLES) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE source_id = ?")) {
                ps.setInt(1, sourceId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE sources SET rows_read = 0, rows_accepted = 0, rows_rejected = 0,"
                + " rows_duplicate = 0 WHERE id = ?")) {
            ps.setInt(1, sourceId);
            ps.executeUpdate();
        }
    }

    /** Adds the import's counts to the source and records the file and spec of the latest import. */
    static void record(Connection c, int sourceId, String fileName, String specJson, long read, long accepted,
                       long rejected, long duplicates) throws SQLException {
        String sql = "UPDATE sources SET file_name = ?, settings_json = ?, rows_read = rows_read + ?, rows_accepted = rows_accepted + ?,"
                + " rows_rejected = rows_rejected + ?, rows_duplicate = rows_duplicate + ?, imported_at = CURRENT_TIMESTAMP WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, fileName);
            ps.setString(2, specJson);
            ps.setLong(3, read);
            ps.setLong(4, accepted);
            ps.setLong(5, rejected);
            ps.setLong(6, duplicates);
            ps.setInt(7, sourceId);
            ps.executeUpdate();
        }
    }

    private static int generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getInt(1);
        }
    }
}
