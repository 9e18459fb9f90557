package org.recblend.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps the external ids of one dataset's users (or items) to the integer ids of the project,
 * creating new ones as max(id)+1, ... and inserting them in batches within the import's transaction.
 */
final class IdRegistry implements AutoCloseable {
    private final String table;
    private final int datasetId;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Batch inserts;
    private int next;
    private int created;

    IdRegistry(Connection c, String table, int datasetId) throws SQLException {
        this.table = table;
        this.datasetId = datasetId;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, ext_id FROM " + table + " WHERE dataset_id = ?")) {
            ps.setInt(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getInt(1));
                }
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            next = rs.getInt(1) + 1;
        }
        inserts = new Batch(c, "INSERT INTO " + table + " (id, dataset_id, ext_id) VALUES (?, ?, ?)");
    }

    /** The id of a known external id, or -1. */
    int find(String externalId) {
        Integer id = ids.get(externalId);
        return id == null ? -1 : id;
    }

    /** The id of an external id, created when new. */
    int idFor(String externalId) throws SQLException {
        Integer id = ids.get(externalId);
        if (id != null) {
            return id;
        }
        int fresh = next++;
        ids.put(externalId, fresh);
        created++;
        inserts.ps().setInt(1, fresh);
        inserts.ps().setInt(2, datasetId);
        inserts.ps().setString(3, externalId);
        inserts.add();
        return fresh;
    }

    int created() {
        return created;
    }

    void flush() throws SQLException {
        inserts.flush();
    }

    String table() {
        return table;
    }

    @Override
    public void close() throws SQLException {
        inserts.close();
    }
}
