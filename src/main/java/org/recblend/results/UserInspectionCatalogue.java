package org.recblend.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recblend.store.ProjectStore;

/**
 * The items of one dataset as people recognise them: title, categories and a text to read, by
 * external id. Read once per view (a catalogue of 100,000 items is a few MB); both the user
 * inspector and the item explorer name items through it.
 */
public final class UserInspectionCatalogue {
    private static final int MAX_TITLE = 60;

    /**
     * @param id         external id
     * @param title      the "title" or "name" text, else the first text, else the id
     * @param categories in import order, possibly empty
     * @param text       the longest other text (description, plot…), possibly empty
     */
    public record ItemCard(String id, String title, List<String> categories, String text) {
        /** The first category, or "(none)". */
        public String category() {
            return categories.isEmpty() ? "(none)" : categories.get(0);
        }

        /** "B0042 · Blue enamel mug". */
        public String label() {
            return title.equals(id) ? id : id + " · " + title;
        }
    }

    private final int datasetId;
    private final String datasetName;
    private final Map<String, ItemCard> items;

    private UserInspectionCatalogue(int datasetId, String datasetName, Map<String, ItemCard> items) {
        this.datasetId = datasetId;
        this.datasetName = datasetName;
        this.items = items;
    }

    /** The catalogue of the named dataset, or of the project's first one when the name is empty or unknown. */
    public static UserInspectionCatalogue load(ProjectStore store, String datasetName) {
        return store.read(c -> {
            int id = -1;
            String name = "";
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM datasets ORDER BY (CASE WHEN name = ? THEN 0 ELSE 1 END), id")) {
                ps.setString(1, datasetName == null ? "" : datasetName);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getInt(1);
                        name = rs.getString(2);
                    }
                }
            }
            return new UserInspectionCatalogue(id, name, read(c, id));
        });
    }

    private static Map<String, ItemCard> read(Connection c, int dataset) throws SQLException {
        Map<Integer, String> ext = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, ext_id FROM items WHERE dataset_id = ? ORDER BY id")) {
            ps.setInt(1, dataset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ext.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        Map<Integer, Map<String, String>> texts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.item_id, t.field, t.text FROM item_texts t"
                + " JOIN items i ON i.id = t.item_id WHERE i.dataset_id = ?")) {
            ps.setInt(1, dataset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    texts.computeIfAbsent(rs.getInt(1), k -> new LinkedHashMap<>()).putIfAbsent(rs.getString(2), rs.getString(3));
                }
            }
        }
        Map<Integer, List<String>> cats = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.item_id, k.category FROM item_categories k"
                + " JOIN items i ON i.id = k.item_id WHERE i.dataset_id = ? ORDER BY k.item_id, k.source_id")) {
            ps.setInt(1, dataset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> l = cats.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>());
                    if (!l.contains(rs.getString(2))) {
                        l.add(rs.getString(2));
                    }
                }
            }
        }
        Map<String, ItemCard> out = new LinkedHashMap<>();
        ext.forEach((dbId, id) -> {
            Map<String, String> t = texts.getOrDefault(dbId, Map.of());
            out.put(id, new ItemCard(id, title(id, t), List.copyOf(cats.getOrDefault(dbId, List.of())), body(t)));
        });
        return out;
    }

    private static String title(String id, Map<String, String> texts) {
        String t = texts.getOrDefault("title", texts.getOrDefault("name", ""));
        if (t.isBlank()) {
            t = texts.values().stream().filter(v -> !v.isBlank()).findFirst().orElse(id);
        }
        t = t.replaceAll("\\s+", " ").strip();
        return t.length() <= MAX_TITLE ? t : t.substring(0, MAX_TITLE - 1) + "…";
    }

    private static String body(Map<String, String> texts) {
        return texts.entrySet().stream().filter(e -> !e.getKey().equals("title") && !e.getKey().equals("name"))
                .map(Map.Entry::getValue).max(java.util.Comparator.comparingInt(String::length)).orElse("");
    }

    public int datasetId() {
        return datasetId;
    }

    public String datasetName() {
        return datasetName;
    }

    /** The card of an item; an item the catalogue does not know is named by its id. */
    public ItemCard item(String id) {
        ItemCard c = items.get(id);
        return c != null ? c : new ItemCard(id, id, List.of(), "");
    }

    public int size() {
        return items.size();
    }

    public Iterable<ItemCard> all() {
        return items.values();
    }
}
