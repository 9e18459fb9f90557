package org.recblend.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.recblend.domain.InteractionTable;
import org.recblend.domain.Split;
import org.recblend.engine.Recommender;
import org.recblend.nodes.recommend.ExecutedRuns;
import org.recblend.store.ProjectStore;

/**
 * What the user inspector shows about one user of one dataset: found by id or attribute, their
 * profile, their history marked by the part of a run's split each row fell in, and a model's top-K
 * with hits, source contributions and the history items each recommendation resembles. Reads the
 * store and the run outputs; call it off the UI thread.
 */
public final class UserInspection {
    /** How many "because you liked" items a recommendation names. */
    public static final int BECAUSE = 2;
    /** Split parts as shown. */
    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";
    public static final String TEST = "test";
    public static final String NOT_IN_SPLIT = "not in split";

    private final ProjectStore store;
    private final UserInspectionCatalogue catalogue;

    public UserInspection(ProjectStore store, UserInspectionCatalogue catalogue) {
        this.store = store;
        this.catalogue = catalogue;
    }

    public UserInspectionCatalogue catalogue() {
        return catalogue;
    }

    /** A user found by a search: id, attributes and how many interactions the dataset has for them. */
    public record UserMatch(String id, Map<String, String> attributes, int interactions) {
        /** "North · 35-44 · female" */
        public String summary() {
            return String.join(" · ", attributes.values());
        }
    }

    /**
     * Users whose id is the query or starts with it, or whose attribute values contain it (case
     * ignored); "name=value" matches that attribute exactly, and several terms separated by commas
     * must all match. An empty query lists the first users. At most {@code limit} users, by id.
     */
    public List<UserMatch> findUsers(String query, int limit) {
        String q = query == null ? "" : query.strip();
        List<String> terms = q.isEmpty() ? List.of() : List.of(q.split("\\s*,\\s*"));
        return store.read(c -> {
            Map<Integer, String> ids = new LinkedHashMap<>();
            StringBuilder sql = new StringBuilder("SELECT u.id, u.ext_id FROM users u WHERE u.dataset_id = ?");
            List<String> params = new ArrayList<>();
            for (String term : terms) {
                int eq = term.indexOf('=');
                if (eq > 0) {
                    sql.append(" AND EXISTS (SELECT 1 FROM user_attributes a WHERE a.user_id = u.id AND LOWER(a.name) = ?"
                            + " AND LOWER(COALESCE(a.str_value, CAST(a.num_value AS VARCHAR))) = ?)");
                    params.add(term.substring(0, eq).strip().toLowerCase(Locale.ROOT));
                    params.add(term.substring(eq + 1).strip().toLowerCase(Locale.ROOT));
                } else {
                    sql.append(" AND (u.ext_id = ? OR u.ext_id LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM user_attributes a"
                            + " WHERE a.user_id = u.id AND LOWER(COALESCE(a.str_value, CAST(a.num_value AS VARCHAR))) LIKE ? ESCAPE '\\'))");
                    String like = term.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                    params.add(term);
                    params.add(term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                    params.add("%" + like + "%");
                }
            }
            // exact id first, then by database id (import order)
            sql.append(" ORDER BY CASE WHEN u.ext_id = ? THEN 0 ELSE 1 END, u.id LIMIT ?");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int k = 1;
                ps.setInt(k++, catalogue.datasetId());
                for (String p : params) {
                    ps.setString(k++, p);
                }
                ps.setString(k++, q);
                ps.setInt(k, Math.max(limit, 0));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getInt(1), rs.getString(2));
                    }
                }
            }
            Map<Integer, Map<String, String>> attrs = attributes(c, ids.keySet());
            Map<Integer, Integer> counts = interactionCounts(c, ids.keySet());
            List<UserMatch> out = new ArrayList<>();
            ids.forEach((dbId, ext) -> out.add(new UserMatch(ext, attrs.getOrDefault(dbId, Map.of()), counts.getOrDefault(dbId, 0))));
            return out;
        });
    }

    /**
     * A user's profile.
     *
     * @param attributes their profile columns in import order
     * @param interactions behaviour rows in the dataset
     * @param friends distinct users they are linked to (either direction)
     * @param reviews texts they wrote about items
     */
    public record Profile(String id, Map<String, String> attributes, int interactions, int friends, int reviews) {
    }

    /** The profile of a user, or empty when the dataset has no such user. */
    public Optional<Profile> profile(String userId) {
        return store.read(c -> {
            Integer db = userDbId(c, userId);
            if (db == null) {
                return Optional.<Profile>empty();
            }
            Map<String, String> attrs = attributes(c, Set.of(db)).getOrDefault(db, Map.of());
            int interactions = interactionCounts(c, Set.of(db)).getOrDefault(db, 0);
            int friends = count(c, "SELECT COUNT(DISTINCT CASE WHEN src_user_id = ? THEN dst_user_id ELSE src_user_id END)"
                    + " FROM social_edges WHERE src_user_id = ? OR dst_user_id = ?", db, 3);
            int reviews = count(c, "SELECT COUNT(*) FROM user_item_texts WHERE user_id = ?", db, 1);
            return Optional.of(new Profile(userId, attrs, interactions, friends, reviews));
        });
    }

    /**
     * One interaction of the user's history.
     *
     * @param rating the interaction's weight (a rating when the data has one), NaN when none
     * @param time   epoch seconds, or null
     * @param part   where the run's split put it: train, validation, test, or not in split
     */
    public record HistoryRow(String itemId, String title, String category, double rating, Long time, String context, String part) {
    }

    /**
     * The user's interactions from the store, newest first, each marked with its part of the split
     * (matched by item and time; rows a filter dropped before the split are "not in split"). Without
     * a split every row is "train", as the model saw no split.
     */
    public List<HistoryRow> history(String userId, Optional<Split> split) {
        Map<String, List<Long>>[] parts = partsOf(userId, split);
        return store.read(c -> {
            Integer db = userDbId(c, userId);
            List<HistoryRow> out = new ArrayList<>();
            if (db == null) {
                return out;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT i.ext_id, x.weight, x.ts, x.context FROM interactions x"
                    + " JOIN items i ON i.id = x.item_id WHERE x.user_id = ? ORDER BY x.ts DESC NULLS LAST, i.ext_id")) {
                ps.setInt(1, db);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String item = rs.getString(1);
                        double w = rs.getDouble(2);
                        if (rs.wasNull()) {
                            w = Double.NaN;
                        }
                        long ts = rs.getLong(3);
                        Long time = rs.wasNull() ? null : ts;
                        UserInspectionCatalogue.ItemCard card = catalogue.item(item);
                        String part = split.isEmpty() ? TRAIN : take(parts, item, time);
                        out.add(new HistoryRow(item, card.title(), card.category(), w, time, rs.getString(4), part));
                    }
                }
            }
            return out;
        });
    }

    /** Per part (train, validation, test), the user's items with their times in the split, consumed as rows match. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Long>>[] partsOf(String userId, Optional<Split> split) {
        Map<String, List<Long>>[] parts = new Map[3];
        if (split.isEmpty()) {
            return parts;
        }
        InteractionTable[] tables = {split.get().train(), split.get().validation(), split.get().test()};
        for (int p = 0; p < 3; p++) {
            parts[p] = new HashMap<>();
            InteractionTable t = tables[p];
            int u = t.users().indexOf(userId);
            if (u < 0) {
                continue;
            }
            int[] rows = t.rowsByUser()[u];
            for (int r : rows) {
                parts[p].computeIfAbsent(t.items().id(t.item(r)), k -> new ArrayList<>()).add(t.ts(r));
            }
        }
        return parts;
    }

    private static String take(Map<String, List<Long>>[] parts, String item, Long time) {
        String[] names = {TRAIN, VALIDATION, TEST};
        long t = time == null ? InteractionTable.NO_TIME : time;
        for (int pass = 0; pass < 2; pass++) {
            for (int p = 0; p < 3; p++) {
                List<Long> times = parts[p].get(item);
                if (times == null) {
                    continue;
                }
                // first pass: same item and time; second: same item (a table without times)
                int at = pass == 0 ? times.indexOf(t) : (times.isEmpty() ? -1 : 0);
                if (at >= 0) {
                    times.remove(at);
                    return names[p];
                }
            }
        }
        return NOT_IN_SPLIT;
    }

    /**
     * A recommended item.
     *
     * @param rank          from 1
     * @param hit           whether it is among the user's test items
     * @param contributions the score's parts by source group, adding up to the score
     * @param because       the user's training items most alike to it (cosine of the model's item vectors)
     */
    public record Recommended(int rank, String itemId, String title, String category, double score, boolean hit,
                              Map<String, Double> contributions, List<Because> because) {
    }

    /** A history item a recommendation resembles. */
    public record Because(String itemId, String title, double cosine) {
    }

    /**
     * A model's list for a user.
     *
     * @param source     where the list came from: "stored" (the run's Top-K node) or "scored" (the cached model, now)
     * @param heldOut    the user's test items in the split, the ones a hit must be among
     * @param groups     the contribution groups of this model
     * @param note       why something is missing (no split, no model), or empty
     */
    public record TopList(UserInspectionRuns.ModelChoice choice, String source, List<Recommended> items, Set<String> heldOut,
                          List<String> groups, String note) {
        public long hits() {
            return items.stream().filter(Recommended::hit).count();
        }
    }

    /**
     * The user's top {@code k}: the run's stored list when it has one (its own or, when the Top-K
     * node came from the cache, the run's that computed it), otherwise the cached model scores every
     * item, leaving out the user's training items as the Top-K node does.
     */
    public TopList recommendations(UserInspectionModel m, String userId, int k) {
        UserInspectionRuns.ModelChoice choice = m.choice();
        Set<String> heldOut = new HashSet<>();
        Set<String> seen = new HashSet<>();
        m.split().ifPresent(s -> {
            collect(s.test(), userId, heldOut);
            collect(s.train(), userId, seen);
        });
        List<String[]> rows = new ArrayList<>();
        String source;
        String note = "";
        List<Object[]> stored = choice.recommendNode() == null ? List.of() : stored(choice, userId, k);
        if (!stored.isEmpty()) {
            source = "stored";
            stored.forEach(r -> rows.add(new String[] {(String) r[0], String.valueOf(r[1])}));
        } else if (m.model().isPresent()) {
            source = "scored";
            Recommender r = m.model().get().recommender();
            int u = r.users().indexOf(userId);
            if (u >= 0) {
                float[] scores = new float[r.items().size()];
                r.score(u, scores);
                for (int i : top(scores, k, item -> !seen.contains(r.items().id(item)))) {
                    rows.add(new String[] {r.items().id(i), String.valueOf(scores[i])});
                }
            } else {
                note = "The model does not know user " + userId + " (not in its training data).";
            }
        } else {
            source = "none";
            note = "The outputs of run " + choice.runId() + " are no longer cached and it stored no lists: run its pipeline again.";
        }
        if (m.split().isEmpty() && note.isEmpty()) {
            note = "The run's split is no longer cached: held-out items and hits cannot be shown.";
        }
        List<Recommended> items = new ArrayList<>();
        Recommender r = m.model().map(t -> t.recommender()).orElse(null);
        int u = r == null ? -1 : r.users().indexOf(userId);
        List<Integer> history = new ArrayList<>();
        if (r != null) {
            seen.forEach(id -> {
                int i = r.items().indexOf(id);
                if (i >= 0) {
                    history.add(i);
                }
            });
        }
        int rank = 0;
        for (String[] row : rows) {
            String item = row[0];
            double score = Double.parseDouble(row[1]);
            UserInspectionCatalogue.ItemCard card = catalogue.item(item);
            int i = r == null ? -1 : r.items().indexOf(item);
            Map<String, Double> parts = u >= 0 && i >= 0 ? m.contributions().of(u, i, score) : Map.of();
            List<Because> because = i >= 0 ? because(m.itemVectors(), r, i, history) : List.of();
            items.add(new Recommended(++rank, item, card.title(), card.category(), score, heldOut.contains(item), parts, because));
        }
        List<String> groups = m.contributions() == null ? List.of() : m.contributions().groups();
        return new TopList(choice, source, items, heldOut, groups, note);
    }

    private List<Because> because(ItemMapVectors vectors, Recommender r, int item, List<Integer> history) {
        if (vectors == null || history.isEmpty()) {
            return List.of();
        }
        Set<Integer> mine = new HashSet<>(history);
        List<Because> out = new ArrayList<>();
        for (ItemMapVectors.Neighbour n : vectors.nearest(item, BECAUSE, mine::contains)) {
            String id = r.items().id(n.row());
            out.add(new Because(id, catalogue.item(id).title(), n.cosine()));
        }
        return out;
    }

    private static void collect(InteractionTable t, String userId, Set<String> out) {
        int u = t.users().indexOf(userId);
        if (u < 0) {
            return;
        }
        for (int row : t.rowsByUser()[u]) {
            out.add(t.items().id(t.item(row)));
        }
    }

    /** The indices of the k best scores among the accepted items, best first (ties: lower index first). */
    static int[] top(float[] scores, int k, java.util.function.IntPredicate accept) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (accept.test(i) && !Float.isNaN(scores[i])) {
                idx.add(i);
            }
        }
        idx.sort((a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : Integer.compare(a, b));
        return idx.stream().limit(k).mapToInt(Integer::intValue).toArray();
    }

    /** The stored list: [item ext id, score] by rank, at most k. */
    private List<Object[]> stored(UserInspectionRuns.ModelChoice choice, String userId, int k) {
        ExecutedRuns.RunNode at = ExecutedRuns.resolve(store, "recommendations", choice.runId(), choice.recommendNode())
                .orElse(new ExecutedRuns.RunNode(choice.runId(), choice.recommendNode()));
        return store.read(c -> {
            List<Object[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT i.ext_id, r.score FROM recommendations r"
                    + " JOIN users u ON u.id = r.user_id JOIN items i ON i.id = r.item_id"
                    + " WHERE r.run_id = ? AND r.node_id = ? AND u.ext_id = ? AND u.dataset_id = ? ORDER BY r.rank_no LIMIT ?")) {
                ps.setInt(1, at.runId());
                ps.setString(2, at.nodeId());
                ps.setString(3, userId);
                ps.setInt(4, catalogue.datasetId());
                ps.setInt(5, k);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Object[] {rs.getString(1), rs.getDouble(2)});
                    }
                }
            }
            return out;
        });
    }

    private Integer userDbId(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM users WHERE dataset_id = ? AND ext_id = ?")) {
            ps.setInt(1, catalogue.datasetId());
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    private static Map<Integer, Map<String, String>> attributes(Connection c, Set<Integer> users) throws SQLException {
        Map<Integer, Map<String, String>> out = new HashMap<>();
        if (users.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT a.user_id, a.name, a.str_value, a.num_value FROM user_attributes a"
                + " WHERE a.user_id = ANY(?) ORDER BY a.user_id, a.source_id, a._ROWID_")) {
            ps.setArray(1, c.createArrayOf("INTEGER", users.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String v = rs.getString(3);
                    if (v == null) {
                        double n = rs.getDouble(4);
                        v = rs.wasNull() ? "" : (n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n));
                    }
                    out.computeIfAbsent(rs.getInt(1), k -> new LinkedHashMap<>()).putIfAbsent(rs.getString(2), v);
                }
            }
        }
        return out;
    }

    private static Map<Integer, Integer> interactionCounts(Connection c, Set<Integer> users) throws SQLException {
        Map<Integer, Integer> out = new HashMap<>();
        if (users.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id, COUNT(*) FROM interactions WHERE user_id = ANY(?) GROUP BY user_id")) {
            ps.setArray(1, c.createArrayOf("INTEGER", users.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    private static int count(Connection c, String sql, int id, int times) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 1; k <= times; k++) {
                ps.setInt(k, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
