package org.recblend.engine.model;

import java.util.Arrays;
import org.recblend.domain.IdIndex;
import org.recblend.domain.InteractionTable;
import org.recblend.encode.social.SocialAdjacency;
import org.recblend.engine.Recommender;

/**
 * Social fusion at the score level: a trained model's scores plus, for every item, how many of
 * the user's friends interacted with it in training,
 * <pre>s(u, i) + w · c / (c + n_u) · σ_u · log(1 + friends of u with i)</pre>
 * where n_u is the user's own training interactions and σ_u the spread of the user's base scores.
 * The friends' votes matter most to users with little history of their own, and σ_u puts them on
 * the scale of each user's scores, so one weight suits any model. Shrinking the user's factors
 * towards the friends' mean (encode.social) only moves the user inside the model's space; this
 * brings in the friends' actual items, which the model may rank low for everyone.
 */
public final class FriendBoostRecommender implements Recommender {
    private static final long serialVersionUID = 1L;

    private final Recommender base;
    private final int[][] friends;
    private final int[][] itemsOf;
    private final float[] share;

    private FriendBoostRecommender(Recommender base, int[][] friends, int[][] itemsOf, float[] share) {
        this.base = base;
        this.friends = friends;
        this.itemsOf = itemsOf;
        this.share = share;
    }

    /**
     * @param base      the trained model
     * @param graph     friendships over any user ids (users the model does not know are left out)
     * @param train     the model's training interactions (its user and item indices)
     * @param weight    w, 0 leaves the base scores as they are
     * @param shrink    c: a user with c own interactions gets half the weight
     */
    public static FriendBoostRecommender of(Recommender base, SocialAdjacency graph, InteractionTable train, double weight,
                                            double shrink) {
        IdIndex users = base.users();
        int n = users.size();
        int[][] friends = new int[n][];
        int[] graphRow = new int[n];
        for (int u = 0; u < n; u++) {
            graphRow[u] = graph.users().indexOf(users.id(u));
        }
        int[] toModel = new int[graph.size()];
        Arrays.fill(toModel, -1);
        for (int u = 0; u < n; u++) {
            if (graphRow[u] >= 0) {
                toModel[graphRow[u]] = u;
            }
        }
        for (int u = 0; u < n; u++) {
            int g = graphRow[u];
            if (g < 0) {
                friends[u] = new int[0];
                continue;
            }
            int[] f = new int[graph.degree(g)];
            int count = 0;
            for (int k = 0; k < f.length; k++) {
                int m = toModel[graph.neighbour(g, k)];
                if (m >= 0 && m != u) {
                    f[count++] = m;
                }
            }
            friends[u] = Arrays.copyOf(f, count);
        }
        int[][] rows = train.rowsByUser();
        int[][] itemsOf = new int[n][];
        float[] share = new float[n];
        for (int u = 0; u < n; u++) {
            int[] r = u < rows.length ? rows[u] : new int[0];
            itemsOf[u] = Arrays.stream(r).map(train::item).distinct().toArray();
            share[u] = (float) (weight * shrink / (shrink + itemsOf[u].length));
        }
        return new FriendBoostRecommender(base, friends, itemsOf, share);
    }

    /** The model whose scores are boosted. */
    public Recommender base() {
        return base;
    }

    /** The weight of the friends' votes for this user, before scaling by the spread of the user's scores. */
    public double share(int user) {
        return share[user];
    }

    /** How many of this user's friends the model knows. */
    public int friendCount(int user) {
        return friends[user].length;
    }

    @Override
    public String kind() {
        return base.kind() + "+social";
    }

    @Override
    public IdIndex users() {
        return base.users();
    }

    @Override
    public IdIndex items() {
        return base.items();
    }

    @Override
    public void score(int user, float[] out) {
        base.score(user, out);
        if (user < 0 || user >= friends.length || friends[user].length == 0 || share[user] == 0) {
            return;
        }
        double w = share[user] * spread(out);
        if (w == 0) {
            return;
        }
        int[] votes = new int[out.length];
        for (int f : friends[user]) {
            for (int i : itemsOf[f]) {
                votes[i]++;
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (votes[i] > 0) {
                out[i] += (float) (w * Math.log1p(votes[i]));
            }
        }
    }

    private static double spread(float[] s) {
        double sum = 0;
        double sq = 0;
        for (float v : s) {
            sum += v;
            sq += (double) v * v;
        }
        double mean = sum / Math.max(s.length, 1);
        return Math.sqrt(Math.max(sq / Math.max(s.length, 1) - mean * mean, 0));
    }
}
