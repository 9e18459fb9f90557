package org.recblend.ingest;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recblend.store.ProjectException;
import org.recblend.store.ProjectStore;

/** A project in a temporary folder and queries the import tests share. */
public final class ProjectFixture {
    /** The tables an import writes. */
    public static final List<String> TABLES = List.of("datasets", "sources", "import_rejects", "users", "items",
            "user_attributes", "item_attributes", "item_categories", "item_texts", "interactions", "social_edges",
            "user_item_texts");

    private ProjectFixture() {
    }

    public static ProjectStore create(Path dir) throws ProjectException {
        return ProjectStore.create(dir.resolve("project"));
    }

    public static long count(ProjectStore store, String sql) {
        return store.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public static String string(ProjectStore store, String sql) {
        return store.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    /** Rows of a query, each as a list of strings joined by '|'. */
    public static List<String> rows(ProjectStore store, String sql) {
        return store.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        if (i > 1) {
                            sb.append('|');
                        }
                        sb.append(rs.getString(i));
                    }
                    out.add(sb.toString());
                }
            }
            return out;
        });
    }

    /** The row count of every table an import writes, to compare before and after. */
    public static Map<String, Long> tableCounts(ProjectStore store) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : TABLES) {
            counts.put(t, count(store, "SELECT COUNT(*) FROM " + t));
        }
        return counts;
    }

    /** A fingerprint of all imported content: counts plus a hash of every row, to prove nothing changed. */
    public static Map<String, String> fingerprint(ProjectStore store) {
        Map<String, String> fp = new LinkedHashMap<>();
        for (String t : TABLES) {
            List<String> rows = rows(store, "SELECT * FROM " + t + (t.equals("sources") || t.equals("datasets") ? " ORDER BY id" : ""));
            long hash = 0;
            for (String r : rows) {
                hash += r.hashCode() * 31L + 7; // order-independent for tables without a key
            }
            fp.put(t, rows.size() + ":" + hash);
        }
        return fp;
    }
}
