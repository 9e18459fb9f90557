package org.recblend.testutil;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recblend.domain.SourceKind;
import org.recblend.store.ProjectStore;

/**
 * Puts data into a project with plain SQL, as the importer would, so pipeline tests need no
 * importer. Users and items get database ids in the order they are first named.
 */
public final class DatasetFixture {
    private final ProjectStore store;
    private final int datasetId;
    private final Map<String, Integer> users = new HashMap<>();
    private final Map<String, Integer> items = new HashMap<>();

    private DatasetFixture(ProjectStore store, int datasetId) {
        this.store = store;
        this.datasetId = datasetId;
    }

    /** Creates a dataset of this name. */
    public static DatasetFixture create(ProjectStore store, String name) {
        int id = store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO datasets (name) VALUES (?)", new String[] {"ID"})) {
                ps.setString(1, name);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        return new DatasetFixture(store, id);
    }

    public int datasetId() {
        return datasetId;
    }

    /** Adds a source and returns its id. */
    public int source(String name, SourceKind kind) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sources (dataset_id, name, kind, file_name) VALUES (?, ?, ?, ?)",
                    new String[] {"ID"})) {
                ps.setInt(1, datasetId);
                ps.setString(2, name);
                ps.setString(3, kind.name());
                ps.setString(4, name + ".csv");
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** One interaction row; weight and ts may be null. */
    public void interaction(int sourceId, String user, String item, Double weight, Long ts) {
        interactions(sourceId, List.of(new Row(user, item, weight, ts)));
    }

    /** An interaction row to insert in bulk. */
    public record Row(String user, String item, Double weight, Long ts) {
    }

    public void interactions(int sourceId, List<Row> rows) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO interactions (source_id, user_id, item_id, weight, ts) VALUES (?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Row r : rows) {
                    ps.setInt(1, sourceId);
                    ps.setInt(2, userId(c, r.user()));
                    ps.setInt(3, itemId(c, r.item()));
                    if (r.weight() == null) {
                        ps.setNull(4, Types.DOUBLE);
                    } else {
                        ps.setDouble(4, r.weight());
                    }
                    if (r.ts() == null) {
                        ps.setNull(5, Types.BIGINT);
                    } else {
                        ps.setLong(5, r.ts());
                    }
                    ps.addBatch();
                    if (++n % 10_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sources SET rows_read = rows_read + ?, rows_accepted = rows_accepted + ? WHERE id = ?")) {
                ps.setLong(1, rows.size());
                ps.setLong(2, rows.size());
                ps.setInt(3, sourceId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void itemCategory(int sourceId, String item, String category) {
        exec("INSERT INTO item_categories (source_id, item_id, category) VALUES (?, ?, ?)", sourceId, itemRef(item), category);
    }

    public void itemText(int sourceId, String item, String field, String text) {
        exec("INSERT INTO item_texts (source_id, item_id, field, text) VALUES (?, ?, ?, ?)", sourceId, itemRef(item), field, text);
    }

    public void itemAttribute(int sourceId, String item, String name, String text, Double number) {
        exec("INSERT INTO item_attributes (source_id, item_id, name, str_value, num_value) VALUES (?, ?, ?, ?, ?)",
                sourceId, itemRef(item), name, text, number);
    }

    public void userAttribute(int sourceId, String user, String name, String text, Double number) {
        exec("INSERT INTO user_attributes (source_id, user_id, name, str_value, num_value) VALUES (?, ?, ?, ?, ?)",
                sourceId, userRef(user), name, text, number);
    }

    public void socialEdge(int sourceId, String from, String to, String kind, Double weight) {
        exec("INSERT INTO social_edges (source_id, src_user_id, dst_user_id, kind, weight) VALUES (?, ?, ?, ?, ?)",
                sourceId, userRef(from), userRef(to), kind, weight);
    }

    public void userItemText(int sourceId, String user, String item, String kind, String text, Long ts) {
        exec("INSERT INTO user_item_texts (source_id, user_id, item_id, kind, text, ts) VALUES (?, ?, ?, ?, ?, ?)",
                sourceId, userRef(user), itemRef(item), kind, text, ts);
    }

    private Object itemRef(String item) {
        return (IdRef) c -> itemId(c, item);
    }

    private Object userRef(String user) {
        return (IdRef) c -> userId(c, user);
    }

    @FunctionalInterface
    private interface IdRef {
        int resolve(Connection c) throws SQLException;
    }

    private void exec(String sql, Object... args) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    Object a = args[i] instanceof IdRef ref ? ref.resolve(c) : args[i];
                    ps.setObject(i + 1, a);
                }
                return ps.executeUpdate();
            }
        });
    }

    private int userId(Connection c, String ext) throws SQLException {
        return id(c, "users", users, ext);
    }

    private int itemId(Connection c, String ext) throws SQLException {
        return id(c, "items", items, ext);
    }

    private int id(Connection c, String table, Map<String, Integer> known, String ext) throws SQLException {
        Integer id = known.get(ext);
        if (id != null) {
            return id;
        }
        int next;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            next = rs.getInt(1);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (id, dataset_id, ext_id) VALUES (?, ?, ?)")) {
            ps.setInt(1, next);
            ps.setInt(2, datasetId);
            ps.setString(3, ext);
            ps.executeUpdate();
        }
        known.put(ext, next);
        return next;
    }

    /**
     * Loads MovieLens 100K {@code u.data} (user, item, rating, time; tab separated) as one
     * behaviour source, with H2's CSVREAD reading the file in place. Database ids are the
     * numeric MovieLens ids (plus an offset when the project already has users or items).
     */
    public static DatasetFixture ml100k(ProjectStore store, Path dir) {
        DatasetFixture fx = create(store, "ml-100k");
        int source = fx.source("u.data", SourceKind.BEHAVIOUR);
        String file = dir.resolve("u.data").toAbsolutePath().toString().replace("'", "''");
        store.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE LOCAL TEMPORARY TABLE ml_raw AS SELECT CAST(u AS INT) u, CAST(i AS INT) i,"
                        + " CAST(w AS DOUBLE) w, CAST(t AS BIGINT) t FROM CSVREAD('" + file + "', 'U\tI\tW\tT',"
                        + " 'charset=ISO-8859-1 fieldSeparator=\t')");
                int userOffset = scalar(s, "SELECT COALESCE(MAX(id), 0) FROM users");
                int itemOffset = scalar(s, "SELECT COALESCE(MAX(id), 0) FROM items");
                s.executeUpdate("INSERT INTO users (id, dataset_id, ext_id) SELECT DISTINCT u + " + userOffset + ", "
                        + fx.datasetId + ", CAST(u AS VARCHAR) FROM ml_raw");
                s.executeUpdate("INSERT INTO items (id, dataset_id, ext_id) SELECT DISTINCT i + " + itemOffset + ", "
                        + fx.datasetId + ", CAST(i AS VARCHAR) FROM ml_raw");
                int rows = s.executeUpdate("INSERT INTO interactions (source_id, user_id, item_id, weight, ts) SELECT "
                        + source + ", u + " + userOffset + ", i + " + itemOffset + ", w, t FROM ml_raw");
                s.executeUpdate("UPDATE sources SET rows_read = " + rows + ", rows_accepted = " + rows + " WHERE id = " + source);
                s.execute("DROP TABLE ml_raw");
            }
            return null;
        });
        return fx;
    }

    private static int scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
