package org.recblend.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
     * behaviour source, reading the file in place.
     */
    public static DatasetFixture ml100k(ProjectStore store, Path dir) throws IOException {
        DatasetFixture fx = create(store, "ml-100k");
        int source = fx.source("u.data", SourceKind.BEHAVIOUR);
        List<Row> rows = Files.readAllLines(dir.resolve("u.data"), StandardCharsets.ISO_8859_1).stream()
                .filter(l -> !l.isBlank())
                .map(l -> l.split("\t"))
                .map(f -> new Row(f[0], f[1], Double.parseDouble(f[2]), Long.parseLong(f[3])))
                .toList();
        fx.interactions(source, rows);
        return fx;
    }
}
