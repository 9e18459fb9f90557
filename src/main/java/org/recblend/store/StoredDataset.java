package org.recblend.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.recblend.domain.AttributeValue;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionContexts;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.ItemInfo;
import org.recblend.domain.ItemTable;
import org.recblend.domain.SocialGraph;
import org.recblend.domain.TextCorpus;
import org.recblend.domain.UserTable;
import org.recblend.task.TaskMonitor;

/**
 * The read side of one stored dataset, restricted to some of its sources: loads its interactions,
 * items, users, social edges and user-item texts into domain tables. Users and items are numbered
 * densely 0..n-1 in the order of their database ids, over the whole dataset, so tables read from
 * different sources of one dataset share their id spaces.
 */
public final class StoredDataset {
    private static final int CHUNK = 10_000;

    private final ProjectStore store;
    private final int id;
    private final String name;
    private final List<SourceInfo> sources;
    private IdIndex users;
    private IdIndex items;
    private DenseIds userIds;
    private DenseIds itemIds;

    private StoredDataset(ProjectStore store, int id, String name, List<SourceInfo> sources) {
        this.store = store;
        this.id = id;
        this.name = name;
        this.sources = List.copyOf(sources);
    }

    /** The names of the project's datasets. */
    public static List<String> datasetNames(ProjectStore store) {
        return store.read(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM datasets ORDER BY name"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    /**
     * A dataset with the named sources, or all its sources when {@code sourceNames} is empty.
     *
     * @throws DataNotFoundException naming what is missing and what there is
     */
    public static StoredDataset open(ProjectStore store, String datasetName, List<String> sourceNames) throws DataNotFoundException {
        Integer datasetId = store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM datasets WHERE name = ?")) {
                ps.setString(1, datasetName);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : null;
                }
            }
        });
        if (datasetId == null) {
            List<String> names = datasetNames(store);
            throw new DataNotFoundException("No dataset named '" + datasetName + "' in project " + store.name()
                    + (names.isEmpty() ? " (it has no datasets; import one first)" : " (it has: " + String.join(", ", names) + ")"));
        }
        List<SourceInfo> all = sources(store, datasetId);
        List<SourceInfo> chosen = new ArrayList<>();
        if (sourceNames == null || sourceNames.isEmpty()) {
            chosen.addAll(all);
        } else {
            for (String s : sourceNames) {
                SourceInfo found = all.stream().filter(i -> i.name().equals(s)).findFirst().orElseThrow(() ->
                        new DataNotFoundException("Dataset '" + datasetName + "' has no source named '" + s + "' (it has: "
                                + all.stream().map(SourceInfo::name).collect(Collectors.joining(", ")) + ")"));
                if (!chosen.contains(found)) {
                    chosen.add(found);
                }
            }
        }
        return new StoredDataset(store, datasetId, datasetName, chosen);
    }

    private static List<SourceInfo> sources(ProjectStore store, int datasetId) {
        return store.read(c -> {
            List<SourceInfo> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, dataset_id, name, kind, file_name, rows_accepted,"
                    + " imported_at FROM sources WHERE dataset_id = ? ORDER BY id")) {
                ps.setInt(1, datasetId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new SourceInfo(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getLong(6), rs.getObject(7, OffsetDateTime.class)));
                    }
                }
            }
            return list;
        });
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The sources this view reads from. */
    public List<SourceInfo> sources() {
        return sources;
    }

    /** The dataset's users, in database id order. */
    public synchronized IdIndex users() {
        if (users == null) {
            loadIds();
        }
        return users;
    }

    /** The dataset's items, in database id order. */
    public synchronized IdIndex items() {
        if (items == null) {
            loadIds();
        }
        return items;
    }

    private void loadIds() {
        store.read(c -> {
            List<String> ext = new ArrayList<>();
            int[] db = readIds(c, "users", ext);
            users = IdIndex.of(ext);
            userIds = new DenseIds(db);
            ext.clear();
            db = readIds(c, "items", ext);
            items = IdIndex.of(ext);
            itemIds = new DenseIds(db);
            return null;
        });
    }

    private int[] readIds(Connection c, String table, List<String> ext) throws SQLException {
        int[] db = new int[1024];
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, ext_id FROM " + table + " WHERE dataset_id = ? ORDER BY id")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == db.length) {
                        db = Arrays.copyOf(db, n * 2);
                    }
                    db[n++] = rs.getInt(1);
                    ext.add(rs.getString(2));
                }
            }
        }
        return Arrays.copyOf(db, n);
    }

    private String sourceFilter() {
        return sources.isEmpty() ? "(NULL)"
                : sources.stream().map(s -> Integer.toString(s.id())).collect(Collectors.joining(",", "(", ")"));
    }

    /**
     * A summary of what would be read: the dataset, its chosen sources with their import times and
     * accepted rows (the importer sets both), and the dataset's user and item counts. A re-import
     * changes it, so it belongs in a cache key; it scans no interactions, so the editor may ask
     * for it on every refresh.
     */
    public String fingerprint() {
        return store.read(c -> {
            StringBuilder b = new StringBuilder("dataset=").append(id).append(':').append(name);
            for (SourceInfo s : sources) {
                b.append(";source=").append(s.id()).append(':').append(s.name()).append(':').append(s.kindName())
                        .append(":accepted=").append(s.rowsAccepted()).append(":at=").append(s.importedAt());
            }
            b.append(";users=").append(count(c, "users")).append(";items=").append(count(c, "items"));
            return b.toString();
        });
    }

    private long count(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE dataset_id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The interactions of the chosen sources, in stored order. A missing weight reads as 1 (an
     * implicit event), a missing time as {@link InteractionTable#NO_TIME}.
     */
    public InteractionTable interactions(TaskMonitor monitor) {
        IdIndex u = users();
        IdIndex i = items();
        return store.read(c -> {
            // rows_accepted is what the importer wrote: a size hint and progress total, not a promise
            long total = sources.stream().mapToLong(SourceInfo::rowsAccepted).sum();
            InteractionTable.Builder b = InteractionTable.builder(u, i, (int) Math.min(total + 16, Integer.MAX_VALUE - 8));
            long unknown = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, item_id, weight, ts FROM interactions"
                    + (mostOfTable(c, total) ? " USE INDEX ()" : "") + " WHERE source_id IN " + sourceFilter())) {
                ps.setFetchSize(CHUNK);
                try (ResultSet rs = ps.executeQuery()) {
                    long row = 0;
                    while (rs.next()) {
                        if (++row % CHUNK == 0) {
                            monitor.checkCancelled();
                            monitor.progress(total == 0 ? -1 : Math.min(1, (double) row / total), "Reading interactions: " + row
                                    + (total == 0 ? "" : " of " + total));
                        }
                        int user = userIds.indexOf(rs.getInt(1));
                        int item = itemIds.indexOf(rs.getInt(2));
                        if (user < 0 || item < 0) {
                            unknown++;
                            continue;
                        }
                        double w = rs.getDouble(3);
                        float weight = rs.wasNull() ? 1f : (float) w;
                        long t = rs.getLong(4);
                        b.add(user, item, weight, rs.wasNull() ? InteractionTable.NO_TIME : t);
                    }
                }
            }
            warnUnknown(monitor, unknown, "interaction");
            return b.build();
        });
    }

    /**
     * The categorical context of the chosen sources' interactions (the JSON object the importer
     * stores for CONTEXT columns), one row per interaction that has any. Rows carry user, item and
     * time, so {@link InteractionContexts#matchRows} finds the contexts of a split's training part.
     * A context that is not a JSON object of plain values is skipped and counted in the log.
     */
    public InteractionContexts contexts(TaskMonitor monitor) {
        IdIndex u = users();
        IdIndex i = items();
        return store.read(c -> {
            ObjectMapper json = new ObjectMapper();
            Map<String, Integer> keyIndex = new LinkedHashMap<>();
            List<List<String>> columns = new ArrayList<>();
            Map<String, String> interned = new java.util.HashMap<>();
            int[] user = new int[1024];
            int[] item = new int[1024];
            long[] ts = new long[1024];
            int n = 0;
            long unknown = 0;
            long malformed = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, item_id, ts, context FROM interactions"
                    + " WHERE source_id IN " + sourceFilter() + " AND context IS NOT NULL")) {
                ps.setFetchSize(CHUNK);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if ((n + unknown + malformed) % CHUNK == 0) {
                            monitor.checkCancelled();
                        }
                        int uu = userIds.indexOf(rs.getInt(1));
                        int ii = itemIds.indexOf(rs.getInt(2));
                        if (uu < 0 || ii < 0) {
                            unknown++;
                            continue;
                        }
                        long t = rs.getLong(3);
                        t = rs.wasNull() ? InteractionTable.NO_TIME : t;
                        JsonNode node;
                        try {
                            node = json.readTree(rs.getString(4));
                        } catch (JsonProcessingException e) {
                            node = null;
                        }
                        if (node == null || !node.isObject()) {
                            malformed++;
                            continue;
                        }
                        if (n == user.length) {
                            user = Arrays.copyOf(user, n * 2);
                            item = Arrays.copyOf(item, n * 2);
                            ts = Arrays.copyOf(ts, n * 2);
                        }
                        user[n] = uu;
                        item[n] = ii;
                        ts[n] = t;
                        for (var it = node.fields(); it.hasNext(); ) {
                            var field = it.next();
                            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                                continue;
                            }
                            int k = keyIndex.computeIfAbsent(field.getKey(), key -> {
                                columns.add(new ArrayList<>());
                                return columns.size() - 1;
                            });
                            List<String> column = columns.get(k);
                            while (column.size() < n) {
                                column.add(null);
                            }
                            String v = field.getValue().asText();
                            column.add(interned.computeIfAbsent(v, x -> x));
                        }
                        n++;
                    }
                }
            }
            warnUnknown(monitor, unknown, "interaction context");
            if (malformed > 0) {
                monitor.log("Skipped " + malformed + " interaction contexts that are not a JSON object");
            }
            String[][] values = new String[columns.size()][];
            for (int k = 0; k < values.length; k++) {
                List<String> column = columns.get(k);
                values[k] = column.toArray(new String[n]);
            }
            return new InteractionContexts(u, i, Arrays.copyOf(user, n), Arrays.copyOf(item, n), Arrays.copyOf(ts, n),
                    new ArrayList<>(keyIndex.keySet()), values);
        });
    }

    /**
     * Whether the chosen rows are most of the table: then a plain scan beats the source index
     * (measured about twice as fast on 300k rows, since the index costs a lookup per row).
     */
    private static boolean mostOfTable(Connection c, long chosen) throws SQLException {
        return chosen > 0 && chosen * 2 >= totalInteractions(c);
    }

    /** All rows of the interactions table (H2 answers this from its row count, without a scan). */
    private static long totalInteractions(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM interactions"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void warnUnknown(TaskMonitor monitor, long unknown, String what) {
        if (unknown > 0) {
            monitor.log("Skipped " + unknown + " " + what + " rows naming a user or item outside the dataset");
        }
    }

    /** Items with the categories, texts and attributes of the chosen sources. */
    public ItemTable items(TaskMonitor monitor) {
        IdIndex i = items();
        int n = i.size();
        List<List<String>> categories = emptyLists(n);
        List<Map<String, String>> texts = emptyMaps(n);
        List<Map<String, AttributeValue>> attributes = emptyMaps(n);
        store.read(c -> {
            long unknown = 0;
            unknown += scan(c, "SELECT item_id, category FROM item_categories WHERE source_id IN " + sourceFilter(), monitor, rs -> {
                int item = itemIds.indexOf(rs.getInt(1));
                if (item >= 0) {
                    categories.get(item).add(rs.getString(2));
                }
                return item >= 0;
            });
            unknown += scan(c, "SELECT item_id, field, text FROM item_texts WHERE source_id IN " + sourceFilter(), monitor, rs -> {
                int item = itemIds.indexOf(rs.getInt(1));
                if (item >= 0) {
                    texts.get(item).merge(rs.getString(2), rs.getString(3), (a, b) -> a + "\n" + b);
                }
                return item >= 0;
            });
            unknown += scan(c, "SELECT item_id, name, str_value, num_value FROM item_attributes WHERE source_id IN "
                    + sourceFilter(), monitor, rs -> {
                int item = itemIds.indexOf(rs.getInt(1));
                if (item >= 0) {
                    attributes.get(item).put(rs.getString(2), attribute(rs, 3));
                }
                return item >= 0;
            });
            warnUnknown(monitor, unknown, "item content");
            return null;
        });
        List<ItemInfo> infos = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            infos.add(categories.get(k).isEmpty() && texts.get(k).isEmpty() && attributes.get(k).isEmpty()
                    ? ItemInfo.EMPTY : new ItemInfo(categories.get(k), texts.get(k), attributes.get(k)));
        }
        return new ItemTable(i, infos);
    }

    /** Users with the attributes of the chosen sources. */
    public UserTable users(TaskMonitor monitor) {
        IdIndex u = users();
        List<Map<String, AttributeValue>> attributes = emptyMaps(u.size());
        store.read(c -> {
            long unknown = scan(c, "SELECT user_id, name, str_value, num_value FROM user_attributes WHERE source_id IN "
                    + sourceFilter(), monitor, rs -> {
                int user = userIds.indexOf(rs.getInt(1));
                if (user >= 0) {
                    attributes.get(user).put(rs.getString(2), attribute(rs, 3));
                }
                return user >= 0;
            });
            warnUnknown(monitor, unknown, "user attribute");
            return null;
        });
        return new UserTable(u, attributes);
    }

    /** The social edges of the chosen sources; a missing weight reads as 1. */
    public SocialGraph social(TaskMonitor monitor) {
        IdIndex u = users();
        List<int[]> ends = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        store.read(c -> {
            long unknown = scan(c, "SELECT src_user_id, dst_user_id, kind, weight FROM social_edges WHERE source_id IN "
                    + sourceFilter(), monitor, rs -> {
                int src = userIds.indexOf(rs.getInt(1));
                int dst = userIds.indexOf(rs.getInt(2));
                if (src < 0 || dst < 0) {
                    return false;
                }
                ends.add(new int[] {src, dst});
                kinds.add(rs.getString(3).intern());
                double w = rs.getDouble(4);
                weights.add(rs.wasNull() ? 1f : (float) w);
                return true;
            });
            warnUnknown(monitor, unknown, "social edge");
            return null;
        });
        int n = ends.size();
        int[] src = new int[n];
        int[] dst = new int[n];
        float[] w = new float[n];
        for (int e = 0; e < n; e++) {
            src[e] = ends.get(e)[0];
            dst[e] = ends.get(e)[1];
            w[e] = weights.get(e);
        }
        return new SocialGraph(u, src, dst, w, kinds.toArray(String[]::new));
    }

    /** The tags and reviews of the chosen sources. */
    public TextCorpus texts(TaskMonitor monitor) {
        IdIndex u = users();
        IdIndex i = items();
        List<int[]> pairs = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        store.read(c -> {
            long unknown = scan(c, "SELECT user_id, item_id, kind, text, ts FROM user_item_texts WHERE source_id IN "
                    + sourceFilter(), monitor, rs -> {
                int user = userIds.indexOf(rs.getInt(1));
                int item = itemIds.indexOf(rs.getInt(2));
                if (user < 0 || item < 0) {
                    return false;
                }
                pairs.add(new int[] {user, item});
                kinds.add(rs.getString(3).intern());
                texts.add(rs.getString(4));
                long t = rs.getLong(5);
                times.add(rs.wasNull() ? InteractionTable.NO_TIME : t);
                return true;
            });
            warnUnknown(monitor, unknown, "user-item text");
            return null;
        });
        int n = pairs.size();
        int[] user = new int[n];
        int[] item = new int[n];
        long[] ts = new long[n];
        for (int k = 0; k < n; k++) {
            user[k] = pairs.get(k)[0];
            item[k] = pairs.get(k)[1];
            ts[k] = times.get(k);
        }
        return new TextCorpus(u, i, user, item, kinds.toArray(String[]::new), texts.toArray(String[]::new), ts);
    }

    private interface RowHandler {
        /** Handles a row; false when it names an id outside the dataset. */
        boolean handle(ResultSet rs) throws SQLException;
    }

    private static long scan(Connection c, String sql, TaskMonitor monitor, RowHandler handler) throws SQLException {
        long unknown = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(CHUNK);
            try (ResultSet rs = ps.executeQuery()) {
                long row = 0;
                while (rs.next()) {
                    if (++row % CHUNK == 0) {
                        monitor.checkCancelled();
                    }
                    if (!handler.handle(rs)) {
                        unknown++;
                    }
                }
            }
        }
        return unknown;
    }

    private static AttributeValue attribute(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        double num = rs.getDouble(column + 1);
        Double number = rs.wasNull() ? null : num;
        return new AttributeValue(text != null ? text : number != null ? number.toString() : "", number);
    }

    private static <T> List<List<T>> emptyLists(int n) {
        List<List<T>> list = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            list.add(new ArrayList<>());
        }
        return list;
    }

    private static <K, V> List<Map<K, V>> emptyMaps(int n) {
        List<Map<K, V>> list = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            list.add(new LinkedHashMap<>());
        }
        return list;
    }
}
