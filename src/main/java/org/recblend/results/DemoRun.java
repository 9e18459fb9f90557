package org.recblend.results;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.recblend.domain.IdIndex;
import org.recblend.encode.LazyTextEncoder;
import org.recblend.store.ProjectStore;

/**
 * What the stakeholder demo knows about one finished run: the catalogue (titles, categories), the
 * customers (a line of attributes, what they bought), the item text vectors of the run's text node
 * and each customer's taste profile (the mean of the vectors of what they bought), and where the
 * run's recommendation lists are stored. Loaded once per chosen run by {@link DemoCatalog}; every
 * question after that is answered from memory except a customer's list, one indexed query.
 */
public final class DemoRun {
    /** How many purchases a customer card shows. */
    public static final int RECENT = 3;

    /** An item as the demo names it. */
    public record Item(String id, String title, String categories) {
        /** "Blue enamel mug" or the id when the item has no title. */
        public String label() {
            return title.isBlank() ? id : title;
        }
    }

    /**
     * One recommendation and its picture of the why.
     *
     * @param rank              1 = best
     * @param item              the recommended item
     * @param score             the model's score as stored
     * @param because           the purchase whose text is closest to this item's; null without text vectors
     * @param becauseSimilarity the cosine of their text vectors, in [-1, 1]
     * @param tasteMatch        the cosine of the item's text vector and the customer's taste profile
     */
    public record Recommendation(int rank, Item item, double score, Item because, double becauseSimilarity, double tasteMatch) {
    }

    /**
     * What a trained hybrid model draws on for a product: one feature source's share of the norm of
     * the fused product features, as the training node stored it (empty for models without features).
     */
    public record SourceShare(String source, String label, double share) {
    }

    /** A customer card: who, how much history, what they bought last, what the run recommends. */
    public record User(String id, String description, int purchases, List<Item> recent, List<Recommendation> recommendations) {
    }

    private final ProjectStore store;
    private final DemoRunChoice choice;
    private final IdIndex users;
    private final IdIndex items;
    private final int[] userDbIds;
    private final Item[] catalogue;
    private final String[] userLines;
    private final int[][] history;
    private final DemoVectors itemVectors;
    private final DemoVectors profiles;
    private final String textSource;
    private final LazyTextEncoder encoder;
    private final String noEncoderReason;
    private List<SourceShare> sources = List.of();

    DemoRun(ProjectStore store, DemoRunChoice choice, IdIndex users, IdIndex items, int[] userDbIds, Item[] catalogue,
            String[] userLines, int[][] history, DemoVectors itemVectors, String textSource, LazyTextEncoder encoder,
            String noEncoderReason) {
        this.store = store;
        this.choice = choice;
        this.users = users;
        this.items = items;
        this.userDbIds = userDbIds;
        this.catalogue = catalogue;
        this.userLines = userLines;
        this.history = history;
        this.itemVectors = itemVectors;
        this.textSource = textSource;
        this.encoder = encoder;
        this.noEncoderReason = noEncoderReason;
        this.profiles = itemVectors == null ? null : profiles(itemVectors, history);
    }

    private static DemoVectors profiles(DemoVectors v, int[][] history) {
        float[] values = new float[history.length * v.dim()];
        boolean[] present = new boolean[history.length];
        for (int u = 0; u < history.length; u++) {
            float[] mean = v.meanOf(history[u]);
            if (mean != null) {
                System.arraycopy(mean, 0, values, u * v.dim(), v.dim());
                present[u] = true;
            }
        }
        return new DemoVectors(history.length, v.dim(), values, present);
    }

    public DemoRunChoice choice() {
        return choice;
    }

    public int userCount() {
        return users.size();
    }

    public int itemCount() {
        return items.size();
    }

    /** The external id of user {@code index}. */
    public String userId(int index) {
        return users.id(index);
    }

    /** Whether the run has item text vectors (the "because you bought" picture needs them). */
    public boolean hasTextVectors() {
        return itemVectors != null;
    }

    /** What made the item vectors, e.g. "text:minilm-l6-v2-q"; empty without vectors. */
    public String textSource() {
        return textSource == null ? "" : textSource;
    }

    /** The encoder of the run's text node, for new items; null when {@link #noEncoderReason()} says why not. */
    public LazyTextEncoder encoder() {
        return encoder;
    }

    /** Why new items cannot be placed with this run, or null when they can. */
    public String noEncoderReason() {
        return noEncoderReason;
    }

    /** The product feature sources of the run's model with their shares, largest first. */
    public List<SourceShare> sources() {
        return sources;
    }

    void setSources(List<SourceShare> sources) {
        this.sources = List.copyOf(sources);
    }

    DemoVectors itemVectors() {
        return itemVectors;
    }

    DemoVectors profiles() {
        return profiles;
    }

    Item item(int index) {
        return catalogue[index];
    }

    String userLine(int index) {
        return userLines[index];
    }

    int[] history(int user) {
        return history[user];
    }

    /** User ids that start with {@code prefix} (case-insensitive), in id order, at most {@code max}. */
    public List<String> suggestions(String prefix, int max) {
        String p = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (int u = 0; u < users.size() && out.size() < max; u++) {
            if (users.id(u).toLowerCase(Locale.ROOT).startsWith(p)) {
                out.add(users.id(u));
            }
        }
        return out;
    }

    /**
     * The card of a customer: attributes, purchases (newest first), and the run's stored list with
     * the purchase that explains each recommendation best.
     *
     * @throws DemoException when the run has no customer of this id
     */
    public User user(String id) throws DemoException {
        String wanted = id == null ? "" : id.strip();
        int u = users.indexOf(wanted);
        if (u < 0) {
            throw new DemoException(wanted.isEmpty() ? "Type a customer id, e.g. " + users.id(0)
                    : "No customer '" + wanted + "' in this run's data; try e.g. " + users.id(0));
        }
        int[] bought = history[u];
        List<Item> recent = new ArrayList<>();
        for (int k = 0; k < Math.min(RECENT, bought.length); k++) {
            recent.add(catalogue[bought[k]]);
        }
        List<Recommendation> recs = new ArrayList<>();
        for (double[] row : storedList(userDbIds[u])) {
            int item = (int) row[0];
            recs.add(explain(u, (int) row[1], item, row[2]));
        }
        return new User(wanted, userLines[u], bought.length, recent, recs);
    }

    private Recommendation explain(int u, int rank, int item, double score) {
        if (itemVectors == null || item < 0) {
            return new Recommendation(rank, item < 0 ? new Item("?", "", "") : catalogue[item], score, null, 0, 0);
        }
        int best = -1;
        double bestSim = -2;
        for (int h : history[u]) {
            double sim = itemVectors.cosine(item, h);
            if (h != item && sim > bestSim) {
                bestSim = sim;
                best = h;
            }
        }
        float[] taste = profileOf(u);
        double match = taste == null ? 0 : itemVectors.cosine(item, taste);
        return new Recommendation(rank, catalogue[item], score, best < 0 ? null : catalogue[best], best < 0 ? 0 : bestSim, match);
    }

    private float[] profileOf(int u) {
        return profiles == null || !profiles.present(u) ? null : profiles.row(u);
    }

    /** Rows of (item index, rank, score) of one user's stored list, best first. */
    private List<double[]> storedList(int userDbId) {
        return store.read(c -> {
            List<double[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.rank_no, i.ext_id, r.score FROM recommendations r"
                    + " JOIN items i ON i.id = r.item_id WHERE r.run_id = ? AND r.node_id = ? AND r.user_id = ? ORDER BY r.rank_no")) {
                ps.setInt(1, choice.recRunId());
                ps.setString(2, choice.recNodeId());
                ps.setInt(3, userDbId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new double[] {items.indexOf(rs.getString(2)), rs.getInt(1), rs.getDouble(3)});
                    }
                }
            }
            return rows;
        });
    }
}
