package org.recblend.store.browse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the browsable tables of a dataset from its sources. Item and user attributes are stored
 * as name/value pairs; here they become one column per attribute name, so an item reads as one
 * row, the way it was in the imported file.
 */
final class TableCatalog {
    /** More attribute columns than this would make the table unreadable (and every row slow). */
    static final int MAX_ATTRIBUTE_COLUMNS = 40;
    /** Long texts are cut for the table; the full text stays in the project. */
    static final int TEXT_PREVIEW = 2000;

    private TableCatalog() {
    }

    static List<BrowsableTable> tables(Connection c, String dataset) throws SQLException {
        List<BrowsableTable> tables = new ArrayList<>();
        String sql = "SELECT s.id, s.name, s.kind, s.file_name, s.rows_rejected, d.id FROM sources s"
                + " JOIN datasets d ON d.id = s.dataset_id WHERE d.name = ? ORDER BY s.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, dataset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Source s = new Source(dataset, rs.getInt(6), rs.getInt(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getLong(5));
                    sourceTable(c, s, tables);
                    if (s.rejected() > 0) {
                        tables.add(rejects(s));
                    }
                }
            }
        }
        return tables;
    }

    private record Source(String dataset, int datasetId, int id, String name, String kind, String fileName,
                          long rejected) {
    }

    private static void sourceTable(Connection c, Source s, List<BrowsableTable> out) throws SQLException {
        switch (s.kind().toUpperCase(Locale.ROOT)) {
            case "BEHAVIOUR" -> out.add(behaviour(s));
            case "ITEM_CONTENT" -> out.add(entities(c, s, TableKind.ITEM_CONTENT, "items", "item_attributes", "item_id", "item"));
            case "USER_PROFILE" -> out.add(entities(c, s, TableKind.USER_PROFILE, "users", "user_attributes", "user_id", "user"));
            case "SOCIAL" -> out.add(social(s));
            case "USER_ITEM_TEXT" -> out.add(userItemTexts(s));
            default -> { } // a kind written by a newer version: nothing we know how to show
        }
    }

    private static BrowsableTable behaviour(Source s) {
        Columns cols = new Columns()
                .add("user", ColumnType.TEXT, "u.ext_id")
                .add("item", ColumnType.TEXT, "t.ext_id")
                .add("weight", ColumnType.NUMBER, "r.weight")
                .add("event type", ColumnType.TEXT, "r.event_type")
                .add("time", ColumnType.EPOCH_SECONDS, "r.ts")
                .add("context", ColumnType.TEXT, "r.context");
        return cols.table(TableKind.BEHAVIOUR, s, "r._ROWID_",
                "interactions r LEFT JOIN users u ON u.id = r.user_id LEFT JOIN items t ON t.id = r.item_id",
                "interactions r", new SqlFragment("r.source_id = ?", s.id()));
    }

    private static BrowsableTable social(Source s) {
        Columns cols = new Columns()
                .add("from user", ColumnType.TEXT, "a.ext_id")
                .add("to user", ColumnType.TEXT, "b.ext_id")
                .add("kind", ColumnType.TEXT, "r.kind")
                .add("weight", ColumnType.NUMBER, "r.weight")
                .add("time", ColumnType.EPOCH_SECONDS, "r.ts");
        return cols.table(TableKind.SOCIAL, s, "r._ROWID_",
                "social_edges r LEFT JOIN users a ON a.id = r.src_user_id LEFT JOIN users b ON b.id = r.dst_user_id",
                "social_edges r", new SqlFragment("r.source_id = ?", s.id()));
    }

    private static BrowsableTable userItemTexts(Source s) {
        Columns cols = new Columns()
                .add("user", ColumnType.TEXT, "u.ext_id")
                .add("item", ColumnType.TEXT, "t.ext_id")
                .add("kind", ColumnType.TEXT, "r.kind")
                .add("text", ColumnType.TEXT, "r.text")
                .add("time", ColumnType.EPOCH_SECONDS, "r.ts");
        return cols.table(TableKind.USER_ITEM_TEXT, s, "r._ROWID_",
                "user_item_texts r LEFT JOIN users u ON u.id = r.user_id LEFT JOIN items t ON t.id = r.item_id",
                "user_item_texts r", new SqlFragment("r.source_id = ?", s.id()));
    }

    private static BrowsableTable rejects(Source s) {
        Columns cols = new Columns()
                .add("line", ColumnType.INTEGER, "r.line_no")
                .add("column", ColumnType.INTEGER, "r.column_no")
                .add("column name", ColumnType.TEXT, "r.column_name")
                .add("reason", ColumnType.TEXT, "r.reason")
                .add("raw text", ColumnType.TEXT, "r.raw_text")
                .add("file", ColumnType.TEXT, "COALESCE(r.file_name, s.file_name)"); // before schema 3 only the source's file
        return cols.table(TableKind.REJECTS, s, "r._ROWID_",
                "import_rejects r LEFT JOIN sources s ON s.id = r.source_id",
                "import_rejects r", new SqlFragment("r.source_id = ?", s.id()));
    }

    /**
     * Items (or users) of one content source: the external id, then one column per attribute, the
     * categories and one column per text field, each read by a correlated subquery on the entity's
     * id (indexed).
     */
    private static BrowsableTable entities(Connection c, Source s, TableKind kind, String entityTable,
                                           String attributeTable, String idColumn, String idLabel) throws SQLException {
        Columns cols = new Columns().add(idLabel, ColumnType.TEXT, new SqlFragment("e.ext_id"));
        SqlFragment present = new SqlFragment();
        Map<String, Boolean> attributes = attributeNames(c, attributeTable, s.id());
        if (!attributes.isEmpty()) {
            present.append("EXISTS (SELECT 1 FROM " + attributeTable + " a WHERE a." + idColumn + " = e.id AND a.source_id = ?)", s.id());
        }
        attributes.forEach((name, numeric) -> cols.add(name, numeric ? ColumnType.NUMBER : ColumnType.TEXT,
                new SqlFragment("(SELECT MIN(a." + (numeric ? "num_value" : "str_value") + ") FROM " + attributeTable
                        + " a WHERE a." + idColumn + " = e.id AND a.source_id = ? AND a.name = ?)", s.id(), name)));
        if (kind == TableKind.ITEM_CONTENT) {
            if (exists(c, "SELECT 1 FROM item_categories WHERE source_id = ? LIMIT 1", s.id())) {
                or(present).append("EXISTS (SELECT 1 FROM item_categories g WHERE g.item_id = e.id AND g.source_id = ?)", s.id());
                cols.add("categories", ColumnType.TEXT, new SqlFragment("(SELECT LISTAGG(g.category, ' | ') WITHIN GROUP"
                        + " (ORDER BY g.category) FROM item_categories g WHERE g.item_id = e.id AND g.source_id = ?)", s.id()));
            }
            List<String> fields = names(c, "SELECT field FROM item_texts WHERE source_id = ? GROUP BY field ORDER BY MIN(_ROWID_)", s.id());
            if (!fields.isEmpty()) {
                or(present).append("EXISTS (SELECT 1 FROM item_texts x WHERE x.item_id = e.id AND x.source_id = ?)", s.id());
            }
            for (String field : fields) {
                cols.add(field, ColumnType.TEXT, new SqlFragment("(SELECT MIN(CAST(SUBSTRING(x.text, 1, " + TEXT_PREVIEW
                        + ") AS VARCHAR(" + TEXT_PREVIEW + "))) FROM item_texts x WHERE x.item_id = e.id AND x.source_id = ?"
                        + " AND x.field = ?)", s.id(), field));
            }
        }
        SqlFragment where = new SqlFragment("e.dataset_id = ?", s.datasetId());
        if (!present.isEmpty()) {
            where.append(" AND (").append(present).append(")");
        }
        return cols.table(kind, s, "e.id", entityTable + " e", entityTable + " e", where);
    }

    private static SqlFragment or(SqlFragment f) {
        return f.isEmpty() ? f : f.append(" OR ");
    }

    /** Attribute names in import order, each true when every value is numeric. */
    private static Map<String, Boolean> attributeNames(Connection c, String table, int sourceId) throws SQLException {
        Map<String, Boolean> names = new LinkedHashMap<>();
        String sql = "SELECT name, COUNT(*) = COUNT(num_value) FROM " + table + " WHERE source_id = ?"
                + " GROUP BY name ORDER BY MIN(_ROWID_) LIMIT " + MAX_ATTRIBUTE_COLUMNS;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getBoolean(2));
                }
            }
        }
        return names;
    }

    private static List<String> names(Connection c, String sql, int sourceId) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && names.size() < MAX_ATTRIBUTE_COLUMNS) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static boolean exists(Connection c, String sql, int sourceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Columns with unique names and their SQL expressions. */
    private static final class Columns {
        private final List<BrowseColumn> columns = new ArrayList<>();
        private final List<SqlFragment> expressions = new ArrayList<>();

        Columns add(String name, ColumnType type, String expression) {
            return add(name, type, new SqlFragment(expression));
        }

        Columns add(String name, ColumnType type, SqlFragment expression) {
            String unique = name;
            for (int n = 2; taken(unique); n++) {
                unique = name + " (" + n + ")";
            }
            columns.add(new BrowseColumn(unique, type));
            expressions.add(expression);
            return this;
        }

        private boolean taken(String name) {
            return columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(name));
        }

        BrowsableTable table(TableKind kind, Source s, String key, String from, String countFrom, SqlFragment where) {
            return new BrowsableTable(kind, s.dataset(), s.id(), s.name(), s.fileName(), columns, expressions, key,
                    new SqlFragment(pageFrom(key, from, countFrom)), new SqlFragment(from), new SqlFragment(countFrom), where);
        }

        /**
         * Tables without a primary key are read in row-id order through their table scan. H2 2.5
         * otherwise picks the scan with the source_id condition as if it were a row-id range and
         * returns no rows at all; the hint also makes "next page after this key" a range read.
         */
        private static String pageFrom(String key, String from, String countFrom) {
            return key.endsWith("._ROWID_") ? countFrom + " USE INDEX ()" + from.substring(countFrom.length()) : from;
        }
    }
}
