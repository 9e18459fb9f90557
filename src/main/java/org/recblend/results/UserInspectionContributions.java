package org.recblend.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recblend.engine.Recommender;
import org.recblend.engine.model.EmbeddingSource;
import org.recblend.engine.model.FloatMatrix;
import org.recblend.engine.model.FriendBoostRecommender;
import org.recblend.engine.model.HybridTowers;

/**
 * Splits a recommendation's score into what each kind of source contributed (decision 0025).
 * The Hybrid model scores s = p_u · q_i + biases, where the user vector p_u is an ID part plus one
 * part per user source and the item vector q_i an ID part plus one part per item source. Every term
 * of the dot product pairs a user part with an item part; its Shapley value gives half of the term
 * to each, so a user part U gets ½ U · q_i, an item part I gets ½ p_u · I, and the parts add up to
 * the score exactly. ID parts and biases are behaviour; sources are grouped by their names into
 * text, content (categories and attributes), social and context. A cold item's vector is predicted
 * from its features (the cold map), so its ID part is its own group. Friends' boost (social score
 * fusion) is the social part over the base model's score; other models are behaviour only.
 */
public final class UserInspectionContributions {
    public static final String BEHAVIOUR = "behaviour";
    public static final String TEXT = "text";
    public static final String CONTENT = "content";
    public static final String SOCIAL = "social";
    public static final String CONTEXT = "context";
    public static final String COLD_MAP = "cold map";
    /** The groups in the order they are shown. */
    public static final List<String> GROUPS = List.of(BEHAVIOUR, TEXT, CONTENT, SOCIAL, CONTEXT, COLD_MAP);

    private final Recommender recommender;
    private final FloatMatrix users;
    private final FloatMatrix items;
    private final HybridTowers.SourceParts parts;
    private final String[] userGroups;
    private final String[] itemGroups;
    private final boolean[] warmItems;
    private final List<String> groups;

    private UserInspectionContributions(Recommender recommender, HybridTowers.SourceParts parts, boolean[] warmItems) {
        this.recommender = recommender;
        this.parts = parts;
        this.warmItems = warmItems;
        if (parts != null) {
            EmbeddingSource e = (EmbeddingSource) recommender;
            this.users = e.userEmbeddings();
            this.items = e.itemEmbeddings();
            this.userGroups = parts.userSources().stream().map(UserInspectionContributions::group).toArray(String[]::new);
            this.itemGroups = parts.itemSources().stream().map(UserInspectionContributions::group).toArray(String[]::new);
        } else {
            this.users = null;
            this.items = null;
            this.userGroups = new String[0];
            this.itemGroups = new String[0];
        }
        List<String> present = new ArrayList<>(List.of(BEHAVIOUR));
        for (String g : GROUPS) {
            boolean used = List.of(userGroups).contains(g) || List.of(itemGroups).contains(g)
                    || (g.equals(SOCIAL) && recommender instanceof FriendBoostRecommender)
                    || (g.equals(COLD_MAP) && parts != null && anyCold(warmItems));
            if (used && !present.contains(g)) {
                present.add(g);
            }
        }
        this.groups = List.copyOf(present);
    }

    /** A Hybrid model's explainer, from its per-source parts; {@code warmItems} says which items had training rows. */
    public static UserInspectionContributions hybrid(Recommender r, HybridTowers.SourceParts parts, boolean[] warmItems) {
        return new UserInspectionContributions(r, parts, warmItems);
    }

    /** Any other model: behaviour only, or behaviour and friends for social score fusion. */
    public static UserInspectionContributions plain(Recommender r) {
        return new UserInspectionContributions(r, null, null);
    }

    /** The groups this model can have, behaviour first. */
    public List<String> groups() {
        return groups;
    }

    /** The group of a source name: "text:minilm…", "profile:text:…" → text; "social:…" → social… */
    public static String group(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        if (s.startsWith("profile:")) {
            s = s.substring("profile:".length());
        }
        if (s.startsWith("text") || s.startsWith("sentiment") || s.startsWith("polarity") || s.startsWith("tfidf")) {
            return TEXT;
        }
        if (s.startsWith("social")) {
            return SOCIAL;
        }
        if (s.startsWith("context")) {
            return CONTEXT;
        }
        return CONTENT;
    }

    /**
     * The parts of the score of item {@code item} for user {@code user} (the recommender's indices),
     * by group, adding up to {@code score}.
     */
    public Map<String, Double> of(int user, int item, double score) {
        Map<String, Double> out = new LinkedHashMap<>();
        groups.forEach(g -> out.put(g, 0.0));
        if (recommender instanceof FriendBoostRecommender f) {
            float[] base = new float[recommender.items().size()];
            f.base().score(user, base);
            out.put(BEHAVIOUR, (double) base[item]);
            out.put(SOCIAL, score - base[item]);
            return out;
        }
        if (parts == null) {
            out.put(BEHAVIOUR, score);
            return out;
        }
        int d = users.cols();
        double[] p = row(users, user);
        double[] q = row(items, item);
        double pq = dot(p, q);
        double[] idUser = p.clone();
        for (int b = 0; b < userGroups.length; b++) {
            double[] part = part(parts.userParts()[b], user, d);
            add(out, userGroups[b], 0.5 * dot(part, q));
            subtract(idUser, part);
        }
        double[] idItem = q.clone();
        for (int b = 0; b < itemGroups.length; b++) {
            double[] part = part(parts.itemParts()[b], item, d);
            add(out, itemGroups[b], 0.5 * dot(p, part));
            subtract(idItem, part);
        }
        boolean cold = warmItems != null && !warmItems[item];
        add(out, BEHAVIOUR, 0.5 * dot(idUser, q) + (score - pq));
        add(out, cold ? COLD_MAP : BEHAVIOUR, 0.5 * dot(p, idItem));
        return out;
    }

    private static boolean anyCold(boolean[] warm) {
        if (warm == null) {
            return false;
        }
        for (boolean w : warm) {
            if (!w) {
                return true;
            }
        }
        return false;
    }

    private static void add(Map<String, Double> out, String group, double v) {
        out.merge(group, v, Double::sum);
    }

    private static double[] row(FloatMatrix m, int r) {
        double[] out = new double[m.cols()];
        for (int k = 0; k < out.length; k++) {
            out[k] = m.get(r, k);
        }
        return out;
    }

    private static double[] part(float[] rows, int r, int d) {
        double[] out = new double[d];
        for (int k = 0; k < d; k++) {
            out[k] = rows[r * d + k];
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static void subtract(double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            a[k] -= b[k];
        }
    }
}
